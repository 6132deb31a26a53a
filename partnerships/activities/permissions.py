"""Who may do what with a partnership's activities: the one permission helper for them.

An approved official of either side records an activity; only the recording side sees
its drafts and publishes them; either side adds notes and photos, the other side once
the activity is published. Staff read everything in the admin, not here. Anyone else
sees published activities only, and a 404 for a draft.

An activity belongs to the side that recorded it, not to the one official who typed it:
any approved official of that side corrects it, takes its own photos away, or deletes it
(with the additions of both sides), so an activity is never left without anyone to
correct it when its author leaves office. Its author, once no longer an official of
that side, may not. Each side takes away its own additions; the other side's stay. Staff
correct or remove anything in the admin; on the portal they get a 403 like anyone else.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from partnerships.models import Activity, ActivityContribution, Municipality, Partnership
from partnerships.permissions import approved_official


@dataclass(frozen=True)
class PartnershipAccess:
    side_id: int | None  # the party the user acts for, if any

    @property
    def can_record(self) -> bool:
        return self.side_id is not None

    def can_publish(self, activity: Activity) -> bool:
        return not activity.is_published and activity.municipality_id == self.side_id

    def can_edit(self, activity: Activity) -> bool:
        """Correct or delete: the recording side (see the module's note)."""
        return self.side_id is not None and activity.municipality_id == self.side_id

    def can_remove(self, contribution: ActivityContribution) -> bool:
        return self.side_id is not None and contribution.municipality_id == self.side_id

    def can_contribute(self, activity: Activity) -> bool:
        if self.side_id is None:
            return False
        return activity.is_published or activity.municipality_id == self.side_id


def partnership_access(user, partnership: Partnership) -> PartnershipAccess:
    official = approved_official(user)
    sides = {partnership.municipality_a_id, partnership.municipality_b_id}
    side_id = official.municipality_id if official and official.municipality_id in sides else None
    return PartnershipAccess(side_id=side_id)


def acting_side(
    user, partnership: Partnership, access: PartnershipAccess | None = None
) -> tuple[PartnershipAccess, Municipality]:
    """The side the user acts for in this partnership; PermissionDenied if neither."""
    access = access or partnership_access(user, partnership)
    if access.side_id is None:
        raise PermissionDenied
    side = (
        partnership.municipality_a
        if access.side_id == partnership.municipality_a_id
        else partnership.municipality_b
    )
    return access, side
