from django.core.management.base import BaseCommand

from core.notifications.digest import send_digests


class Command(BaseCommand):
    help = "Queue the daily notification digests now (the worker does it once a day)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_digests()} digest(s) queued")
