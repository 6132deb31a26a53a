"""News search: the same words find the same articles on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from news.models import Article
from tests.concurrency import needs_postgresql
from tests.factories import ArticleFactory, MunicipalityFactory, RegionFactory

pytestmark = pytest.mark.django_db


def found(client, query: str) -> list[str]:
    response = client.get(reverse("news:article-list"), {"q": query})
    assert response.status_code == 200
    return [a.slug for a in response.context["object_list"]]


@pytest.mark.parametrize(
    "query", ["Шеннев’єр", "шеннев'єр", "шенневєр", "ШЕННЕВʼЄР", "шеннев`єр", "Шеннев‘єр"]
)
def test_search_ignores_apostrophes_in_text_and_query(client, query):
    ArticleFactory(slug="izium", title_uk="Ізюм домовляється з Шеннев'єр-сюр-Марном", title_en="")
    ArticleFactory(slug="curly", title_uk="Делегація з Шеннев’єра", title_en="")
    ArticleFactory(slug="other", title_uk="Інша новина", title_en="")
    assert found(client, query) == ["izium", "curly"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("побратимства", "Підписали меморандум про побратимство"),
        ("генераторів", "Партнери передали генератори"),
        ("партнерство", "Партнерства громад"),
        ("громади", "Громада відбудовує школу"),
    ],
)
def test_search_finds_ukrainian_word_forms(client, query, title):
    ArticleFactory(slug="match", title_uk=title, title_en="")
    ArticleFactory(slug="other", title_uk="Погода на вихідні", title_en="")
    assert found(client, query) == ["match"]


def test_search_finds_both_languages_and_word_forms(client):
    ArticleFactory(slug="uk", title_uk="Партнерства громад Ізюма", title_en="")
    ArticleFactory(slug="en", title_uk="Інше", title_en="Chennevières twinning")
    ArticleFactory(slug="none", title_uk="Погода", title_en="Weather")
    # Ukrainian word forms: "партнерство" finds "Партнерства"
    assert found(client, "партнерство ізюм") == ["uk"]
    assert found(client, "партнерств ізюм") == ["uk"]
    assert found(client, "chennevieres") == ["en"]
    assert found(client, "TWINNING") == ["en"]


def test_search_over_100_characters_is_cut_to_100_not_dropped(client, hidden_articles):
    query = "живий партнер " * 12
    assert len(query) > 100
    response = client.get(reverse("news:article-list"), {"q": query})
    assert [a.slug for a in response.context["object_list"]] == ["live"]
    assert list(response.context["messages"]) == []
    assert response.context["filter"].form.cleaned_data["q"] == query[:100].strip()


@needs_postgresql
@pytest.mark.parametrize(
    ("query", "title"), [("cities", "A city helps"), ("helped", "A city helps")]
)
def test_search_stems_english_on_postgresql(client, query, title):
    ArticleFactory(slug="match", title_uk="Місто", title_en=title)
    ArticleFactory(slug="other", title_uk="Погода", title_en="Weather")
    assert found(client, query) == ["match"]


def test_search_finds_topic_region_and_community_names_below_title_matches(client):
    region = RegionFactory(name_uk="Харківська область", name_en="Kharkiv Oblast")
    community = MunicipalityFactory(name_uk="Балаклійська громада", name_en="Balakliia")
    labelled = ArticleFactory(slug="labelled", title_uk="Новина", title_en="News")
    labelled.tags.add("енергетика")
    labelled.regions.add(region)
    labelled.communities.add(community)
    # Older, so only the rank can put it first.
    ArticleFactory(
        slug="titled", title_uk="Енергетика для Харківщини і Балаклії", title_en="",
        published_at=labelled.published_at.replace(year=labelled.published_at.year - 1),
    )  # fmt: skip
    assert found(client, "енергетика") == ["titled", "labelled"]
    assert found(client, "харківська") == ["labelled"]
    assert found(client, "kharkiv") == ["labelled"]
    assert found(client, "балаклійська") == ["labelled"]
    labelled.tags.clear()
    region.articles.remove(labelled)
    assert found(client, "енергетика") == ["titled"]
    assert found(client, "kharkiv") == []


def test_search_ranks_title_above_lead_above_body(client):
    ArticleFactory(slug="body", body_uk="<p>Про відбудову школи.</p>")
    ArticleFactory(slug="lead", lead_uk="Відбудова школи почалася.")
    ArticleFactory(slug="title", title_uk="Відбудова школи")
    # The body one is the newest: without ranking it would come first.
    assert found(client, "відбудова") == ["title", "lead", "body"]


def test_search_follows_edits_and_renamed_topics(client):
    article = ArticleFactory(slug="edited", title_uk="Стара назва", title_en="")
    article.tags.add("культура")
    assert found(client, "культура") == ["edited"]
    tag = Tag.objects.get(name="культура")
    tag.name = "мистецтво"
    tag.save()
    assert found(client, "культура") == []
    assert found(client, "мистецтво") == ["edited"]
    article.title_uk = "Нова назва"
    article.save()
    assert found(client, "нова") == ["edited"]
    assert found(client, "стара") == []


def test_search_rows_do_not_carry_the_vector_or_rank():
    ArticleFactory(title_uk="Відбудова школи")
    with CaptureQueriesContext(connection) as queries:
        articles = list(Article.objects.published().search("відбудова"))
    assert len(articles) == 1
    select_list = queries.captured_queries[-1]["sql"].split(" FROM ")[0]
    assert "tsvector" not in select_list and "rank" not in select_list
    assert not hasattr(articles[0], "search") and not hasattr(articles[0], "rank")


@needs_postgresql
def test_search_uses_the_gin_index():
    """The stored vector is GIN-indexed (migration 0007), so the planner can use the
    index (with few rows it prefers others unless told; for a common word it rightly
    walks the date index instead, hence no plain index scans here)."""
    ArticleFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = Article.objects.search("шеннев'єр twinning").explain()
    assert "news_article_document_gin" in plan


@needs_postgresql
def test_stored_search_document_is_the_search_vector():
    """The trigger of migration 0007 computes exactly news.models.search_vector()."""
    from django.db.models import F, TextField
    from django.db.models.functions import Cast

    from news.models import search_vector

    article = ArticleFactory(
        title_uk="Відбудова школи", title_en="Rebuilding a school", lead_uk="Громада",
        body_en="<p>Cities helped.</p>",
    )  # fmt: skip
    article.tags.add("енергетика")
    row = (
        Article.objects.filter(pk=article.pk)
        .annotate(computed=Cast(search_vector(), TextField()))
        .annotate(stored=Cast(F("search_document"), TextField()))
        .values("computed", "stored")
        .get()
    )
    assert row["stored"] == row["computed"]
    assert "енергетика" in row["stored"]


def test_search_ranks_only_the_newest_matches(client, monkeypatch):
    """A word in every article costs what a rare one does: only the newest SEARCH_LIMIT
    matches are ranked, and the page says there are more."""
    monkeypatch.setattr("news.models.search.SEARCH_LIMIT", 3)
    now = timezone.now()
    for n in range(5):
        ArticleFactory(
            slug=f"old-title-{n}" if n == 4 else f"body-{n}",
            title_uk="Громада" if n == 4 else "Новина",
            body_uk="" if n == 4 else "<p>Громада працює.</p>",
            published_at=now - timedelta(days=n),
        )
    # The title match is the oldest: outside the 3 newest, so not found despite its rank.
    assert found(client, "громада") == ["body-0", "body-1", "body-2"]
    page = client.get("/uk/news/", {"q": "громада"}).content.decode()
    assert "More than 3 articles" in page or "Понад 3 стат" in page


def test_search_within_other_filters_is_bounded_after_them(client, monkeypatch):
    """Filters apply before the bound: the newest matches of the topic, not of all news."""
    monkeypatch.setattr("news.models.search.SEARCH_LIMIT", 2)
    now = timezone.now()
    for n in range(4):
        ArticleFactory(slug=f"plain-{n}", title_uk="Громада", published_at=now - timedelta(days=n))
    tagged = ArticleFactory(slug="tagged", title_uk="Громада", published_at=now - timedelta(days=9))
    tagged.tags.add("енергетика")
    response = client.get("/uk/news/", {"q": "громада", "tag": "енергетика"})
    assert [a.slug for a in response.context["object_list"]] == ["tagged"]


def test_search_query_count_does_not_grow_with_matches(client, django_assert_num_queries):
    ArticleFactory(title_uk="Громада одна")
    with django_assert_num_queries(SEARCH_QUERIES):
        client.get("/uk/news/", {"q": "громада", "page": "1"})
    cache_clear()
    for n in range(30):
        ArticleFactory(title_uk=f"Громада {n}")
    with django_assert_num_queries(SEARCH_QUERIES):
        client.get("/uk/news/", {"q": "громада", "page": "1"})


def cache_clear():
    from django.core.cache import cache

    cache.clear()


# The next publication, the matches' count, the page, tags, regions, and the form's
# choices: regions, topics (the community choices need a region).
SEARCH_QUERIES = 7
