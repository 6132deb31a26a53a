"""Queue again the mails the worker could not send (database task queue only)."""

from django.core.management.base import BaseCommand, CommandError
from django_tasks_db.backend import DatabaseBackend

from core.tasks import retry_failed_mail, send_email


class Command(BaseCommand):
    help = (
        "Queue again every mail whose sending failed, and drop the failed records. "
        "The worker does this by itself with a growing delay; run this once the mail "
        "server is back to send them all now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--due",
            action="store_true",
            help="Only mails whose retry delay has passed and that have attempts left.",
        )

    def handle(self, *args, **options):
        if not isinstance(send_email.get_backend(), DatabaseBackend):
            raise CommandError("Only the database task queue keeps failed mails.")
        queued = retry_failed_mail(due_only=options["due"])
        self.stdout.write(f"Queued {queued} mail(s) again.")
