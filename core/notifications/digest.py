"""The daily digest: one mail per user with what waited for it since the last one."""

import logging
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.tasks import send_email

from .models import Notification
from .service import mail_languages

logger = logging.getLogger(__name__)


def send_digests() -> int:
    """Queue one digest per user with notifications waiting for it; returns how many.

    Each user's rows are taken under a lock (skip_locked: two workers never mail the
    same notification) and cleared in the same transaction as the mail is queued
    after commit, so a notification is in exactly one digest.
    """
    user_ids = Notification.objects.digest_due().values_list("recipient_id", flat=True).distinct()
    users = list(
        get_user_model().objects.filter(pk__in=list(user_ids)).select_related("mail_preference")
    )
    chosen = {u.pk: u.mail_preference for u in users if hasattr(u, "mail_preference")}
    languages = mail_languages(users, preferences=chosen)
    sent = 0
    for user in users:
        with transaction.atomic():
            due = list(
                Notification.objects.digest_due()
                .for_user(user)
                .select_for_update(skip_locked=True)
                .order_by("created_at", "id")
            )
            if not due:
                continue
            Notification.objects.filter(pk__in=[n.pk for n in due]).update(digest_pending=False)
            if not user.email:
                continue
            # Titles are rendered in the language of the mail (display_title).
            with translation.override(languages[user.pk]):
                context = {
                    "notifications": due,
                    "base_url": settings.PORTAL_BASE_URL,
                }
                subject = render_to_string("core/email/digest_subject.txt", context)
                body = render_to_string("core/email/digest_body.txt", context)
            transaction.on_commit(
                partial(
                    send_email.enqueue,
                    subject=" ".join(subject.split()),
                    body=body,
                    to=[user.email],
                ),
                robust=True,
            )
            sent += 1
    if sent:
        logger.info("Queued %d digest(s)", sent)
    return sent
