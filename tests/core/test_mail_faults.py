"""Mail never in the request: sign-up and password reset answer at once whatever the mail
server does, and the mail goes out later, through the worker, in the reader's language."""

import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from tests.smtp import SilentServer, SMTPServer, free_port, smtp_mailers

PASSWORD = "a-long-pass-phrase-42"


@pytest.fixture
def queue(settings, monkeypatch):
    """The database task queue, and `work()` running one round of the production worker
    inside the test's transaction (the worker closes "old" connections between tasks,
    which on PostgreSQL would close the test's own)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def work():
        call_command("run_worker", max_rounds=1, retry_every=3600, stdout=io.StringIO())

    return work


def sign_up(client, email, language="uk"):
    with translation.override(language):
        url = reverse("account_signup")
    return client.post(url, {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def mail_tasks():
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(task_path="core.tasks.send_email").order_by("pk"))


def test_signup_with_the_mail_server_refusing_answers_302_and_mails_later(
    client, db, settings, queue, django_capture_on_commit_callbacks
):
    port = free_port()
    settings.MAILERS = smtp_mailers(port)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "refused@example.org")
    assert response.status_code == 302
    [queued] = mail_tasks()
    assert queued.status == "READY"
    assert queued.args_kwargs["kwargs"]["to"] == ["refused@example.org"]

    queue()
    [failed] = mail_tasks()
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"

    # The mail server comes back on its port; the failed mail goes out.
    with SMTPServer(port) as server:
        call_command("resend_failed_mail", stdout=io.StringIO())
        queue()
        assert [m["To"] for m in server.messages] == ["refused@example.org"]
    assert "/accounts/confirm-email/" in server.messages[0].get_body().get_content()
    assert [t.status for t in mail_tasks()] == ["SUCCESSFUL"]


def test_signup_with_a_silent_mail_server_answers_at_once_and_mails_later(
    client, db, settings, queue, django_capture_on_commit_callbacks
):
    with SilentServer() as silent:
        settings.MAILERS = smtp_mailers(silent.port, timeout=1.0)
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = sign_up(client, "silent@example.org")
        assert response.status_code == 302
        assert time.monotonic() - started < 1.0  # the request never waited for the server

        started = time.monotonic()
        queue()
        # The worker gave up after the SMTP timeout instead of hanging.
        assert time.monotonic() - started < 5
        assert [t.status for t in mail_tasks()] == ["FAILED"]
        # smtplib reports the greeting that never came as a dropped connection.
        assert mail_tasks()[0].exception_class_path == "smtplib.SMTPServerDisconnected"
        assert "timed out" in mail_tasks()[0].traceback

    with SMTPServer() as server:
        settings.MAILERS = smtp_mailers(server.port)
        call_command("resend_failed_mail", stdout=io.StringIO())
        queue()
    assert [m["To"] for m in server.messages] == ["silent@example.org"]


def test_password_reset_with_the_mail_server_down_answers_302_and_mails_later(
    client, db, settings, queue, django_capture_on_commit_callbacks
):
    from tests.factories import VerifiedUserFactory

    user = VerifiedUserFactory(email="forgot@example.org")
    port = free_port()
    settings.MAILERS = smtp_mailers(port)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    queue()
    assert [t.status for t in mail_tasks()] == ["FAILED"]

    with SMTPServer(port) as server:
        call_command("resend_failed_mail", stdout=io.StringIO())
        queue()
    [message] = server.messages
    assert message["To"] == "forgot@example.org"
    assert "/en/accounts/password/reset/key/" in message.get_body().get_content()


@pytest.mark.parametrize(("language", "phrase"), [("uk", "Підтвердьте"), ("en", "Confirm")])
def test_signup_mail_is_written_in_the_language_of_the_page(
    client, db, settings, queue, django_capture_on_commit_callbacks, language, phrase
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, f"reader-{language}@example.org", language=language)
    [queued] = mail_tasks()
    kwargs = queued.args_kwargs["kwargs"]
    assert phrase.lower() in kwargs["subject"].lower()
    assert f"/{language}/accounts/confirm-email/" in kwargs["body"]


def test_worker_retries_a_failed_mail_by_itself_once_its_delay_has_passed(
    client, db, settings, queue, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    port = free_port()
    settings.MAILERS = smtp_mailers(port)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "later@example.org")
    queue()
    [failed] = mail_tasks()
    assert failed.status == "FAILED"

    with SMTPServer(port) as server:
        # Too early: the first retry waits a minute.
        call_command("resend_failed_mail", due=True, stdout=io.StringIO())
        assert [t.status for t in mail_tasks()] == ["FAILED"]
        DBTaskResult.objects.filter(pk=failed.pk).update(
            finished_at=failed.finished_at - timedelta(minutes=2)
        )
        # The worker's own round finds it due, queues it again and sends it.
        call_command("run_worker", max_rounds=2, retry_every=0, interval=0, stdout=io.StringIO())
    assert [m["To"] for m in server.messages] == ["later@example.org"]
    [sent] = mail_tasks()
    assert sent.status == "SUCCESSFUL"
    assert sent.args_kwargs["kwargs"]["attempt"] == 2


def test_a_mail_that_failed_every_attempt_stays_failed_for_staff(
    client, db, settings, queue, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import retry_failed_mail

    settings.MAILERS = smtp_mailers(free_port())
    settings.MAIL_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "bounces@example.org")
    for _ in range(3):
        queue()
        DBTaskResult.objects.update(
            finished_at=DBTaskResult.objects.get().finished_at - timedelta(days=1)
        )
        retry_failed_mail(due_only=True)
    [failed] = mail_tasks()
    assert failed.status == "FAILED"
    assert failed.args_kwargs["kwargs"]["attempt"] == 2


def test_retry_delay_grows_and_is_capped():
    from core.tasks import retry_delay

    assert [retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 10, 20)] == [1, 2, 4, 360, 360]
