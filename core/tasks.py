"""Background jobs shared by the apps.

With the database queue (TASKS_BACKEND=django_tasks_db.DatabaseBackend) a worker
(`manage.py db_worker`) runs them; by default they run at once, in the request.
"""

import logging
import smtplib

from django.core.mail import EmailMessage
from django.tasks import task

logger = logging.getLogger(__name__)


@task
def send_email(*, subject: str, body: str, to: list[str]) -> None:
    """Send one prepared message (rendered in the recipient's language beforehand).

    A mail server that refuses or cannot be reached is logged with the recipients
    here, then re-raised so the backend records the task as failed: the database
    queue keeps the row, with its arguments and traceback, for a retry; the
    immediate backend records it too and does not pass it on to the request,
    whose own work is already committed.
    """
    try:
        EmailMessage(subject=subject, body=body, to=to).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the mail %r to %s", subject, ", ".join(to))
        raise
