"""Writes on memoranda: open, save a section, agree, publish (signing is in `signing`).

Every write that reads the memorandum first takes a row lock on it
(`select_for_update`), so two officials saving, agreeing or signing at the
same moment are served one after the other and see each other's result.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.notifications.models import NotificationKind as Kind
from partnerships import agreement, notifications
from partnerships.caching import registry_changed
from partnerships.choices import (
    MemorandumStatus,
    RequestStatus,
)
from partnerships.models import (
    CooperationRequest,
    Memorandum,
    Municipality,
    Official,
)

from .text import SECTIONS_BY_KEY, Coordinator, initial_text

BOTH_LANGUAGES_OR_NEITHER = _("Write this clause in both languages, or empty both to leave it out.")


class MemorandumError(Exception):
    """A write that the memorandum's state does not allow; the message says why."""


class MemorandumConflict(MemorandumError):
    """Someone saved a newer version since the editor loaded theirs."""

    def __init__(self, memorandum: Memorandum):
        self.memorandum = memorandum
        author = _author_of_current_version(memorandum)
        if author:
            message = _(
                "%(who)s saved version %(version)s while you were editing. "
                "Your text has not been saved yet: compare it with their change below, "
                "then save again."
            ) % {"who": author, "version": memorandum.version}
        else:
            message = _(
                "Someone else saved version %(version)s while you were editing. "
                "Your text has not been saved yet: compare it with their change below, "
                "then save again."
            ) % {"version": memorandum.version}
        super().__init__(message)


def _author_of_current_version(memorandum: Memorandum) -> str:
    """ "Name (municipality)" of whoever saved the current version; "" if unknown."""
    saved = memorandum.version_document(memorandum.version)
    user = saved.history_user if saved is not None else None
    if user is None:
        return ""
    name = user.get_full_name() or user.email
    official = (
        Official.objects.approved()
        .filter(user=user, municipality__in=[memorandum.party_a_id, memorandum.party_b_id])
        .select_related("municipality")
        .first()
    )
    return f"{name} ({official.municipality.name})" if official else name


def _coordinator(user, municipality: Municipality) -> Coordinator | None:
    """The user as coordinator for `municipality` if they are its approved official."""
    if user is None:
        return None
    official = Official.objects.approved().filter(user=user, municipality=municipality).first()
    if official is None:
        return None
    return Coordinator(
        full_name=user.get_full_name(),  # never the username: it is a login, not a name
        position=official.position,
        email=official.work_email,
        phone=official.phone,
    )


@transaction.atomic
def memorandum_open(*, cooperation_request: CooperationRequest, actor) -> Memorandum:
    """The draft for an accepted request, pre-filled; the existing one if already open."""
    existing = Memorandum.objects.filter(request=cooperation_request).first()
    if existing is not None:
        return existing
    if cooperation_request.status != RequestStatus.ACCEPTED:
        raise MemorandumError(_("A memorandum can only be opened for an accepted request."))
    request = (
        CooperationRequest.objects.with_parties()
        .prefetch_related("areas")
        .get(pk=cooperation_request.pk)
    )
    party_a, party_b = request.from_municipality, request.to_municipality
    text = initial_text(
        party_a=party_a,
        party_b=party_b,
        form=request.form,
        areas=list(request.areas.all()),
        # The official who sent the request and the one who accepted it.
        coordinator_a=_coordinator(request.created_by, party_a),
        coordinator_b=_coordinator(actor, party_b),
    )
    memorandum = Memorandum(request=request, party_a=party_a, party_b=party_b, **text)
    memorandum._history_user = actor
    memorandum.save()
    return memorandum


def _locked(memorandum: Memorandum) -> Memorandum:
    return Memorandum.objects.select_for_update().get(pk=memorandum.pk)


@transaction.atomic
def memorandum_save_section(
    *,
    memorandum: Memorandum,
    section: str,
    text_uk: str,
    text_other: str,
    base_version: int,
    actor,
) -> tuple[Memorandum, bool]:
    """Save one section as a new version; (memorandum, whether anything changed).

    Refused with MemorandumConflict when the editor's form was based on an
    older version than the current one, unless the section already holds
    exactly this text. A new version clears both agreements.
    """
    if section not in SECTIONS_BY_KEY:
        raise MemorandumError(_("There is no such section."))
    if SECTIONS_BY_KEY[section].required and not (text_uk and text_other):
        raise MemorandumError(_("This section needs a text in both languages."))
    if bool(text_uk) != bool(text_other):
        raise MemorandumError(BOTH_LANGUAGES_OR_NEITHER)
    memorandum = _locked(memorandum)
    if memorandum.is_signed:
        raise MemorandumError(_("The memorandum is signed and can no longer be changed."))
    if memorandum.signatures.exists():
        raise MemorandumError(
            _("One side has signed version %(v)s: its text can no longer be changed.")
            % {"v": memorandum.version}
        )
    field_uk, field_other = f"{section}_uk", f"{section}_other"
    if getattr(memorandum, field_uk) == text_uk and getattr(memorandum, field_other) == text_other:
        # Already the text, even on a newer version: a double click on "Save", or
        # the other side typed the same. Nothing to save, nothing to resolve.
        return memorandum, False
    if memorandum.version != base_version:
        raise MemorandumConflict(memorandum)
    setattr(memorandum, field_uk, text_uk)
    setattr(memorandum, field_other, text_other)
    memorandum.status = MemorandumStatus.DRAFT
    agreement.new_version(memorandum, actor=actor)
    notifications.notify_memorandum(memorandum, Kind.MEMORANDUM_VERSION, actor=actor)
    return memorandum, True


@transaction.atomic
def memorandum_agree(
    *, memorandum: Memorandum, municipality: Municipality, version: int, actor
) -> Memorandum:
    """Record that `municipality` agrees to `version`; final once both sides agreed to it.

    Only the current version can be agreed to: agreeing to an older one is
    refused and changes nothing, so it can never make the memorandum final.
    """
    memorandum = _locked(memorandum)
    if memorandum.is_signed:
        raise MemorandumError(_("The memorandum is already signed."))
    if memorandum.side_of(municipality.pk) is None:
        raise MemorandumError(_("Only the two parties can agree to the memorandum."))
    both = agreement.agree(
        memorandum, municipality=municipality, version=version, actor=actor, error=MemorandumError
    )
    if both and memorandum.status != MemorandumStatus.FINAL:
        Memorandum.objects.filter(pk=memorandum.pk).update(status=MemorandumStatus.FINAL)
        memorandum.status = MemorandumStatus.FINAL
        registry_changed()  # dashboards show the status
    notifications.notify_memorandum(
        memorandum, Kind.MEMORANDUM_AGREED, actor=actor, municipality=municipality
    )
    return memorandum


@transaction.atomic
def memorandum_set_published(
    *, memorandum: Memorandum, municipality: Municipality, published: bool
) -> Memorandum:
    """One side's choice to publish the signed text; public once both sides chose it.

    Only a signed memorandum can be published (the database refuses the flags on
    any other), and signing publishes nothing by itself.
    """
    side = memorandum.side_of(municipality.pk)
    if side is None:
        raise MemorandumError(_("Only the two parties decide whether the text is public."))
    memorandum = _locked(memorandum)
    if not memorandum.is_signed:
        raise MemorandumError(_("Only a signed memorandum can be published."))
    field = f"published_{side}"
    Memorandum.objects.filter(pk=memorandum.pk).update(
        **{field: published, "updated_at": timezone.now()}
    )
    registry_changed()  # profiles link a public memorandum
    setattr(memorandum, field, published)
    return memorandum
