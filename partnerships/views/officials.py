"""Applying to act for a municipality, and the official's dashboard and profile editor."""

import hashlib
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, Subquery, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.caching import cached_render
from core.listing import StrictPaginator
from partnerships import permissions
from partnerships.caching import registry_generation
from partnerships.choices import RequestStatus
from partnerships.forms import MunicipalityProfileForm, OfficialApplicationForm
from partnerships.memoranda.text import SECTION_KEYS
from partnerships.models import (
    CooperationRequest,
    Memorandum,
    Municipality,
    MunicipalityProposal,
    Official,
    Partnership,
)
from partnerships.services import officials as official_services
from partnerships.suggestions import suggest_partners


@login_required
def official_apply(request, slug: str):
    municipality: Municipality = get_object_or_404(
        Municipality.objects.select_related("region"), slug=slug
    )
    active = Official.objects.active().filter(user=request.user).select_related("municipality")
    current = active.first()
    form = OfficialApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST" and current is None:
        if form.is_valid():
            try:
                official_services.official_apply(
                    user=request.user,
                    municipality=municipality,
                    language=get_language() or "uk",
                    **form.cleaned_data,
                )
            except official_services.OfficialError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                messages.success(
                    request,
                    _("Thank you. The ministry will check your application and write to you."),
                )
                return redirect("partnerships:dashboard")
        else:
            status = 400
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "partnerships/official_apply.html",
        {
            "form": form,
            "municipality": municipality,
            "current": current,
            "crumbs": [
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (municipality.name, municipality.get_absolute_url()),
                (_("Act for this municipality"), ""),
            ],
        },
        status=status,
    )


@login_required
def dashboard(request):
    official = permissions.approved_official(request.user)
    if official is None:
        applications = Official.objects.filter(user=request.user).for_queue()
        proposals = MunicipalityProposal.objects.filter(user=request.user)
        return render(
            request,
            "partnerships/dashboard_pending.html",
            {
                "applications": applications,
                "proposals": proposals,
                "crumbs": [(_("My municipality"), "")],
            },
        )
    # Everything on it is the municipality's (requests, memoranda, partnerships,
    # suggestions: all under the registry generation) or the official's position.
    address = f"{official.pk}:{official.municipality_id}:{official.position}:{get_language()}"
    key = f"dashboard:{registry_generation()}:{hashlib.sha256(address.encode()).hexdigest()}"
    content = cached_render(
        key, "partnerships/dashboard_content.html", partial(_dashboard, official), request
    )
    return render(
        request,
        "partnerships/dashboard.html",
        {"content": content, "crumbs": [(_("My municipality"), "")]},
    )


def _dashboard(official: Official) -> dict:
    municipality = Municipality.objects.for_cards().get(pk=official.municipality_id)
    incoming, outgoing = (
        requests_of(municipality, direction) for direction in ("incoming", "outgoing")
    )
    partnerships = Partnership.objects.involving(municipality).with_parties().with_health()
    latest_partnerships = list(partnerships.order_by("-created_at", "-pk")[:DASHBOARD_ITEMS])
    memoranda = Memorandum.objects.involving(municipality).order_by("-updated_at", "-pk")
    latest_memoranda = with_rows(
        memoranda[:DASHBOARD_ITEMS],
        Memorandum.objects.with_parties().defer(*MEMORANDUM_TEXTS),
    )
    for memorandum in latest_memoranda:
        memorandum.partner = memorandum.partner_of(municipality.pk)
    return {
        "official": official,
        "municipality": municipality,
        # The open ones first, then the latest; the rest on pages of their own.
        "incoming": request_cards(incoming[:DASHBOARD_ITEMS]),
        "incoming_count": incoming.count(),
        "outgoing": request_cards(outgoing[:DASHBOARD_ITEMS]),
        "outgoing_count": outgoing.count(),
        "partners": [(p, p.partner_of(municipality)) for p in latest_partnerships],
        "partners_count": partnerships.count(),
        "memoranda": latest_memoranda,
        "memoranda_count": memoranda.count(),
        "dashboard_items": DASHBOARD_ITEMS,
        "suggestions": suggest_partners(municipality),
    }


# The dashboard shows this many requests of each direction and memoranda; a busy
# municipality's others are on the pages of requests_list and the memoranda list.
DASHBOARD_ITEMS = 12
REQUESTS_PER_PAGE = 24
DIRECTIONS = {"incoming": "to_municipality", "outgoing": "from_municipality"}
# Lists show a memorandum's title and status, never its texts (the widest columns).
MEMORANDUM_TEXTS = [f"{key}_{code}" for key in SECTION_KEYS for code in ("uk", "other")]


def requests_of(municipality: Municipality, direction: str):
    """Requests to (incoming) or from (outgoing) the municipality: open ones first.
    Only their own columns: a page of them gets its cards' rows with request_cards."""
    return CooperationRequest.objects.filter(**{DIRECTIONS[direction]: municipality}).order_by(
        Case(When(status=RequestStatus.SUBMITTED, then=0), default=1), "-created_at", "-pk"
    )


def with_rows(page, queryset) -> list:
    """The rows of `page` (a sliced queryset, sorted on its own narrow table) read
    again from `queryset` with their joins, in the page's order: sorting a busy
    municipality's hundreds of rows with both parties' joined columns took 50 ms."""
    chosen = queryset.filter(pk__in=Subquery(page.values("pk")))
    return list(chosen.order_by(*page.query.order_by))


def request_cards(page) -> list:
    return with_rows(
        page,
        CooperationRequest.objects.with_parties().defer(
            *(f"memorandum__{name}" for name in MEMORANDUM_TEXTS)
        ),
    )


@login_required
def requests_list(request, direction: str):
    official = permissions.approved_official(request.user)
    if official is None or direction not in DIRECTIONS:
        raise Http404(_("No such list."))
    municipality = official.municipality
    page = StrictPaginator(requests_of(municipality, direction), REQUESTS_PER_PAGE).page(
        request.GET.get("page") or 1
    )
    page.object_list = request_cards(page.object_list)
    heading = _("Requests to you") if direction == "incoming" else _("Your requests")
    return render(
        request,
        "partnerships/request_list.html",
        {
            "municipality": municipality,
            "heading": heading,
            "page_obj": page,
            "paginator": page.paginator,
            "requests": page.object_list,
            "crumbs": [
                (_("My municipality"), reverse("partnerships:dashboard")),
                (heading, ""),
            ],
        },
    )


@login_required
def profile_edit(request):
    municipality = permissions.municipality_for_official(request.user)
    form = MunicipalityProfileForm(
        request.POST or None, request.FILES or None, instance=municipality
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The profile was saved."))
            return redirect("partnerships:dashboard")
        status = 400
    return render(
        request,
        "partnerships/profile_form.html",
        {
            "form": form,
            "municipality": municipality,
            "crumbs": [
                (_("My municipality"), reverse("partnerships:dashboard")),
                (_("Edit the profile"), ""),
            ],
        },
        status=status,
    )
