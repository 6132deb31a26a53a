from django.core.management.base import BaseCommand
from django.db import transaction

from partnerships import demo as partnership_demo


class Command(BaseCommand):
    help = "Load demo content for a first look (profiles). Safe to re-run: nothing is duplicated."

    @transaction.atomic
    def handle(self, *args, **options):
        filled = partnership_demo.load()
        self.stdout.write(f"Demo profiles filled: {filled}")
