from django.core.management.base import BaseCommand
from django.db import transaction

from news import demo as news_demo
from partnerships.demo import accounts as demo_accounts
from partnerships.demo import life as demo_life
from partnerships.demo import profiles as demo_profiles


class Command(BaseCommand):
    help = (
        "Load demo content for a first look (profiles, news; with DEBUG on, demo accounts). "
        "Safe to re-run: nothing is duplicated."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        filled = demo_profiles.load()
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
        if demo_life.load():
            self.stdout.write("Izium – Chennevières-sur-Marne: an activity and this year's plan.")
