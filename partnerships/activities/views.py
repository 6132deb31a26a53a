"""The partnership page with its timeline, and the officials' activity forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import caching
from partnerships.models import Activity, Municipality, Partnership, YearlyDocument
from partnerships.yearly.forms import YearlyOpenForm

from . import services
from .forms import ActivityForm, ContributionForm
from .permissions import PartnershipAccess, acting_side, partnership_access


def _partnership(pk: int) -> Partnership:
    return get_object_or_404(
        Partnership.objects.with_parties().with_health().select_related("memorandum"), pk=pk
    )


def _crumbs(partnership: Partnership, last: str = "") -> list:
    crumbs = [(_("Municipalities"), reverse("partnerships:municipality-list"))]
    if last:
        return [*crumbs, (str(partnership), partnership.get_absolute_url()), (last, "")]
    return [*crumbs, (str(partnership), "")]


# Activities a page of the timeline shows (the busiest partnerships have hundreds).
TIMELINE_PAGE = 20


def partnership_detail(request, pk: int):
    """The partnership page. Its main part is the same for every reader not signed in
    (no drafts, no buttons): cached for them under the registry, news and activities
    generations (partnerships.caching), per page of the timeline and language."""
    number = request.GET.get("page", "1")
    number = number if number.isdigit() and len(number) < 6 else "1"
    if not request.user.is_authenticated:
        tokens = caching.tokens("registry", "news", "activities")
        key = f"partnership-page:{':'.join(tokens)}:{pk}:{get_language()}:{number}"
        part = cache.get(key)
        if part is None:
            part = _partnership_part(request, _partnership(pk), number)
            cache.set(key, part, caching.MAX_AGE)
    else:
        part = _partnership_part(request, _partnership(pk), number)
    return render(
        request, "partnerships/partnership_detail.html", {"part": part, "crumbs": part["crumbs"]}
    )


def _partnership_part(request, partnership: Partnership, number: str) -> dict:
    """The page's title, description, breadcrumbs and rendered main part."""
    access = partnership_access(request.user, partnership)
    activities = (
        Activity.objects.filter(partnership=partnership)
        .visible_to_side(access.side_id)
        .for_timeline()
    )
    page = Paginator(activities, TIMELINE_PAGE).get_page(number)
    main = render_to_string(
        "partnerships/partnership_main.html",
        {
            "partnership": partnership,
            "access": access,
            "activities": [
                (activity, access.can_publish(activity), access.can_contribute(activity))
                for activity in page.object_list
            ],
            "timeline_page": page,
            "yearly_documents": list(
                YearlyDocument.objects.filter(partnership=partnership)
                .visible_to(request.user, access.side_id)
                .for_timeline()
            ),
            "yearly_form": YearlyOpenForm(initial={"year": timezone.localdate().year})
            if access.can_record
            else None,
        },
        request=request,
    )
    names = {"a": partnership.municipality_a.name, "b": partnership.municipality_b.name}
    return {
        "title": str(partnership),
        "description": _("The partnership of %(a)s and %(b)s: what they did together.") % names,
        "crumbs": _crumbs(partnership),
        "main": mark_safe(main),
    }


def _activity(request, pk: int) -> tuple[Activity, PartnershipAccess, Municipality]:
    """An activity the user may act on: 404 for a draft they may not see, 403 for others."""
    activity = get_object_or_404(Activity.objects.select_related("municipality"), pk=pk)
    activity.partnership = _partnership(activity.partnership_id)
    access = partnership_access(request.user, activity.partnership)
    if not activity.is_published and activity.municipality_id != access.side_id:
        raise Http404
    _access, side = acting_side(request.user, activity.partnership, access)
    return activity, access, side


@login_required
def activity_create(request, pk: int):
    partnership = _partnership(pk)
    _access, side = acting_side(request.user, partnership)
    form = ActivityForm(request.POST or None, initial={"language": (get_language() or "uk")[:2]})
    if request.method == "POST":
        if form.is_valid():
            activity = services.activity_record(
                partnership=partnership, municipality=side, user=request.user, **form.cleaned_data
            )
            messages.success(
                request, _("Saved as a draft: only your side sees it until you publish it.")
            )
            return redirect(activity)
        status = 400
    else:
        status = 200
    return render(
        request,
        "partnerships/activity_form.html",
        {
            "form": form,
            "partnership": partnership,
            "heading": _("Record an activity"),
            "crumbs": _crumbs(partnership, _("Record an activity")),
        },
        status=status,
    )


@login_required
@require_POST
def activity_publish(request, pk: int):
    activity, access, _side_municipality = _activity(request, pk)
    if activity.municipality_id != access.side_id:  # only the recording side publishes
        raise PermissionDenied
    if services.activity_publish(activity=activity):
        messages.success(request, _("The activity is published."))
    else:
        messages.info(request, _("The activity was already published."))
    return redirect(activity)


@login_required
def contribution_add(request, pk: int):
    activity, access, side = _activity(request, pk)
    if not access.can_contribute(activity):
        raise PermissionDenied
    form = ContributionForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.contribution_add(
                activity=activity, municipality=side, user=request.user, **form.cleaned_data
            )
            messages.success(request, _("Your addition is saved."))
            return redirect(activity)
        status = 400
    return render(
        request,
        "partnerships/activity_form.html",
        {
            "form": form,
            "partnership": activity.partnership,
            "activity": activity,
            "heading": _("Add a note or a photo"),
            "crumbs": _crumbs(activity.partnership, _("Add a note or a photo")),
        },
        status=status,
    )
