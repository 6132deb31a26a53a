"""The memorandum's steps notify both sides (the bell; versions wait for the digest)."""

from django.urls import reverse
from django.utils import translation

from core.models import Notification, NotificationKind
from partnerships.memoranda.services import memorandum_save_section
from partnerships.notifications import notify_memorandum


def _kinds(user) -> list[str]:
    return list(Notification.objects.for_user(user).values_list("kind", flat=True))


def test_memorandum_steps_notify_both_sides(
    memorandum, official_a, official_b, agree_both, sign_for, mailoutbox
):
    agree_both()
    assert NotificationKind.MEMORANDUM_AGREED in _kinds(official_a.user)
    sign_for(official_a, "Київ")
    assert _kinds(official_b.user).count(NotificationKind.SIGNATURE_RECORDED) == 1
    assert NotificationKind.SIGNATURE_RECORDED not in _kinds(official_a.user)
    sign_for(official_b, "Grudziądz")
    kinds = _kinds(official_a.user)
    assert NotificationKind.MEMORANDUM_SIGNED in kinds
    assert NotificationKind.PARTNERSHIP_CREATED in kinds
    assert NotificationKind.PARTNERSHIP_CREATED in _kinds(official_b.user)
    signed = Notification.objects.for_user(official_a.user).get(
        kind=NotificationKind.MEMORANDUM_SIGNED
    )
    assert "підписали обидві сторони" in signed.title  # in official A's language
    # The partnership's notification is the bell's only: the "signed" mail says it all.
    assert not Notification.objects.filter(
        kind=NotificationKind.PARTNERSHIP_CREATED, digest_pending=True
    ).exists()


def test_a_new_memorandum_version_notifies_the_other_side_for_the_digest(
    memorandum, official_a, official_b
):
    memorandum_save_section(
        memorandum=memorandum,
        section="purpose",
        text_uk="Нова мета.",
        text_other="New purpose.",
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


def _notifications_page(client, language: str) -> str:
    with translation.override(language):
        return client.get(reverse("core:notification-list")).content.decode()


def test_numbers_stay_numbers_and_names_follow_the_reader(client, memorandum, official_a):
    """A memorandum step: its version is a number, its pair of names in each language."""
    notify_memorandum(memorandum, NotificationKind.MEMORANDUM_VERSION, actor=None)
    [version] = Notification.objects.for_user(official_a.user)
    assert version.params["version"] == memorandum.version
    client.force_login(official_a.user)
    pair_en = f"{memorandum.party_a.name_en} — {memorandum.party_b.name_en}"
    pair_uk = f"{memorandum.party_a.name_uk} — {memorandum.party_b.name_uk}"
    assert f"Version {memorandum.version} of the memorandum {pair_en}" in _notifications_page(
        client, "en"
    )
    assert pair_uk in _notifications_page(client, "uk")
