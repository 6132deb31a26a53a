"""A partnership's one timeline: its activities, its yearly plans and reports, and what
other apps add (the news that mention both sides: news registers its source here, so
the registry never imports news), newest first, a page at a time.

Every row has a date, a kind and a key: (date, rank of its source, pk), newest first.
A page is the first `PAGE_SIZE` rows before a cursor (the key of the last row shown):
each source reads at most `PAGE_SIZE + 1` of its rows before it, by keyset, never by
OFFSET, so a page costs the same few queries however long the partnership's life is.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDate

from partnerships.models import Activity, Partnership, YearlyDocument

from .cursor import ACTIVITY_RANK, NEWS_RANK, PAGE_SIZE, YEARLY_RANK, Cursor
from .permissions import PartnershipAccess

__all__ = ["NEWS_RANK", "Cursor", "Row", "newest", "page", "register_source"]


@dataclass(frozen=True)
class Row:
    on: date
    rank: int
    kind: str  # "activity", "news", "plan" or "report": the label and icon
    item: Any

    @property
    def key(self) -> tuple[date, int, int]:
        return (self.on, self.rank, self.item.pk)

    @property
    def cursor(self) -> Cursor:
        return Cursor(*self.key)


@dataclass(frozen=True)
class Reader:
    """Who reads the timeline: what they see of drafts depends on it."""

    user: Any
    access: PartnershipAccess


# (partnership, reader, cursor, limit) → at most `limit` rows before the cursor, newest first.
Source = Callable[[Partnership, Reader, Cursor | None, int], list[Row]]
_sources: list[Source] = []


def register_source(source: Source) -> Source:
    """Add a source of rows (another app's: news), once, at start-up (AppConfig.ready)."""
    if source not in _sources:
        _sources.append(source)
    return source


def before(cursor: Cursor | None, rank: int, day: str) -> Q:
    """The rows of a source of `rank` that come after `cursor` in the timeline's order;
    `day` is the row's date (a field or an alias)."""
    if cursor is None:
        return Q()
    if rank > cursor.rank:
        return Q(**{f"{day}__lt": cursor.on})
    if rank < cursor.rank:
        return Q(**{f"{day}__lte": cursor.on})
    return Q(**{f"{day}__lt": cursor.on}) | Q(**{day: cursor.on, "pk__lt": cursor.pk})


def newest(queryset: QuerySet, cursor: Cursor | None, rank: int, day: str, limit: int) -> list:
    return list(queryset.filter(before(cursor, rank, day)).order_by(F(day).desc(), "-pk")[:limit])


def _activities(partnership, reader: Reader, cursor, limit) -> list[Row]:
    activities = (
        Activity.objects.filter(partnership=partnership)
        .visible_to_side(reader.access.side_id)
        .for_timeline()
    )
    return [
        Row(activity.happened_on, ACTIVITY_RANK, "activity", activity)
        for activity in newest(activities, cursor, ACTIVITY_RANK, "happened_on", limit)
    ]


def _yearly(partnership, reader: Reader, cursor, limit) -> list[Row]:
    """An agreed document on the day both sides agreed; a draft (its sides see it) on the
    day it was opened."""
    documents = (
        YearlyDocument.objects.filter(partnership=partnership)
        .visible_to(reader.user, reader.access.side_id)
        .alias(on=Coalesce(TruncDate("agreed_at"), TruncDate("created_at")))
        .annotate(timeline_on=F("on"))
    )
    return [
        Row(document.timeline_on, YEARLY_RANK, document.kind, document)
        for document in newest(documents, cursor, YEARLY_RANK, "on", limit)
    ]


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    cursor: Cursor | None  # where this page starts (None: the newest)
    next_cursor: Cursor | None  # where the next, older page starts (None: this is the last)


def page(
    partnership: Partnership, reader: Reader, cursor: Cursor | None, size: int = PAGE_SIZE
) -> Page:
    rows = [
        row
        for source in (_yearly, _activities, *_sources)
        for row in source(partnership, reader, cursor, size + 1)
    ]
    rows.sort(key=lambda row: row.key, reverse=True)
    shown = rows[:size]
    return Page(
        rows=shown, cursor=cursor, next_cursor=shown[-1].cursor if len(rows) > size else None
    )


def address_of(activity: Activity, reader: Reader) -> str:
    """Where to show an activity just written: the newest page when it is on it, else the
    page that starts at it (its permanent address, get_absolute_url)."""
    partnership = activity.partnership
    first = page(partnership, reader, None)
    if any(row.kind == "activity" and row.item.pk == activity.pk for row in first.rows):
        return f"{partnership.get_absolute_url()}#activity-{activity.pk}"
    return activity.get_absolute_url()
