"""The partnership page's one timeline: activities, news that mention both sides and
agreed yearly documents as rows of one list, newest first, paged by keyset, in a fixed
number of queries."""

import datetime
import re

import pytest
from django.utils import timezone

from partnerships.activities.timeline import PAGE_SIZE
from partnerships.models import Activity, ActivityContribution, YearlyDocument
from tests.factories import ActivityFactory, ArticleFactory
from tests.factories import PublishedActivityFactory as Published

pytestmark = pytest.mark.django_db

ROW = re.compile(r'<li class="timeline__item" id="(\w+)-(\d+)"')


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _news(partnership, day: datetime.date, title: str = "Both"):
    article = ArticleFactory(title_en=title, published_at=_at(day))
    article.communities.set([partnership.municipality_a, partnership.municipality_b])
    return article


def _document(partnership, kind: str, year: int, agreed_on: datetime.date | None):
    return YearlyDocument.objects.create(
        partnership=partnership,
        kind=kind,
        year=year,
        text_uk="План",
        status="agreed" if agreed_on else "draft",
        agreed_at=_at(agreed_on) if agreed_on else None,
    )


def _rows(response) -> list[tuple[str, int]]:
    return [(kind, int(pk)) for kind, pk in ROW.findall(response.content.decode())]


@pytest.mark.usefixtures("english")
def test_activities_news_and_yearly_documents_are_rows_of_one_timeline_newest_first(
    client, partnership
):
    old = Published(partnership=partnership, happened_on=datetime.date(2024, 5, 1))
    article = _news(partnership, datetime.date(2025, 2, 1), "Izium and its partner")
    plan = _document(partnership, "plan", 2025, datetime.date(2025, 3, 1))
    new = Published(partnership=partnership, happened_on=datetime.date(2025, 6, 1))
    response = client.get(partnership.get_absolute_url())
    assert _rows(response) == [
        ("activity", new.pk),
        ("yearly", plan.pk),
        ("news", article.pk),
        ("activity", old.pk),
    ]
    html = response.content.decode()
    assert html.count('<ol class="timeline"') == 1
    for label in ("Yearly plan", "In the news", "Visit"):
        assert label in html
    assert '<time datetime="2025-03-01">01.03.2025</time>' in html
    assert plan.get_absolute_url() in html and article.get_absolute_url() in html


def test_drafts_of_yearly_documents_show_to_the_two_sides_only(role_client, partnership):
    draft = _document(partnership, "report", 2025, None)
    for role, sees in [("anonymous", False), ("official_c", False), ("official_b", True)]:
        rows = _rows(role_client(role).get(partnership.get_absolute_url()))
        assert (("yearly", draft.pk) in rows) == sees, role


def test_news_of_one_side_only_is_not_in_the_timeline(client, partnership, municipality_c):
    article = ArticleFactory(published_at=_at(datetime.date(2025, 1, 1)))
    article.communities.set([partnership.municipality_a, municipality_c])
    assert _rows(client.get(partnership.get_absolute_url())) == []


def test_the_timeline_pages_by_keyset_without_gaps_or_repeats(client, partnership):
    # Rows of all three kinds share days, so the order within a day decides too.
    day = datetime.date(2025, 4, 1)
    keys = []  # (day, rank within a day: yearly 3, activity 2, news 1, pk, kind)
    for n in range(PAGE_SIZE + 7):
        on = day - datetime.timedelta(days=n // 3)
        keys.append((on, 2, Published(partnership=partnership, happened_on=on).pk, "activity"))
        if n % 3 == 0:
            keys.append((on, 1, _news(partnership, on).pk, "news"))
    keys.append((day, 3, _document(partnership, "plan", 2025, day).pk, "yearly"))
    expected = [(kind, pk) for _on, _rank, pk, kind in sorted(keys, reverse=True)]
    seen, url, pages = [], partnership.get_absolute_url(), 0
    while url:
        response = client.get(url)
        rows = _rows(response)
        assert len(rows) <= PAGE_SIZE
        seen += rows
        pages += 1
        older = re.search(r'href="\?before=([\w-]+)"', response.content.decode())
        url = f"{partnership.get_absolute_url()}?before={older[1]}" if older else ""
    assert seen == expected
    assert pages == -(-len(expected) // PAGE_SIZE)


@pytest.mark.parametrize("cursor", ["x", "2025-13-01_2_1", "2025-01-01_2", "2025-01-01_²_1"])
def test_a_made_up_page_of_the_timeline_is_a_400(client, partnership, cursor):
    response = client.get(partnership.get_absolute_url(), {"before": cursor})
    assert response.status_code == 400
    assert "найновішої" in response.content.decode()  # the reader is told why, in Ukrainian


def test_an_old_activity_links_to_the_page_that_shows_it(client, partnership):
    old = Published(partnership=partnership, happened_on=datetime.date(2020, 1, 1))
    for _ in range(PAGE_SIZE + 1):
        Published(partnership=partnership, happened_on=datetime.date(2025, 1, 1))
    assert ("activity", old.pk) not in _rows(client.get(partnership.get_absolute_url()))
    assert _rows(client.get(old.get_absolute_url()))[0] == ("activity", old.pk)


@pytest.mark.parametrize("size", [1, 500])
def test_the_page_with_every_kind_of_row_makes_the_same_queries(
    role_client, django_assert_num_queries, partnership, municipality_a, size
):
    activities = Activity.objects.bulk_create(
        ActivityFactory.build(partnership=partnership, municipality=municipality_a)
        for _ in range(size)
    )
    ActivityContribution.objects.bulk_create(
        ActivityContribution(activity=activity, municipality=municipality_a, note="Note")
        for activity in activities
    )
    for n in range(min(size, 5)):  # newer than the activities: each kind on the page
        _news(partnership, datetime.date(2026, 6, 1) + datetime.timedelta(days=n))
        _document(partnership, "plan", 2000 + n, datetime.date(2026, 7, 1))
    client = role_client("official_a")
    client.get(partnership.get_absolute_url())  # the session and caches warm
    # The session; the user with their official (one query); the partnership; its yearly
    # documents, activities and their additions, news; the funding programmes. The bell's
    # count comes from the cache.
    with django_assert_num_queries(QUERIES):
        response = client.get(partnership.get_absolute_url())
    kinds = {kind for kind, _pk in _rows(response)}
    assert kinds == {"activity", "yearly", "news"}


QUERIES = 8
