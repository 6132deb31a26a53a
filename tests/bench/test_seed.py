"""The benchmark's seeder, end to end at its tiny size, and the pages it feeds.

The seeder writes with COPY and the database's own triggers: PostgreSQL only."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.db.models import Count
from django.test import Client

from bench.benchmark import bench_pages
from bench.seed.command import seed
from bench.seed.database import marker
from bench.seed.plan import SIZES, label
from news.models import Article, Comment
from partnerships.models import Activity, Memorandum, Official, YearlyDocument

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the seeder needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def seeded(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # The areas of cooperation a migration makes: a transactional test run before this one
    # in the same process flushes them, and a freshly migrated database (the seeder's) has them.
    areas = importlib.import_module("partnerships.migrations.0002_seed_cooperation_areas")
    areas.seed(django_apps, None)
    seed("tiny", 1)
    yield SIZES["tiny"]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_seed")


def test_tiny_seed_fills_every_kind_of_row_and_feeds_every_benchmarked_page(seeded):
    assert Article.objects.published().count() == seeded["articles"]
    assert Comment.objects.count() == seeded["comments"]
    assert Official.objects.approved().exists()
    assert Memorandum.objects.exists()
    # What partnerships do: activities (the busiest partnership's share first), agreed
    # yearly plans and reports, each with both sides' agreements.
    assert Activity.objects.published().count() == seeded["activities"]
    busiest = Activity.objects.values("partnership").annotate(n=Count("pk")).order_by("-n")[0]
    assert busiest["n"] >= seeded["busiest_activities"]
    assert YearlyDocument.objects.agreed().count() == seeded["yearly"]
    assert all(d.agreements.count() == 2 for d in YearlyDocument.objects.all())
    # Derived columns are filled as the application fills them.
    assert not Article.objects.filter(search_document__isnull=True).exists()
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    assert marker(url) == label("tiny", 1)

    # Every page the benchmark measures renders on it (one test: seeding needs the
    # areas of cooperation the migrations create, which a transactional test flushes).
    for page in bench_pages():
        client = Client()
        if page.get("cookie"):
            name, _, value = page["cookie"].partition("=")
            client.cookies[name] = value
        for path in page["paths"][:3]:
            response = client.get(path)
            assert response.status_code == 200, (page["name"], path, response.status_code)
