"""The mail task: sends the prepared message; a refused one is logged and recorded failed."""

import logging

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus

from core.tasks import send_email

FAILING_MAIL = {"default": {"BACKEND": "tests.mail.FailingBackend"}}


def test_send_email_sends_the_prepared_message():
    result = send_email.enqueue(subject="Запит", body="Текст.", to=["a@example.org"])
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert [(m.subject, m.body, m.to) for m in mail.outbox] == [
        ("Запит", "Текст.", ["a@example.org"])
    ]


def test_send_email_logs_a_refused_mail_with_its_recipients(settings, caplog):
    settings.MAILERS = FAILING_MAIL
    with caplog.at_level(logging.ERROR, logger="core.tasks"):
        result = send_email.enqueue(
            subject="Запит", body="Текст.", to=["a@example.org", "b@example.org"]
        )
    assert result.status == TaskResultStatus.FAILED
    assert [r.getMessage() for r in caplog.records if r.name == "core.tasks"] == [
        "Could not send the mail 'Запит' to a@example.org, b@example.org"
    ]
    assert mail.outbox == []


def test_resend_failed_mail_needs_the_database_queue():
    with pytest.raises(CommandError, match=r"Only the database task queue keeps failed mails\."):
        call_command("resend_failed_mail")
