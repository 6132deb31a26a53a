from django.core.management.base import BaseCommand
from django.db import transaction

from news import demo as news_demo
from partnerships import demo as partnership_demo
from partnerships import demo_accounts


class Command(BaseCommand):
    help = (
        "Load demo content for a first look (profiles, news; with DEBUG on, demo accounts). "
        "Safe to re-run: nothing is duplicated."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        filled = partnership_demo.load()
        self.stdout.write(f"Demo profiles filled: {filled}")
        emails = demo_accounts.load()
        if emails:
            self.stdout.write(
                f"Demo accounts (password {demo_accounts.DEMO_PASSWORD!r}): " + ", ".join(emails)
            )
        else:
            self.stdout.write("Demo accounts are only created with DEBUG on.")
        articles = news_demo.load()
        self.stdout.write(f"Demo news articles created: {articles}")
