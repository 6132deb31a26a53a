"""Who may do what with a memorandum: the one permission helper for it.

The two parties' approved officials draft, agree and sign, each for their own
side; staff read everything but never write the text, agree or sign for a side.
Everyone else gets a 404 for a memorandum that is not public, so an outsider
cannot even learn that a draft exists.
"""

from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from partnerships.models import Memorandum, Municipality
from partnerships.permissions import approved_official

Action = Literal["view", "edit", "agree", "sign", "publish"]


@dataclass(frozen=True)
class MemorandumAccess:
    side: Municipality | None  # the party the user acts for, if any
    is_staff: bool
    signed: bool

    @property
    def can_read(self) -> bool:
        return self.side is not None or self.is_staff

    @property
    def can_edit(self) -> bool:
        return self.side is not None and not self.signed

    @property
    def can_agree(self) -> bool:
        return self.side is not None and not self.signed

    @property
    def can_sign(self) -> bool:
        # Not tied to the state: signing twice gets a clear message from the service.
        return self.side is not None

    @property
    def can_publish(self) -> bool:
        return self.side is not None


def memorandum_access(user, memorandum: Memorandum) -> MemorandumAccess:
    official = approved_official(user)
    parties = {memorandum.party_a_id: memorandum.party_a, memorandum.party_b_id: memorandum.party_b}
    side = parties.get(official.municipality_id) if official else None
    return MemorandumAccess(
        side=side,
        is_staff=bool(user.is_authenticated and user.is_staff),
        signed=memorandum.is_signed,
    )


def memorandum_for_user(
    user, pk: int, *, action: Action, queryset=None
) -> tuple[Memorandum, MemorandumAccess]:
    """The memorandum (read from `queryset`, by default with its parties) if the user
    may do `action` with it.

    404 when the user may not even read it (a public signed text is readable
    by anyone), 403 when they may read it but not do this. Views require login
    for every action but "view" before calling this.
    """
    memorandum = get_object_or_404(
        queryset if queryset is not None else Memorandum.objects.with_parties(), pk=pk
    )
    access = memorandum_access(user, memorandum)
    if action == "view":
        if access.can_read or memorandum.is_public:
            return memorandum, access
        raise Http404
    if not access.can_read:
        raise Http404
    allowed = {
        "edit": access.can_edit,
        "agree": access.can_agree,
        "sign": access.can_sign,
        "publish": access.can_publish,
    }[action]
    if not allowed:
        raise PermissionDenied
    return memorandum, access
