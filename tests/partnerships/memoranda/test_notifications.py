"""The memorandum's steps notify both sides (the bell; versions wait for the digest)."""

from core.models import Notification, NotificationKind
from partnerships.memoranda.services import memorandum_save_section


def _kinds(user) -> list[str]:
    return list(Notification.objects.for_user(user).values_list("kind", flat=True))


def test_memorandum_steps_notify_both_sides(
    memorandum, official_a, official_b, agree_both, mark_signed
):
    agree_both()
    assert NotificationKind.MEMORANDUM_AGREED in _kinds(official_a.user)
    mark_signed()
    kinds = _kinds(official_a.user)
    assert NotificationKind.MEMORANDUM_SIGNED in kinds
    assert NotificationKind.PARTNERSHIP_CREATED in kinds
    signed_titles = Notification.objects.for_user(official_b.user).filter(
        kind=NotificationKind.MEMORANDUM_SIGNED
    )
    assert "is signed" in signed_titles.get().title


def test_a_new_memorandum_version_notifies_the_other_side_for_the_digest(
    memorandum, official_a, official_b
):
    memorandum_save_section(
        memorandum=memorandum,
        section="purpose",
        text_uk="Нова мета.",
        text_en="New purpose.",
        base_version=memorandum.version,
        actor=official_a.user,
    )
    [version] = Notification.objects.for_user(official_b.user).filter(
        kind=NotificationKind.MEMORANDUM_VERSION
    )
    assert version.digest_pending
    assert (
        not Notification.objects.for_user(official_a.user)
        .filter(kind=NotificationKind.MEMORANDUM_VERSION)
        .exists()
    )
