"""Mails about requests and officials: who gets them, in which language, and when."""

import io
import logging

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from partnerships.choices import OfficialStatus
from partnerships.models import CooperationRequest, Official
from tests.factories import (
    CooperationAreaFactory,
    CooperationRequestFactory,
    ForeignMunicipalityFactory,
    OfficialFactory,
)

FAILING_MAIL = {"default": {"BACKEND": "tests.mail.FailingBackend"}}


@pytest.fixture
def cooperate(cooperate_data):
    """cooperate(client, target, area) → the Cooperate form sent to `target`."""

    def send(client, target, area):
        return client.post(
            reverse("partnerships:cooperate", kwargs={"slug": target.slug}), cooperate_data(area)
        )

    return send


# --- A mail server that fails does not undo what was done ---------------------------------


def mail_subject(official):
    # English: official_b reads English.
    return f"{official.municipality.name_en} proposes to cooperate"


def test_mail_failure_keeps_the_request_and_is_logged(
    client, cooperate, settings, caplog, official_a, official_b, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAIL
    client.force_login(official_a.user)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = cooperate(client, official_b.municipality, CooperationAreaFactory())
    created = CooperationRequest.objects.get()
    assert response.status_code == 302
    assert response.url == created.get_absolute_url()
    failures = [r for r in caplog.records if r.name == "core.tasks"]
    assert [r.getMessage() for r in failures] == [
        f"Could not send the mail '{mail_subject(official_a)}' to {official_b.user.email}"
    ]


def test_admin_approve_decides_every_selected_record_when_mail_fails(
    client, settings, caplog, staff_user, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAIL
    pending = [OfficialFactory(status=OfficialStatus.APPLIED) for _ in range(3)]
    client.force_login(staff_user)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:partnerships_official_changelist"),
            {"action": "approve", "_selected_action": [o.pk for o in pending]},
        )
    assert response.status_code == 302
    assert set(
        Official.objects.filter(pk__in=[o.pk for o in pending]).values_list("status", flat=True)
    ) == {OfficialStatus.APPROVED}
    assert sorted(
        r.getMessage().rsplit(" to ", 1)[1] for r in caplog.records if r.name == "core.tasks"
    ) == sorted(o.user.email for o in pending)


@pytest.fixture
def run_worker(monkeypatch):
    """Run `db_worker --batch` inside the test's transaction: the worker closes "old"
    connections between tasks, which on PostgreSQL would close the test's own."""
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return lambda: call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


def test_mails_wait_in_the_database_queue_until_the_worker_sends_them(
    client,
    cooperate,
    settings,
    official_a,
    official_b,
    django_capture_on_commit_callbacks,
    run_worker,
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(official_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        cooperate(client, official_b.municipality, CooperationAreaFactory())
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "core.tasks.send_email"
    assert queued.args_kwargs["kwargs"]["to"] == [official_b.user.email]

    run_worker()
    assert [m.to for m in mail.outbox] == [[official_b.user.email]]
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_failed_mail_stays_in_the_database_queue_as_failed(
    client,
    cooperate,
    settings,
    official_a,
    official_b,
    django_capture_on_commit_callbacks,
    run_worker,
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MAILERS = FAILING_MAIL
    client.force_login(official_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        cooperate(client, official_b.municipality, CooperationAreaFactory())
    run_worker()
    failed = DBTaskResult.objects.get()
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "smtplib.SMTPServerDisconnected"

    # Once the mail server is back, staff queue the failed mail again.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("resend_failed_mail", stdout=io.StringIO())
    run_worker()
    assert [m.to for m in mail.outbox] == [[official_b.user.email]]
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]


# --- Who gets a new request ---------------------------------------------------------------


def test_request_to_municipality_nobody_acts_for_goes_to_the_ministry(
    client, cooperate, settings, official_a, django_capture_on_commit_callbacks
):
    settings.PORTAL_CONTACT_EMAIL = "ministry@example.gov.ua"
    silent = ForeignMunicipalityFactory(name_en="Silent Town", name_uk="Тихе місто", email="")
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": silent.slug})
    page = client.get(url).content.decode()
    # The pages are Ukrainian (/uk/): the warning before sending, then the confirmation.
    assert "Від імені Тихе місто на порталі ще ніхто не діє" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = cooperate(client, silent, CooperationAreaFactory())
    assert response.status_code == 302
    followed = client.get(response.url).content.decode()
    assert "Від імені Тихе місто на порталі ще ніхто не діє, тож міністерство перешле його." in (
        followed
    )
    assert [m.to for m in mail.outbox] == [["ministry@example.gov.ua"]]
    assert mail.outbox[0].subject == "Просимо переслати: запит на співпрацю до Тихе місто"
    assert CooperationRequest.objects.get().get_absolute_url() in mail.outbox[0].body


def test_request_recipients_officials_else_public_address(
    client, cooperate, official_a, official_b, municipality_c, django_capture_on_commit_callbacks
):
    """B's officials (all approved ones) get it, not B's public address; C has no
    officials: its public address does. Neither page warns that nobody acts."""
    second = OfficialFactory(municipality=official_b.municipality, language="uk")
    OfficialFactory(municipality=official_b.municipality, status=OfficialStatus.APPLIED)
    client.force_login(official_a.user)
    for target in (official_b.municipality, municipality_c):
        page = client.get(reverse("partnerships:cooperate", kwargs={"slug": target.slug}))
        assert "Nobody acts for" not in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        cooperate(client, official_b.municipality, CooperationAreaFactory())
        cooperate(client, municipality_c, CooperationAreaFactory())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [official_b.user.email, second.user.email, municipality_c.email]
    )


def test_request_mail_goes_to_public_address_when_partner_has_no_officials(
    official_a, django_capture_on_commit_callbacks, send_request
):
    french = ForeignMunicipalityFactory(country="FR", email="mairie@example.fr")
    ukrainian = ForeignMunicipalityFactory(country="UA", email="rada@example.ua")
    with django_capture_on_commit_callbacks(execute=True):
        for target in (french, ukrainian):
            send_request(official_a, target)
    assert [m.to for m in mail.outbox] == [["mairie@example.fr"], ["rada@example.ua"]]
    assert "proposes to cooperate" in mail.outbox[0].subject  # English abroad
    assert "/uk/requests/" in mail.outbox[1].body  # Ukrainian at home


INVITATION = "Nobody acts for your municipality on the portal yet"


def test_only_the_public_address_of_a_municipality_without_officials_is_invited_to_apply(
    official_a, official_b, django_capture_on_commit_callbacks, send_request
):
    """Like Izium: B has an official and a public address; the official is not asked
    to apply as one, and the address is not written to. A town nobody acts for is."""
    official_b.municipality.email = "office@example.org"
    official_b.municipality.save()
    nobody = ForeignMunicipalityFactory(country="FR", email="mairie@example.fr")
    with django_capture_on_commit_callbacks(execute=True):
        send_request(official_a, official_b.municipality)
        send_request(official_a, nobody)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {official_b.user.email, "mairie@example.fr"}
    assert INVITATION not in by_recipient[official_b.user.email].body
    assert "/apply/" not in by_recipient[official_b.user.email].body
    invited = by_recipient["mairie@example.fr"].body
    assert INVITATION in invited
    apply_url = reverse("partnerships:official-apply", kwargs={"slug": nobody.slug})
    assert apply_url.replace("/uk/", "/en/") in invited


def test_withdrawal_reaches_the_public_address_when_nobody_acts_and_invites_nobody(
    client, official_a, django_capture_on_commit_callbacks
):
    nobody = ForeignMunicipalityFactory(country="DE", email="rathaus@example.de")
    sent = CooperationRequestFactory(
        from_municipality=official_a.municipality, to_municipality=nobody
    )
    client.force_login(official_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partnerships:request-withdraw", kwargs={"pk": sent.pk}))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["rathaus@example.de"]]
    assert "withdrew its request" in mail.outbox[0].subject
    assert INVITATION not in mail.outbox[0].body


# --- Answers and withdrawals: who is told, in which language -------------------------------


def test_decline_mails_every_official_of_the_sender_in_their_language(
    client, official_a, official_b, open_request, django_capture_on_commit_callbacks
):
    colleague = OfficialFactory(municipality=official_a.municipality, language="en")
    OfficialFactory(municipality=official_a.municipality, status=OfficialStatus.REVOKED)
    client.force_login(official_b.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("partnerships:request-decline", kwargs={"pk": open_request.pk}),
            {"reply": "Not this year."},
        )
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {official_a.user.email, colleague.user.email}
    name_b = official_b.municipality
    ukrainian = by_recipient[official_a.user.email]
    assert ukrainian.subject == f"{name_b.name_uk}: ваш запит на співпрацю відхилено"
    assert ukrainian.body.startswith(f"{name_b.name_uk}: ваш запит на співпрацю відхилено.")
    assert "Not this year." in ukrainian.body
    assert f"/uk/requests/{open_request.pk}/" in ukrainian.body
    english = by_recipient[colleague.user.email]
    assert english.subject == f"{name_b.name_en} declined your request for cooperation"
    assert f"/en/requests/{open_request.pk}/" in english.body


def test_withdrawal_mails_the_receiving_side_in_their_language(
    client, official_a, official_b, django_capture_on_commit_callbacks
):
    to_a = CooperationRequestFactory(
        from_municipality=official_b.municipality, to_municipality=official_a.municipality
    )
    client.force_login(official_b.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partnerships:request-withdraw", kwargs={"pk": to_a.pk}))
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[official_a.user.email]]
    name_b = official_b.municipality.name_uk
    assert mail.outbox[0].subject == f"{name_b}: запит на співпрацю відкликано"
    assert mail.outbox[0].body.startswith(
        f"{name_b}: запит на співпрацю відкликано. Від вас не потрібно жодних дій."
    )


def test_mail_subjects_carry_names_as_written_not_html_escaped(
    client, official_a, official_b, django_capture_on_commit_callbacks
):
    official_b.municipality.name_uk = "Сен-Жан-д'Анжелі & Ко"
    official_b.municipality.save()
    to_a = CooperationRequestFactory(
        from_municipality=official_b.municipality, to_municipality=official_a.municipality
    )
    client.force_login(official_b.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partnerships:request-withdraw", kwargs={"pk": to_a.pk}))
    [sent] = mail.outbox
    assert sent.subject == "Сен-Жан-д'Анжелі & Ко: запит на співпрацю відкликано"
    assert sent.body.startswith("Сен-Жан-д'Анжелі & Ко: запит")


# --- Mails wait for the commit -------------------------------------------------------------


def test_request_mail_is_sent_only_when_the_transaction_commits(
    client, cooperate, official_a, official_b, django_capture_on_commit_callbacks
):
    client.force_login(official_a.user)
    with django_capture_on_commit_callbacks() as callbacks:
        cooperate(client, official_b.municipality, CooperationAreaFactory())
        assert mail.outbox == []  # the request is written, the mail is not out yet
    assert mail.outbox == []
    for callback in callbacks:  # what the commit runs (the mail, and dropping page caches)
        callback()
    assert [m.to for m in mail.outbox] == [[official_b.user.email]]


def test_request_mail_waits_for_commit(official_a, municipality_b, official_b, send_request):
    with transaction.atomic():
        send_request(official_a, municipality_b)
        transaction.set_rollback(True)
    assert mail.outbox == []
    assert CooperationRequest.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_request_rolled_back_mails_nobody_and_committed_one_does(send_request):
    """Real transactions (no test wrapper): rolled back, nothing is sent; committed, it is."""
    sender = OfficialFactory()
    partner = OfficialFactory(municipality=ForeignMunicipalityFactory())

    with transaction.atomic():
        send_request(sender, partner.municipality)
        transaction.set_rollback(True)
    assert (CooperationRequest.objects.count(), mail.outbox) == (0, [])

    with transaction.atomic():
        send_request(sender, partner.municipality)
        assert mail.outbox == []
    assert CooperationRequest.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[partner.user.email]]
