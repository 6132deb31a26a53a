"""Notification titles in the reader's language: the page, the digest and old rows; and
the mail languages of many recipients looked up at once."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.models import Delivery, Notification, NotificationKind
from core.notifications.digest import send_digests
from core.notifications.service import notify
from partnerships.services import requests as request_services
from tests.factories import OfficialFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db

SETTINGS = {
    "requests": Delivery.DIGEST,
    "messages": Delivery.DIGEST,
    "memoranda": Delivery.DIGEST,
    "signatures": Delivery.IMMEDIATE,
    "decisions": Delivery.IMMEDIATE,
}
DECLINED = {
    "uk": "Ґрудзьондз: ваш запит на співпрацю відхилено",
    "fr": "Grudziadz a refusé votre demande de coopération",
    "de": "Grudziadz hat Ihre Kooperationsanfrage abgelehnt",
}


def _page(client, language: str) -> str:
    with translation.override(language):
        response = client.get(reverse("core:notification-list"))
    assert response.status_code == 200
    return response.content.decode()


def _choose(client, language: str) -> None:
    with translation.override(language):
        url = reverse("core:notification-settings")
    assert client.post(url, {"language": language, **SETTINGS}).status_code == 302


def test_a_title_made_in_ukrainian_reads_in_the_page_language(
    client, official_a, official_b, open_request
):
    request_services.request_decline(cooperation_request=open_request, user=official_b.user)
    [declined] = Notification.objects.for_user(official_a.user)
    assert declined.title == DECLINED["uk"]  # as it happened, in official A's language
    client.force_login(official_a.user)
    for language in ("fr", "de", "uk"):
        page = _page(client, language)
        assert DECLINED[language] in page
        assert all(DECLINED[other] not in page for other in DECLINED if other != language)


def test_the_digest_renders_titles_in_the_mail_language_chosen_since(
    client, official_a, official_b, open_request, django_capture_on_commit_callbacks
):
    client.force_login(official_a.user)
    _choose(client, "uk")
    request_services.request_decline(cooperation_request=open_request, user=official_b.user)
    _choose(client, "fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests() == 1
    [digest] = mail.outbox
    assert DECLINED["fr"] in digest.body
    assert DECLINED["uk"] not in digest.body


@pytest.mark.django_db(transaction=True)
def test_rows_from_before_the_migration_keep_their_stored_title(client):
    """Made before titles kept their parameters: shown as stored, in every language."""
    from django.db.migrations.executor import MigrationExecutor

    user = VerifiedUserFactory()
    before = [("core", "0003_yearly_notification_kinds")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        old.get_model("core", "Notification").objects.create(
            recipient_id=user.pk, kind="request_declined", title=DECLINED["uk"], url="/uk/"
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    [row] = Notification.objects.for_user(user)
    assert row.params is None
    client.force_login(user)
    assert DECLINED["uk"] in _page(client, "fr")


def _notify_queries(recipients) -> int:
    with CaptureQueriesContext(connection) as captured:
        created = notify(recipients, NotificationKind.COMMENT_HIDDEN, "", title="Однаково")
    assert len(created) == len(recipients)
    return len(captured)


def test_notify_looks_up_the_mail_languages_of_all_recipients_at_once():
    """Preferences, officials' languages, proposals' languages, the insert: four
    queries for two recipients or twelve."""

    def recipients(n: int) -> list:
        officials = [OfficialFactory(language="fr").user for _ in range(n)]
        plain = [VerifiedUserFactory() for _ in range(n)]
        return officials + plain

    assert _notify_queries(recipients(1)) == 4
    assert _notify_queries(recipients(6)) == 4
    languages = dict(
        Notification.objects.filter(title__in=["Однаково"]).values_list("recipient_id", "title")
    )
    assert len(languages) == 14


def test_a_title_reworded_in_the_code_since_shows_as_it_was_stored(client):
    """Its old msgid is no longer in the catalogues: the stored Ukrainian title, not the
    code's English with the Ukrainian name in it."""
    user = VerifiedUserFactory()
    Notification.objects.create(
        recipient=user,
        kind=NotificationKind.REQUEST_DECLINED,
        title="Ірпінська міська громада відхилила ваш запит",
        title_source="%(name)s declined your request, in words since reworded",
        params={"name": {"uk": "Ірпінська міська громада", "fr": "Irpinska urban hromada"}},
        url="/uk/",
    )
    client.force_login(user)
    assert "Ірпінська міська громада відхилила ваш запит" in _page(client, "fr")
    assert "since reworded" not in _page(client, "fr")


def test_a_percent_sign_in_a_title_without_parameters_stays_a_percent_sign(client):
    user = VerifiedUserFactory()
    notify([user], NotificationKind.COMMENT_HIDDEN, "", title="100% ready")
    client.force_login(user)
    assert "100% ready" in _page(client, "en")
