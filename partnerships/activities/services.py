"""Writes of activities; the views check who may do them (activities.permissions).

Creating an activity and adding to one carry the form's one-time submit key
(core.submit_once): the same form sent twice makes one row. A photo's file goes from the
storage when its row goes, once the transaction commits.
"""

import uuid
from datetime import date

from django.db import transaction
from django.utils import timezone

from core import caching
from core.submit_once import create_once
from partnerships.models import Activity, ActivityContribution, Municipality, Partnership

from .models import ActivityStatus

# The fields the recording side writes, on the form and in activity_update.
ACTIVITY_FIELDS = ("happened_on", "kind", "title", "description", "language", "link")


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
    submit_key: uuid.UUID,
    photo=None,
) -> tuple[Activity, bool]:
    """A draft, seen by the recording side only until it publishes it, with the side's
    photo if one came with it; (activity, created): a second submit of the same form
    gives the first activity back."""

    def create() -> Activity:
        activity = Activity.objects.create(
            partnership=partnership,
            municipality=municipality,
            created_by=user,
            happened_on=happened_on,
            kind=kind,
            title=title,
            description=description,
            language=language,
            link=link,
            submit_key=submit_key,
        )
        if photo:
            ActivityContribution.objects.create(
                activity=activity, municipality=municipality, created_by=user, photo=photo
            )
        return activity

    return create_once(Activity, create, partnership=partnership, submit_key=submit_key)


def activity_update(
    *, activity: Activity, user, photo=None, remove_photos=(), **fields
) -> Activity:
    """The recording side corrects its activity: the fields, a new photo of its own, and
    its own photos taken away (an addition with a note keeps the note)."""
    with transaction.atomic():
        for name in ACTIVITY_FIELDS:
            setattr(activity, name, fields[name])
        activity.save(update_fields=[*ACTIVITY_FIELDS, "updated_at"])
        for part in remove_photos:
            _forget_file(part.photo.name)
            if part.note.strip():
                ActivityContribution.objects.filter(pk=part.pk).update(
                    photo="", photo_width=None, photo_height=None
                )
            else:
                part.delete()
        if photo:
            ActivityContribution.objects.create(
                activity=activity, municipality=activity.municipality, created_by=user, photo=photo
            )
        if activity.is_published:
            caching.bump("activities")
    return activity


def activity_delete(*, activity: Activity) -> None:
    """The activity goes with every addition to it, and their photos' files."""
    with transaction.atomic():
        for name in activity.contributions.exclude(photo="").values_list("photo", flat=True):
            _forget_file(name)
        activity.delete()
        if activity.is_published:
            caching.bump("activities")


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
    *, activity: Activity, municipality: Municipality, user, note: str, photo, submit_key
) -> tuple[ActivityContribution, bool]:
    """(addition, created): a second submit of the same form gives the first one back,
    and the photo file it brought again is not kept."""
    contribution = ActivityContribution(
        activity=activity,
        municipality=municipality,
        created_by=user,
        note=note,
        photo=photo or "",
        submit_key=submit_key,
    )

    def create() -> ActivityContribution:
        contribution.save()
        return contribution

    saved, created = create_once(
        ActivityContribution, create, activity=activity, submit_key=submit_key
    )
    brought = contribution.photo.name if contribution.photo else ""
    if not created and brought and brought != saved.photo.name:
        contribution.photo.storage.delete(brought)
    if created and activity.is_published:
        caching.bump("activities")
    return saved, created


def contribution_delete(*, contribution: ActivityContribution) -> None:
    with transaction.atomic():
        if contribution.photo.name:
            _forget_file(contribution.photo.name)
        contribution.delete()
        if contribution.activity.is_published:
            caching.bump("activities")


def _forget_file(name: str) -> None:
    storage = ActivityContribution._meta.get_field("photo").storage  # type: ignore[attr-defined]
    transaction.on_commit(lambda: storage.delete(name))
