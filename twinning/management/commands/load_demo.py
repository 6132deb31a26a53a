from django.core.management.base import BaseCommand
from django.db import transaction

from news import demo as news_demo
from partnerships import demo as partnership_demo


class Command(BaseCommand):
    help = "Load demo content for a first look (profiles, news). Safe to re-run: nothing is duplicated."

    @transaction.atomic
    def handle(self, *args, **options):
        filled = partnership_demo.load()
        self.stdout.write(f"Demo profiles filled: {filled}")
        articles = news_demo.load()
        self.stdout.write(f"Demo news articles created: {articles}")
