"""Writes of activities; the views check who may do them (activities.permissions)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from core import caching
from partnerships.models import Activity, ActivityContribution, Municipality, Partnership

from .models import ActivityStatus


def activities_generation() -> str:
    """Pieces that show published activities (profiles' timelines) are cached under it."""
    return caching.token("activities")


def activity_record(
    *,
    partnership: Partnership,
    municipality: Municipality,
    user,
    happened_on: date,
    kind: str,
    title: str,
    description: str,
    language: str,
    link: str,
) -> Activity:
    """A draft, seen by the recording side only until it publishes it."""
    return Activity.objects.create(
        partnership=partnership,
        municipality=municipality,
        created_by=user,
        happened_on=happened_on,
        kind=kind,
        title=title,
        description=description,
        language=language,
        link=link,
    )


def activity_publish(*, activity: Activity) -> bool:
    """Publish a draft; False if it was published already (a double submit changes nothing)."""
    with transaction.atomic():
        changed = Activity.objects.filter(pk=activity.pk, status=ActivityStatus.DRAFT).update(
            status=ActivityStatus.PUBLISHED, published_at=timezone.now()
        )
        if changed:
            caching.bump("activities")
    return bool(changed)


def contribution_add(
    *, activity: Activity, municipality: Municipality, user, note: str, photo
) -> ActivityContribution:
    contribution = ActivityContribution.objects.create(
        activity=activity, municipality=municipality, created_by=user, note=note, photo=photo
    )
    if activity.is_published:
        caching.bump("activities")
    return contribution
