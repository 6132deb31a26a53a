"""Background jobs shared by the apps.

With the database queue (TASKS_BACKEND=django_tasks_db.DatabaseBackend) a worker
(`manage.py run_worker`) runs them; by default they run at once, in the request.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.utils import timezone

logger = logging.getLogger(__name__)


@task
def send_email(
    *,
    subject: str,
    body: str,
    to: list[str],
    html: str = "",
    from_email: str = "",
    attempt: int = 1,
) -> None:
    """Send one prepared message (rendered in the recipient's language beforehand).

    A mail server that refuses, cannot be reached or does not answer within
    SMTP_TIMEOUT is logged with the recipients here, then re-raised so the backend
    records the task as failed: the database queue keeps the row, with its arguments
    and traceback, and the worker queues it again later (`retry_failed_mail`); the
    immediate backend records it too and does not pass it on to the request, whose
    own work is already committed.
    """
    message = EmailMultiAlternatives(
        subject=subject, body=body, to=to, from_email=from_email or None
    )
    if html:
        message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception(
            "Could not send the mail %r to %s",
            subject,
            ", ".join(to),
            extra={"attempt": attempt},
        )
        raise


def retry_delay(attempt: int) -> timedelta:
    """How long a mail waits after its `attempt`-th failure: 1, 2, 4 … minutes, at most 6 h."""
    return timedelta(minutes=min(2 ** (attempt - 1), 360))


def retry_failed_mail(*, due_only: bool) -> int:
    """Queue again the mails whose sending failed, and drop their failed records.

    due_only (the worker, every few minutes): only mails whose retry delay has passed
    and that failed fewer than MAIL_MAX_ATTEMPTS times. Otherwise (an operator, once the
    mail server is back): every failed mail, at once. Returns how many were queued.
    Database task queue only: the immediate backend keeps no failed mail.
    """
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    queued = 0
    with transaction.atomic():
        failed = (
            DBTaskResult.objects.failed()
            .filter(task_path=send_email.module_path)
            .select_for_update(skip_locked=True)
        )
        drop = []
        for result in failed:
            kwargs = dict(result.args_kwargs["kwargs"])
            attempt = kwargs.get("attempt", 1)
            if due_only and (
                attempt >= settings.MAIL_MAX_ATTEMPTS
                or (result.finished_at or now) + retry_delay(attempt) > now
            ):
                continue
            kwargs["attempt"] = attempt + 1
            send_email.enqueue(*result.args_kwargs["args"], **kwargs)
            drop.append(result.pk)
        DBTaskResult.objects.filter(pk__in=drop).delete()
        queued = len(drop)
    if queued:
        logger.info("Queued %d failed mail(s) again", queued)
    return queued
