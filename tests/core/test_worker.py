"""The production worker: outlives a database outage, then runs what was queued."""

import io
import logging
import threading

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection

from tests.concurrency import needs_postgresql
from tests.smtp import free_port


def test_worker_refuses_to_run_without_the_database_queue(db):
    with pytest.raises(CommandError, match="TASKS_BACKEND"):
        call_command("run_worker", max_rounds=1)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_worker_survives_a_database_outage_and_sends_what_was_queued(settings, caplog):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_email.enqueue(subject="Queued before the outage", body="…", to=["a@example.org"])

    original = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(free_port())  # as if PostgreSQL were stopped

    def database_back():
        # settings_dict is shared by every thread's connection: the worker's next
        # connection goes to the server again.
        connection.settings_dict["PORT"] = original

    timer = threading.Timer(2.0, database_back)
    timer.start()
    try:
        with caplog.at_level(logging.INFO, logger="core.worker"):
            call_command("run_worker", max_rounds=4, interval=0.1, stdout=io.StringIO())
    finally:
        timer.cancel()
        database_back()
        connection.close()

    messages = [r.getMessage() for r in caplog.records if r.name == "core.worker"]
    assert any(m.startswith("Database error in the worker") for m in messages)
    assert any(m.startswith("Database reachable again") for m in messages)
    assert [m.subject for m in mail.outbox] == ["Queued before the outage"]
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]


@pytest.mark.django_db(transaction=True)
def test_worker_prunes_old_task_results(settings):
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from core.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_RESULTS_KEEP_DAYS = 14
    for n in range(2):
        send_email.enqueue(subject=f"mail {n}", body="…", to=["a@example.org"])
    call_command("run_worker", max_rounds=1, stdout=io.StringIO())
    old = DBTaskResult.objects.get(args_kwargs__kwargs__subject="mail 0")
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=15))
    call_command("run_worker", max_rounds=1, stdout=io.StringIO())
    assert list(DBTaskResult.objects.values_list("args_kwargs__kwargs__subject", flat=True)) == [
        "mail 1"
    ]


@pytest.mark.django_db(transaction=True)
def test_worker_sends_the_daily_digest(settings, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from core.management.commands import run_worker
    from core.models import Delivery, MailPreference, Notification, NotificationKind
    from core.notifications.service import notify
    from tests.factories import VerifiedUserFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user = VerifiedUserFactory()
    MailPreference.objects.create(user=user, language="en", decisions=Delivery.DIGEST)
    notify([user], NotificationKind.COMMENT_HIDDEN, "", title="Waited for the digest")
    monkeypatch.setattr(run_worker, "DIGEST_EVERY_SECONDS", 0)  # a day has passed
    call_command("run_worker", max_rounds=2, interval=0, stdout=io.StringIO())
    [digest] = [m for m in mail.outbox if m.to == [user.email]]
    assert "Waited for the digest" in digest.body
    assert not Notification.objects.digest_due().exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").exists()


DAILY_RUNS: list[str] = []


def record_daily_run() -> None:
    DAILY_RUNS.append("ran")


def fail_daily_run() -> None:
    raise RuntimeError("broken job")


@pytest.mark.django_db(transaction=True)
def test_worker_runs_the_daily_jobs_once_and_survives_a_failing_one(settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WORKER_DAILY_JOBS = [
        "tests.core.test_worker.fail_daily_run",
        "tests.core.test_worker.record_daily_run",
    ]
    DAILY_RUNS.clear()
    with caplog.at_level(logging.ERROR, logger="core.worker"):
        call_command("run_worker", max_rounds=3, interval=0, stdout=io.StringIO())
    assert DAILY_RUNS == ["ran"]  # three rounds, one day: once
    assert "Daily job tests.core.test_worker.fail_daily_run failed" in caplog.text
