"""Notifications: the bell, the page, marking read, the mail settings, mails in the
recipient's language for each step, the digest, and the waiting period after an end."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Delivery, MailPreference, Notification, NotificationKind
from core.notifications.digest import send_digests
from core.notifications.service import mail_language, notify
from news.services import comments_moderate
from partnerships.models import CooperationRequest
from partnerships.services import requests as request_services
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import CommentFactory, OfficialFactory, VerifiedUserFactory

SETTINGS_GROUPS = ["requests", "messages", "memoranda", "signatures", "decisions"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the block leaves for after commit (the mails) as the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _kinds(user) -> list[str]:
    return list(Notification.objects.for_user(user).values_list("kind", flat=True))


# --- The page, marking read --------------------------------------------------------------


def test_notifications_page_lists_only_ones_own_with_links(client, plain_user, official_a):
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title="Моє")
    notify([official_a.user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title="Чуже")
    client.force_login(plain_user)
    page = client.get(reverse("core:notification-list")).content.decode()
    assert "Моє" in page and "Чуже" not in page


def test_notifications_page_queries_stay_fixed_however_many_there_are(client, plain_user):
    client.force_login(plain_user)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("core:notification-list")).status_code == 200
        return len(captured)

    notify([plain_user], NotificationKind.MESSAGE, "/uk/", title="Перше")
    small = queries()
    for n in range(60):
        notify([plain_user], NotificationKind.MESSAGE, "/uk/", title=f"Ще {n}")
    assert queries() == small


def test_notifications_page_needs_sign_in(client, db):
    assert client.get(reverse("core:notification-list")).status_code == 302


def test_mark_one_read_opens_its_link_and_others_cannot(client, plain_user, official_a):
    [mine] = notify([plain_user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title="Моє")
    url = reverse("core:notification-read", kwargs={"pk": mine.pk})
    client.force_login(official_a.user)
    assert client.post(url).status_code == 404
    client.force_login(plain_user)
    assert client.get(url).status_code == 405
    response = client.post(url, {"open": "1"})
    assert response.status_code == 302 and response["Location"] == "/uk/news/"
    mine.refresh_from_db()
    assert mine.is_read


def test_mark_all_read_needs_post_and_a_csrf_token(plain_user):
    from django.test import Client

    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "", title="A")
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "", title="B")
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(plain_user)
    assert csrf_client.post(reverse("core:notification-read-all")).status_code == 403
    assert Notification.objects.unread().count() == 2
    csrf_client.get(reverse("core:notification-list"))
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        reverse("core:notification-read-all"), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Notification.objects.unread().count() == 0


# --- Settings: delivery per kind, and the language of one's mails --------------------------


def test_settings_page_stores_delivery_and_language_for_a_plain_user(client, plain_user):
    client.force_login(plain_user)
    assert client.get(reverse("core:notification-settings")).status_code == 200
    response = client.post(
        reverse("core:notification-settings"),
        {
            "language": "pl",
            "requests": "never",
            "messages": "immediate",
            "memoranda": "digest",
            "signatures": "immediate",
            "decisions": "digest",
        },
    )
    assert response.status_code == 302
    preference = MailPreference.objects.get(user=plain_user)
    assert preference.language == "pl" and preference.messages == Delivery.IMMEDIATE
    assert mail_language(plain_user) == "pl"


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_of_the_first_settings_makes_one_preference():
    from django.test import Client

    user = VerifiedUserFactory()
    assert not MailPreference.objects.filter(user=user).exists()
    clients = [Client(), Client()]
    for one in clients:
        one.force_login(user)
    data = {"language": "de", **dict.fromkeys(SETTINGS_GROUPS, "never")}

    def submit(one):
        return lambda: one.post(reverse("core:notification-settings"), data).status_code

    assert in_parallel(*(submit(one) for one in clients)) == [302, 302]
    assert MailPreference.objects.get(user=user).language == "de"


def test_settings_page_refuses_an_unknown_language(client, plain_user):
    client.force_login(plain_user)
    response = client.post(reverse("core:notification-settings"), {"language": "xx"})
    assert response.status_code == 400


def test_an_officials_language_choice_is_their_official_setting(client, official_b):
    client.force_login(official_b.user)
    assert mail_language(official_b.user) == "en"
    client.post(
        reverse("core:notification-settings"),
        {
            "language": "de",
            **{
                g: "immediate"
                for g in ["requests", "messages", "memoranda", "signatures", "decisions"]
            },
        },
    )
    official_b.refresh_from_db()
    assert official_b.language == "de"
    assert mail_language(official_b.user) == "de"


def test_defaults_mail_requests_at_once_and_messages_in_the_digest(db):
    preference = MailPreference()
    assert preference.delivery(NotificationKind.REQUEST_RECEIVED) == Delivery.IMMEDIATE
    assert preference.delivery(NotificationKind.MEMORANDUM_SIGNED) == Delivery.IMMEDIATE
    assert preference.delivery(NotificationKind.MESSAGE) == Delivery.DIGEST
    assert preference.delivery(NotificationKind.MEMORANDUM_VERSION) == Delivery.DIGEST


def test_sign_up_remembers_the_language_for_mails(client, db, committed):
    with committed():
        client.post(
            "/pl/accounts/signup/",
            {
                "email": "nowy@example.org",
                "password1": "Dlugie-Haslo-2026",
                "password2": "Dlugie-Haslo-2026",
            },
        )
    assert MailPreference.objects.get(user__email="nowy@example.org").language == "pl"
    # The verification mail is in Polish as well.
    assert mail.outbox[-1].to == ["nowy@example.org"]
    assert "Potwierd" in mail.outbox[-1].body or "potwierd" in mail.outbox[-1].body


def test_allauth_mails_to_a_user_follow_their_chosen_language(client, plain_user, committed):
    MailPreference.objects.create(user=plain_user, language="de")
    with committed():
        client.post("/uk/accounts/password/reset/", {"email": plain_user.email})
    assert len(mail.outbox) == 1
    assert "Passwort" in mail.outbox[0].body


# --- Every step, in the recipient's language ------------------------------------------------


def test_request_steps_notify_and_mail_in_each_recipients_language(
    official_a, official_b, open_request, committed
):
    # official_b's language is English, official_a's Ukrainian.
    with committed():
        request_services.request_accept(cooperation_request=open_request, user=official_b.user)
    assert _kinds(official_a.user) == [NotificationKind.REQUEST_ACCEPTED]
    [accepted] = Notification.objects.for_user(official_a.user)
    assert "прийнято" in accepted.title
    assert [m.to for m in mail.outbox] == [[official_a.user.email]]


def test_request_received_and_withdrawn_reach_the_partner_in_english(
    official_a, official_b, municipality_b, committed
):
    with committed():
        created = request_services.request_create(
            user=official_a.user,
            from_municipality=official_a.municipality,
            to_municipality=municipality_b,
            areas=[],
            form="twinning",
            message="Давайте співпрацювати",
            contact_person="Olena",
        )
        request_services.request_withdraw(cooperation_request=created, user=official_a.user)
    kinds = _kinds(official_b.user)
    assert set(kinds) == {NotificationKind.REQUEST_RECEIVED, NotificationKind.REQUEST_WITHDRAWN}
    titles = list(Notification.objects.for_user(official_b.user).values_list("title", flat=True))
    assert any("sent you a request" in title for title in titles)
    assert any("withdrew" in title for title in titles)
    assert len(mail.outbox) == 2


def test_a_decline_notifies_the_sender(official_a, official_b, open_request):
    request_services.request_decline(
        cooperation_request=open_request, user=official_b.user, reply="Ні"
    )
    assert _kinds(official_a.user) == [NotificationKind.REQUEST_DECLINED]


def test_an_application_decision_notifies_the_applicant(municipality_c, staff_user, committed):
    from partnerships.choices import OfficialStatus
    from partnerships.services.officials import official_decide

    pending = OfficialFactory(
        municipality=municipality_c, status=OfficialStatus.APPLIED, language="fr"
    )
    with committed():
        official_decide(official=pending, status=OfficialStatus.APPROVED, by=staff_user)
    [approved] = Notification.objects.for_user(pending.user)
    assert approved.kind == NotificationKind.APPLICATION_APPROVED
    assert "agissez" in approved.title or "Vous" in approved.title
    assert len(mail.outbox) == 1


def test_a_hidden_comment_notifies_its_author_in_their_language(db, committed):
    comment = CommentFactory()
    MailPreference.objects.create(user=comment.author, language="en")
    with committed():
        comments_moderate(comment_ids=[comment.pk], hide=True)
    [hidden] = Notification.objects.for_user(comment.author)
    assert hidden.kind == NotificationKind.COMMENT_HIDDEN
    assert "was hidden" in hidden.title
    assert mail.outbox[0].to == [comment.author.email]


def test_never_means_no_mail_but_still_the_bell(plain_user):
    MailPreference.objects.create(user=plain_user, decisions=Delivery.NEVER)
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "", title="Тихо")
    assert Notification.objects.for_user(plain_user).count() == 1
    assert mail.outbox == []


# --- The digest ---------------------------------------------------------------------------


def test_the_digest_mails_what_waited_once_in_the_users_language(plain_user, committed):
    MailPreference.objects.create(user=plain_user, language="en", decisions=Delivery.DIGEST)
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title="First thing")
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "", title="Second thing")
    other = VerifiedUserFactory()
    notify([other], NotificationKind.COMMENT_HIDDEN, "", title="Mailed at once")
    mail.outbox.clear()
    with committed():
        assert send_digests() == 1
    [digest] = mail.outbox
    assert digest.to == [plain_user.email]
    assert "2 new notifications" in digest.subject
    assert "First thing" in digest.body and "Second thing" in digest.body
    assert "/en/news/" in digest.body
    assert "Mailed at once" not in digest.body
    assert send_digests() == 0


def test_the_digest_command_queues_the_digests(plain_user, committed):
    MailPreference.objects.create(user=plain_user, decisions=Delivery.DIGEST)
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "", title="Чекає")
    with committed():
        call_command("send_digests")
    assert len(mail.outbox) == 1


# --- The waiting period after a decline or withdrawal ----------------------------------------


@pytest.mark.usefixtures("english")
def test_after_a_decline_the_pair_waits_and_the_page_says_until_when(
    client, official_a, official_b, open_request, settings
):
    settings.REQUEST_RETRY_AFTER_DAYS = 30
    request_services.request_decline(cooperation_request=open_request, user=official_b.user)
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": official_b.municipality.slug})
    page = client.get(url)
    until = timezone.localdate() + datetime.timedelta(days=30)
    assert "A new request can be sent from" in page.content.decode()
    assert str(until.year) in page.content.decode()
    with pytest.raises(request_services.WaitingPeriod):
        request_services.request_create(
            user=official_a.user,
            from_municipality=official_a.municipality,
            to_municipality=official_b.municipality,
            areas=[],
            form="twinning",
            message="Ще раз",
            contact_person="Olena",
        )
    # In either direction.
    assert isinstance(
        request_services.request_blocker(official_b.municipality, official_a.municipality),
        request_services.WaitingPeriod,
    )


def test_after_the_waiting_period_a_new_request_can_be_sent(
    official_a, official_b, open_request, settings
):
    settings.REQUEST_RETRY_AFTER_DAYS = 30
    request_services.request_withdraw(cooperation_request=open_request, user=official_a.user)
    CooperationRequest.objects.filter(pk=open_request.pk).update(
        answered_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert (
        request_services.request_blocker(official_a.municipality, official_b.municipality) is None
    )
