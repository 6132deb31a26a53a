"""Writes of yearly plans and reports: open, save a version, agree. The views check who
may do them (yearly.permissions); the two-sided agreement is partnerships.agreement's.

Every write that reads the document first takes a row lock on it, so two officials
saving or agreeing at the same moment are served one after the other.
"""

from dataclasses import dataclass
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core import caching
from core.notifications.models import NotificationKind as Kind
from core.notifications.service import notify
from partnerships import agreement
from partnerships.memoranda.text.languages import area_label, second_language
from partnerships.models import (
    Activity,
    CooperationArea,
    Memorandum,
    Municipality,
    Partnership,
)
from partnerships.notifications import Pair, official_users

from .models import YearlyDocument, YearlyKind, YearlyStatus

EVENTS = {
    Kind.YEARLY_VERSION: _("Version %(version)s of the %(document)s of %(pair)s"),
    Kind.YEARLY_AGREED: _("%(name)s agreed to version %(version)s of the %(document)s of %(pair)s"),
}


class Texts(NamedTuple):
    """A document's two columns: Ukrainian and the second language."""

    uk: str
    other: str


class YearlyError(Exception):
    """A write that the document's state does not allow; the message says why."""


@dataclass(frozen=True)
class _Named:
    """A document's kind and year, and its pair, as text in the reader's language."""

    document: YearlyDocument

    def __str__(self) -> str:
        return f"{self.document.get_kind_display()} {self.document.year}"


def _notify(document: YearlyDocument, kind: Kind, *, actor, municipality=None) -> None:
    """Both sides' officials but the one who acted, in each one's language."""
    partnership = document.partnership
    notify(
        official_users(partnership.municipality_a, partnership.municipality_b),
        kind,
        document,
        title=EVENTS[kind],
        params={
            "version": document.version,
            "document": _Named(document),
            "pair": Pair(partnership.municipality_a, partnership.municipality_b),
            "name": municipality or "",
        },
        actor=actor,
    )


def initial_texts(partnership: Partnership, kind: str, year: int, language: str) -> Texts:
    """A plan starts with a heading per area of cooperation (the memorandum's request's,
    else what either side offers or needs), in each column's language; a report with
    that year's published activities listed (in the language they were written in)."""
    if kind == YearlyKind.REPORT:
        activities = (
            Activity.objects.published()
            .filter(partnership=partnership, happened_on__year=year)
            .order_by("happened_on", "pk")
        )
        listed = "\n".join(
            f"{date_format(activity.happened_on, 'd.m.Y')} — {activity.title}"
            for activity in activities
        )
        return Texts(listed, listed)
    memorandum = Memorandum.objects.filter(partnership=partnership).first()
    if memorandum is not None:
        areas = CooperationArea.objects.filter(cooperation_requests=memorandum.request_id)
    else:  # what either side offers or needs
        sides = [partnership.municipality_a_id, partnership.municipality_b_id]
        areas = CooperationArea.objects.filter(
            Q(offered_by__in=sides) | Q(needed_by__in=sides)
        ).distinct()
    named = list(areas.order_by("pk"))
    columns = []
    for code in ("uk", language):
        with translation.override(code):  # an area's own name is in the active language
            columns.append("\n\n".join(f"{area_label(area, code)}:\n" for area in named))
    return Texts(*columns)


def yearly_open(
    *, partnership: Partnership, kind: str, year: int, actor
) -> tuple[YearlyDocument, bool]:
    """The document of this kind and year, pre-filled in Ukrainian and the partner's
    language (the memorandum's rule); (document, whether it is new). The database keeps
    one per partnership, kind and year: a second opening finds the first."""
    existing = YearlyDocument.objects.filter(partnership=partnership, kind=kind, year=year).first()
    if existing is not None:
        return existing, False
    language = second_language(partnership.municipality_a, partnership.municipality_b)
    texts = initial_texts(partnership, kind, year, language)
    document = YearlyDocument(
        partnership=partnership,
        kind=kind,
        year=year,
        language=language,
        text_uk=texts.uk,
        text_other=texts.other,
    )
    document._history_user = actor  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:  # opened by the other side at the same moment
        return YearlyDocument.objects.get(partnership=partnership, kind=kind, year=year), False
    return document, True


def _locked(document: YearlyDocument) -> YearlyDocument:
    locked = YearlyDocument.objects.select_for_update().get(pk=document.pk)
    locked.partnership = document.partnership
    return locked


@transaction.atomic
def yearly_save(
    *, document: YearlyDocument, texts: Texts, base_version: int, actor
) -> tuple[YearlyDocument, bool]:
    """Save the text as a new version, back to a draft with no agreements;
    (document, whether anything changed). Refused when someone saved a newer version
    since the editor loaded theirs."""
    document = _locked(document)
    if Texts(document.text_uk, document.text_other) == texts:
        return document, False  # a double click on "Save"
    if document.version != base_version:
        raise YearlyError(
            _(
                "Someone saved version %(version)s while you were editing; your text is "
                "not saved. Read their version, then edit it."
            )
            % {"version": document.version}
        )
    was_public = document.is_agreed
    document.text_uk, document.text_other = texts
    document.status, document.agreed_at = YearlyStatus.DRAFT, None
    agreement.new_version(document, actor=actor)
    if was_public:
        caching.bump("activities")  # profiles list agreed ones and show health
    _notify(document, Kind.YEARLY_VERSION, actor=actor)
    return document, True


@transaction.atomic
def yearly_agree(
    *, document: YearlyDocument, municipality: Municipality, version: int, actor
) -> YearlyDocument:
    """Record `municipality`'s agreement to `version`; agreed (and public) once both sides
    agreed to the current version."""
    document = _locked(document)
    if document.side_of(municipality.pk) is None:
        raise YearlyError(_("Only the two partners can agree to it."))
    both = agreement.agree(
        document, municipality=municipality, version=version, actor=actor, error=YearlyError
    )
    if both and not document.is_agreed:
        document.status, document.agreed_at = YearlyStatus.AGREED, timezone.now()
        YearlyDocument.objects.filter(pk=document.pk).update(
            status=document.status, agreed_at=document.agreed_at
        )
        caching.bump("activities")  # profiles list agreed ones and show health
    _notify(document, Kind.YEARLY_AGREED, actor=actor, municipality=municipality)
    return document
