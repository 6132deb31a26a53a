"""Queue again the mails the worker could not send (database task queue only)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from core.tasks import send_email


class Command(BaseCommand):
    help = "Queue again every mail whose sending failed, and drop the failed records."

    def handle(self, *args, **options):
        if not isinstance(send_email.get_backend(), DatabaseBackend):
            raise CommandError("Only the database task queue keeps failed mails.")

        with transaction.atomic():
            failed = list(
                DBTaskResult.objects.failed()
                .filter(task_path=send_email.module_path)
                .select_for_update()
            )
            for result in failed:
                send_email.enqueue(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
            DBTaskResult.objects.filter(pk__in=[r.pk for r in failed]).delete()
        self.stdout.write(f"Queued {len(failed)} mail(s) again.")
