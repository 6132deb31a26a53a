"""Applications to act for a municipality, and the ministry's decisions on them."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships import notifications
from partnerships.choices import OfficialStatus
from partnerships.models import Municipality, Official


class OfficialError(Exception):
    """str(error) is a message for the user."""


def official_apply(
    *,
    user,
    municipality: Municipality,
    position: str,
    work_email: str,
    phone: str = "",
    note: str = "",
    language: str = "uk",
) -> Official:
    """A user asks to act for a municipality; refused while another application is active."""
    try:
        with transaction.atomic():
            return Official.objects.create(
                user=user,
                municipality=municipality,
                position=position,
                work_email=work_email,
                phone=phone,
                note=note,
                language=language,
            )
    except IntegrityError as error:
        # official_one_active_record_per_user: one pending or approved record per user.
        raise OfficialError(
            _(
                "You already have a pending or approved application. A user acts for one "
                "municipality only."
            )
        ) from error


ALLOWED = {
    OfficialStatus.APPROVED: {OfficialStatus.APPLIED},
    OfficialStatus.REJECTED: {OfficialStatus.APPLIED},
    OfficialStatus.REVOKED: {OfficialStatus.APPROVED},
}


def official_decide(*, official: Official, status: OfficialStatus, by, note: str = "") -> Official:
    """Approve, reject or revoke; the applicant is told by e-mail after commit.

    Without a note the existing decision note stays: staff write it in the admin
    form, then run the action, which passes none.
    """
    with transaction.atomic():
        locked = (
            Official.objects.select_for_update(of=("self",))
            .select_related("user", "municipality")
            .get(pk=official.pk)
        )
        if locked.status not in ALLOWED[status]:
            raise OfficialError(
                _("%(official)s is “%(status)s” and cannot become “%(new)s”.")
                % {
                    "official": locked,
                    "status": locked.get_status_display(),
                    "new": OfficialStatus(status).label,
                }
            )
        locked.status = status
        locked.decided_by = by
        locked.decided_at = timezone.now()
        if note:
            locked.decision_note = note
        locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        notifications.notify_official_decided(locked)
    return locked
