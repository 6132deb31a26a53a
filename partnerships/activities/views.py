"""The partnership page with its timeline, and the officials' activity forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import caching
from core.submit_once import new_key
from partnerships.models import Activity, ActivityContribution, Municipality, Partnership
from partnerships.yearly.forms import YearlyOpenForm

from . import services, timeline
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


def partnership_detail(request, pk: int):
    """The partnership page. Its main part is the same for every reader not signed in
    (no drafts, no buttons): cached for them under the registry, news and activities
    generations (partnerships.caching), per page of the timeline and language."""
    try:
        cursor = timeline.Cursor.parse(request.GET["before"]) if "before" in request.GET else None
    except ValueError:
        return HttpResponseBadRequest(
            _("This page of the timeline does not exist: start from its newest page."),
            content_type="text/plain; charset=utf-8",
        )
    if not request.user.is_authenticated:
        tokens = caching.tokens("registry", "news", "activities")
        key = f"partnership-page:{':'.join(tokens)}:{pk}:{get_language()}:{cursor or ''}"
        part = cache.get(key)
        if part is None:
            part = _partnership_part(request, _partnership(pk), cursor)
            cache.set(key, part, caching.MAX_AGE)
    else:
        part = _partnership_part(request, _partnership(pk), cursor)
    return render(
        request, "partnerships/partnership_detail.html", {"part": part, "crumbs": part["crumbs"]}
    )


def _partnership_part(request, partnership: Partnership, cursor: timeline.Cursor | None) -> dict:
    """The page's title, description, breadcrumbs and rendered main part."""
    access = partnership_access(request.user, partnership)
    page = timeline.page(partnership, timeline.Reader(request.user, access), cursor)
    main = render_to_string(
        "partnerships/partnership_main.html",
        {
            "partnership": partnership,
            "access": access,
            "page": page,
            "rows": [
                (
                    row,
                    row.kind == "activity" and access.can_publish(row.item),
                    row.kind == "activity" and access.can_contribute(row.item),
                    row.kind == "activity" and access.can_edit(row.item),
                )
                for row in page.rows
            ],
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


def _form_page(request, form, partnership: Partnership, heading: str, **extra):
    """An activity's or an addition's form: a 400 when it comes back from a post (the
    form said what is wrong), else the empty form."""
    return render(
        request,
        "partnerships/activity_form.html",
        {
            "form": form,
            "partnership": partnership,
            "heading": heading,
            "crumbs": _crumbs(partnership, heading),
            **extra,
        },
        status=400 if request.method == "POST" else 200,
    )


def _back_to(request, activity: Activity):
    access = partnership_access(request.user, activity.partnership)
    return redirect(timeline.address_of(activity, timeline.Reader(request.user, access)))


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
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        initial={"language": (get_language() or "uk")[:2], "submit_key": new_key()},
    )
    if request.method == "POST" and form.is_valid():
        activity, created = services.activity_record(
            partnership=partnership, municipality=side, user=request.user, **form.cleaned_data
        )
        if created:
            messages.success(
                request, _("Saved as a draft: only your side sees it until you publish it.")
            )
        return _back_to(request, activity)
    return _form_page(request, form, partnership, _("Record an activity"))


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
    return _back_to(request, activity)


@login_required
def contribution_add(request, pk: int):
    activity, access, side = _activity(request, pk)
    if not access.can_contribute(activity):
        raise PermissionDenied
    form = ContributionForm(
        request.POST or None, request.FILES or None, initial={"submit_key": new_key()}
    )
    if request.method == "POST" and form.is_valid():
        _part, created = services.contribution_add(
            activity=activity, municipality=side, user=request.user, **form.cleaned_data
        )
        if created:
            messages.success(request, _("Your addition is saved."))
        return _back_to(request, activity)
    return _form_page(
        request, form, activity.partnership, _("Add a note or a photo"), activity=activity
    )


@login_required
def activity_edit(request, pk: int):
    activity, access, side = _activity(request, pk)
    if not access.can_edit(activity):
        raise PermissionDenied
    own_photos = activity.contributions.filter(municipality=side).exclude(photo="")
    form = ActivityForm(
        request.POST or None, request.FILES or None, instance=activity, own_photos=own_photos
    )
    if request.method == "POST" and form.is_valid():
        services.activity_update(activity=activity, user=request.user, **form.cleaned_data)
        messages.success(request, _("The activity is saved."))
        return _back_to(request, activity)
    return _form_page(
        request,
        form,
        activity.partnership,
        _("Correct the activity"),
        activity=activity,
        delete_url=reverse("partnerships:activity-delete", kwargs={"pk": activity.pk}),
    )


@login_required
def activity_delete(request, pk: int):
    """A page that asks first (GET); the deletion itself is a POST."""
    activity, access, side = _activity(request, pk)
    if not access.can_edit(activity):
        raise PermissionDenied
    if request.method == "POST":
        services.activity_delete(activity=activity)
        messages.success(request, _("The activity is deleted."))
        return redirect(activity.partnership)
    others = activity.contributions.exclude(municipality=side).count()
    return render(
        request,
        "partnerships/activity_delete.html",
        {
            "activity": activity,
            "partnership": activity.partnership,
            "others": others,
            "crumbs": _crumbs(activity.partnership, _("Delete the activity")),
        },
    )


@login_required
def contribution_delete(request, pk: int):
    """Each side takes away its own additions; it asks first (GET), deletes on POST."""
    contribution = get_object_or_404(ActivityContribution.objects.select_related("activity"), pk=pk)
    activity, access, _side = _activity(request, contribution.activity_id)
    if not access.can_remove(contribution):
        raise PermissionDenied
    contribution.activity = activity
    if request.method == "POST":
        services.contribution_delete(contribution=contribution)
        messages.success(request, _("Your addition is removed."))
        return _back_to(request, activity)
    return render(
        request,
        "partnerships/activity_delete.html",
        {
            "activity": activity,
            "contribution": contribution,
            "partnership": activity.partnership,
            "crumbs": _crumbs(activity.partnership, _("Remove your addition")),
        },
    )
