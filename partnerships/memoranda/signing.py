"""Signing a memorandum: each side records its own signature of the agreed version.

The memorandum is signed, and the partnership created, when the second
signature arrives, exactly once. The row lock on the memorandum serialises
the two sides (and a double submit); the unique side per memorandum and the
partnership's one-to-one link are the database's backstops.

Each step is one function for whatever must follow it (mail today):
`signature_recorded` for the first signature, `memorandum_signed` for the
second, which signs the memorandum (announced once, as the signing).
"""

import datetime
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from partnerships.caching import registry_changed
from partnerships.choices import (
    CooperationForm,
    MemorandumStatus,
    PartnershipKind,
    PartnershipSource,
    RequestEventKind,
    RequestStatus,
)
from partnerships.models import (
    CooperationRequest,
    Memorandum,
    MemorandumSignature,
    Municipality,
    Partnership,
    RequestEvent,
)
from partnerships.notifications import notify_memorandum_signature, notify_memorandum_signed

from .services import MemorandumError

KIND_BY_FORM: dict[str, PartnershipKind] = {
    CooperationForm.TWINNING: PartnershipKind.TWINNING,
    CooperationForm.PARTNERSHIP_AGREEMENT: PartnershipKind.PARTNERSHIP,
    CooperationForm.PROJECT_COOPERATION: PartnershipKind.COOPERATION,
    CooperationForm.HUMANITARIAN_HELP: PartnershipKind.COOPERATION,
}

ALREADY_SIGNED = _("Your side has already signed this memorandum.")


@dataclass(frozen=True)
class SignatureDetails:
    signed_on: datetime.date
    place: str
    signatory_name: str
    signatory_position: str
    scan: UploadedFile | None = None


def sign_refusal(memorandum: Memorandum, version: int) -> str | None:
    """Why this version of the memorandum cannot be signed now, or None."""
    if memorandum.is_signed:
        return str(_("The memorandum is already signed by both sides."))
    if memorandum.status != MemorandumStatus.FINAL:
        return str(_("Both sides must agree to the same version before the memorandum is signed."))
    agreed = set(memorandum.agreements.values_list("version", flat=True))
    if version != memorandum.version or agreed != {memorandum.version}:
        return _(
            "You are signing version %(yours)s, but the version both sides agreed to is "
            "%(agreed)s. Read version %(agreed)s and sign that one."
        ) % {"yours": version, "agreed": memorandum.version}
    return None


@transaction.atomic
def memorandum_sign(
    *,
    memorandum: Memorandum,
    municipality: Municipality,
    version: int,
    details: SignatureDetails,
    actor,
) -> tuple[Memorandum, Partnership | None]:
    """Record `municipality`'s signature of `version`; (memorandum, the partnership once
    both sides have signed, else None)."""
    memorandum = Memorandum.objects.select_for_update().get(pk=memorandum.pk)
    side = memorandum.side_of(municipality.pk)
    if side is None:
        raise MemorandumError(_("Only the two parties sign the memorandum."))
    refusal = sign_refusal(memorandum, version)
    if refusal:
        raise MemorandumError(refusal)
    if memorandum.signatures.filter(side=side).exists():
        raise MemorandumError(ALREADY_SIGNED)
    try:
        with transaction.atomic():
            signature = MemorandumSignature.objects.create(
                memorandum=memorandum,
                side=side,
                version=version,
                signed_on=details.signed_on,
                place=details.place,
                signatory_name=details.signatory_name,
                signatory_position=details.signatory_position,
                scan=details.scan or "",
                recorded_by=actor,
            )
    except IntegrityError:
        raise MemorandumError(ALREADY_SIGNED) from None
    signatures = list(memorandum.signatures.all())
    if len(signatures) < 2:
        signature_recorded(memorandum, signature)
        return memorandum, None
    partnership = _complete(memorandum, signatures, actor)
    memorandum_signed(memorandum, signature, partnership)
    return memorandum, partnership


def signature_recorded(memorandum: Memorandum, signature: MemorandumSignature) -> None:
    """One side signed: the other side is told."""
    notify_memorandum_signature(memorandum, signature)


def memorandum_signed(
    memorandum: Memorandum, last: MemorandumSignature, partnership: Partnership
) -> None:
    """Both sides signed (`last` completed it): the side that signed first is told."""
    registry_changed()  # profiles show the partnership, dashboards the status
    notify_memorandum_signed(memorandum, last)


def _partnership_for(memorandum: Memorandum, request: CooperationRequest, since) -> Partnership:
    pair = {
        "municipality_a_id": min(memorandum.party_a_id, memorandum.party_b_id),
        "municipality_b_id": max(memorandum.party_a_id, memorandum.party_b_id),
    }
    partnership = Partnership.objects.filter(**pair).first()
    if partnership is not None:
        return partnership
    try:
        with transaction.atomic():
            return Partnership.objects.create(
                municipality_a_id=memorandum.party_a_id,
                municipality_b_id=memorandum.party_b_id,
                kind=KIND_BY_FORM.get(request.form, PartnershipKind.COOPERATION),
                since=since,
                source=PartnershipSource.PORTAL,
            )
    except IntegrityError:
        # Created by someone else a moment ago (e.g. staff in admin).
        return Partnership.objects.get(**pair)


def _complete(memorandum: Memorandum, signatures: list, actor) -> Partnership:
    """The second signature: the memorandum is signed, the partnership made, the request closed."""
    signed_on = max(signature.signed_on for signature in signatures)
    request = CooperationRequest.objects.select_for_update().get(pk=memorandum.request_id)
    partnership = _partnership_for(memorandum, request, signed_on)
    # An older memorandum may already document this partnership; that link stays.
    documented = Memorandum.objects.filter(partnership=partnership).exclude(pk=memorandum.pk)
    Memorandum.objects.filter(pk=memorandum.pk).update(
        status=MemorandumStatus.SIGNED,
        signed_on=signed_on,
        partnership=None if documented.exists() else partnership,
    )
    memorandum.refresh_from_db()
    request.status = RequestStatus.COMPLETED
    request.save(update_fields=["status", "updated_at"])
    RequestEvent.objects.create(
        request=request,
        kind=RequestEventKind.SIGNED,
        actor=actor,
        note="; ".join(f"{s.signed_on:%Y-%m-%d}, {s.place}" for s in signatures),
    )
    return partnership
