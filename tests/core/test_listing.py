"""Paginated lists: a page number that is not a page is a 404, never page 1."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.paginator import EmptyPage
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.listing import KeysetPaginator, StrictKeysetPaginator, StrictPaginator
from news.models import Article, ArticleStatus


@pytest.mark.parametrize("number", ["abc", "0", "-1", "3", "99999999999999999999"])
def test_strict_paginator_answers_a_bad_page_number_with_404(number):
    paginator = StrictPaginator(list(range(30)), 24)
    with pytest.raises(Http404):
        paginator.page(number)


def test_strict_paginator_serves_the_pages_it_has():
    paginator = StrictPaginator(list(range(30)), 24)
    assert list(paginator.page("1")) == list(range(24))
    assert list(paginator.page("2")) == list(range(24, 30))


pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    """25 articles, several sharing a publication time, so the id breaks ties."""
    now = timezone.now().replace(microsecond=0)
    Article.objects.bulk_create(
        Article(title_uk=f"Новина {n}", slug=f"keyset-{n}", status=ArticleStatus.PUBLISHED,
                published_at=now - timedelta(minutes=n // 3))
        for n in range(25)
    )  # fmt: skip
    return Article.objects.order_by("-published_at", "-pk")


def pages_of(paginator):
    return [[a.pk for a in paginator.page(n)] for n in paginator.page_range]


def test_keyset_pages_are_the_offset_pages(articles):
    keyset = KeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="test")
    offset = [[a.pk for a in page] for page in (articles[i : i + 4] for i in range(0, 25, 4))]
    assert keyset.count == 25
    assert keyset.num_pages == 7
    assert pages_of(keyset) == offset


def test_keyset_pages_ascending_are_the_offset_pages(articles):
    oldest_first = articles.order_by("published_at", "pk")
    keyset = KeysetPaginator(oldest_first, 10, keys=("published_at", "pk"), descending=False)
    assert pages_of(keyset) == [[a.pk for a in oldest_first[i : i + 10]] for i in range(0, 25, 10)]


def test_keyset_page_from_the_cache_reads_only_its_rows(articles):
    KeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="warm").page(5)
    again = KeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="warm")
    with CaptureQueriesContext(connection) as queries:
        rows = list(again.page(6))
    # One query: the page itself, from its first key (no count, no OFFSET).
    assert len(queries) == 1
    assert "OFFSET" not in queries[0]["sql"].upper()
    assert [a.pk for a in rows] == [a.pk for a in articles[20:24]]


def test_keyset_page_past_the_end_is_a_404_without_a_rebuild(articles):
    StrictKeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="end").page(1)
    late = StrictKeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="end")
    with CaptureQueriesContext(connection) as queries, pytest.raises(Http404):
        late.page(500)
    assert len(queries) == 0
    with pytest.raises(Http404):
        late.page("abc")
    with pytest.raises(EmptyPage):
        KeysetPaginator(articles, 4, keys=("published_at", "pk")).page(8)


def test_keyset_pages_of_an_empty_list(db):
    paginator = KeysetPaginator(
        Article.objects.order_by("-published_at", "-pk"), 4, keys=("published_at", "pk")
    )
    assert paginator.count == 0
    assert list(paginator.page(1)) == []


def test_keyset_pages_follow_a_new_cache_key(articles):
    first = KeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="gen-1")
    assert first.count == 25
    Article.objects.filter(pk=articles[0].pk).delete()
    # Same key: the cached page starts stay (the caller changes the key on writes).
    assert KeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="gen-1").count == 25
    assert KeysetPaginator(articles, 4, keys=("published_at", "pk"), cache_key="gen-2").count == 24
    cache.clear()
