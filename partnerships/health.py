"""Quiet partnerships: a reminder, at most once in PARTNERSHIP_REMINDER_DAYS, to the
approved officials of both sides, each in their language, through the task queue.
The task worker runs it once a day (settings.WORKER_DAILY_JOBS)."""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from partnerships.models import Official, Partnership
from partnerships.notifications import Recipient, send_after_commit


def remind_quiet_partnerships(*, now=None) -> int:
    """Mail the officials of every quiet partnership not reminded lately; return how many
    partnerships were reminded. Marking and mailing share a transaction: a mail is queued
    only for a mark that was saved, and a second run the same day finds nothing to do."""
    now = now or timezone.now()
    due = Q(reminded_at__isnull=True) | Q(
        reminded_at__lt=now - timedelta(days=settings.PARTNERSHIP_REMINDER_DAYS)
    )
    reminded = 0
    with transaction.atomic():
        quiet = list(
            Partnership.objects.quiet(today=timezone.localdate(now))
            .filter(due)
            .select_for_update(of=("self",))
            .with_parties()
        )
        sides = {side for p in quiet for side in (p.municipality_a_id, p.municipality_b_id)}
        officials = defaultdict(list)
        approved = Official.objects.approved().filter(municipality__in=sides)
        for official in approved.select_related("user"):
            if official.user.email:
                officials[official.municipality_id].append(
                    Recipient(official.user.email, official.language)
                )
        for partnership in quiet:
            recipients = [
                *officials[partnership.municipality_a_id],
                *officials[partnership.municipality_b_id],
            ]
            if recipients:
                send_after_commit(
                    template="partnership_quiet",
                    recipients=recipients,
                    context={
                        "partnership": partnership,
                        "months": settings.PARTNERSHIP_ACTIVE_MONTHS,
                        "base_url": settings.PORTAL_BASE_URL,
                    },
                )
                reminded += 1
        # Those nobody could be told about are marked too: looked at again in a year.
        Partnership.objects.filter(pk__in=[p.pk for p in quiet]).update(reminded_at=now)
    return reminded
