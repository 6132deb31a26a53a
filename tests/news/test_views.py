"""News pages: the list and its filters, the article page, what readers never see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article, ArticleStatus, Comment, TaggedArticle
from tests.factories import ArticleFactory, MunicipalityFactory, RegionFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db

TAG = "партнерство"


def slugs(response):
    return [a.slug for a in response.context["object_list"]]


def article_list_url() -> str:
    return reverse("news:article-list")


def test_article_list_newest_first(client, hidden_articles):
    response = client.get(article_list_url())
    assert slugs(response) == ["live", "other"]


def _page(name: str) -> str:
    """The address of each page the hidden articles could show on."""
    by_tag, by_region = {"slug": TAG}, {"slug": "kharkiv-oblast"}
    return {
        "list": lambda: reverse("news:article-list"),
        "search": lambda: reverse("news:article-list") + "?q=Ізюм",
        "tag": lambda: reverse("news:tag", kwargs=by_tag),
        "region": lambda: reverse("news:region", kwargs=by_region),
        "rss": lambda: reverse("news:rss"),
        "atom": lambda: reverse("news:atom"),
        "tag-rss": lambda: reverse("news:tag-rss", kwargs=by_tag),
        "region-atom": lambda: reverse("news:region-atom", kwargs=by_region),
        "sitemap": lambda: reverse(
            "django.contrib.sitemaps.views.sitemap", kwargs={"section": "news"}
        ),
        "live-article": lambda: reverse("news:article-detail", kwargs={"slug": "live"}),
        "home": lambda: reverse("home"),
    }[name]()


@pytest.mark.parametrize(
    "page",
    ["list", "search", "tag", "region", "rss", "atom", "tag-rss", "region-atom", "sitemap",
     "live-article", "home"],
)  # fmt: skip
def test_scheduled_and_draft_articles_are_hidden_everywhere(client, hidden_articles, page):
    html = client.get(_page(page)).content.decode()
    assert "live" in html
    assert "запланований" not in html and "/scheduled/" not in html
    assert "чернетка" not in html and "/draft/" not in html


def test_scheduled_article_page_is_404_for_readers_and_preview_for_staff(
    client, hidden_articles, staff_user
):
    url = hidden_articles["scheduled"].get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(staff_user)
    response = client.get(url)
    assert response.status_code == 200
    assert "Preview" in response.content.decode() or "Попередній" in response.content.decode()


def test_article_list_filters(client, hidden_articles):
    region, community = hidden_articles["region"], hidden_articles["community"]
    elsewhere = ArticleFactory(slug="elsewhere", published_at=timezone.now() - timedelta(days=30))
    url = article_list_url()
    assert slugs(client.get(url, {"region": region.slug})) == ["live"]
    assert slugs(client.get(url, {"community": community.slug})) == ["live", "other"]
    assert slugs(client.get(url, {"tag": TAG})) == ["live"]
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert "elsewhere" not in slugs(client.get(url, {"date_from": since}))
    until = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert slugs(client.get(url, {"date_to": until})) == [elsewhere.slug]


def test_article_list_bad_filters_are_ignored_with_a_message(client, hidden_articles):
    response = client.get(article_list_url(), {"date_from": "yesterday", "region": "nowhere"})
    assert response.status_code == 200
    assert slugs(response) == ["live", "other"]
    assert len(list(response.context["messages"])) == 1


def test_article_list_bad_page_is_404(client, hidden_articles):
    assert client.get(article_list_url(), {"page": "99"}).status_code == 404
    assert client.get(article_list_url(), {"page": "x"}).status_code == 404


def test_article_list_of_an_unknown_tag_or_region_is_404(client):
    assert client.get(reverse("news:tag", kwargs={"slug": "nothing"})).status_code == 404
    assert client.get(reverse("news:region-rss", kwargs={"slug": "nowhere"})).status_code == 404


def test_article_related_prefers_communities_then_tags_then_region_then_recency(client):
    region = RegionFactory()
    community = MunicipalityFactory(region=region)
    article = ArticleFactory(slug="main")
    article.communities.set([community])
    article.tags.set(["a"])
    article.regions.set([region])
    ArticleFactory(slug="newest", published_at=timezone.now())
    by_region = ArticleFactory(slug="by-region")
    by_region.regions.set([region])
    by_tag = ArticleFactory(slug="by-tag")
    by_tag.tags.set(["a"])
    by_community = ArticleFactory(slug="by-community")
    by_community.communities.set([community])
    ArticleFactory(slug="old", published_at=timezone.now() - timedelta(days=400))
    scheduled = ArticleFactory(slug="future", published_at=timezone.now() + timedelta(days=1))
    scheduled.communities.set([community])
    related = client.get(article.get_absolute_url()).context["related"]
    assert [a.slug for a in related] == ["by-community", "by-tag", "by-region", "newest"]


def test_article_page_has_canonical_open_graph_and_share_links(client):
    article = ArticleFactory(slug="shared")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<link rel="canonical" href="http://testserver/uk/news/shared/">' in html
    assert '<meta property="og:title" content="' + article.title_uk + '">' in html
    for host in [
        "facebook.com/sharer",
        "t.me/share",
        "x.com/intent",
        "linkedin.com/sharing",
        "mailto:?",
    ]:
        assert host in html
    assert '<script src="http' not in html


# --- Query counts ----------------------------------------------------------------------------


def _articles(count, region, community):
    now = timezone.now()
    Article.objects.bulk_create(
        Article(title_uk=f"Новина {n}", slug=f"bulk-{n}", status=ArticleStatus.PUBLISHED,
                published_at=now - timedelta(minutes=n + 1), search_title_uk=f"новина {n}")
        for n in range(count)
    )  # fmt: skip
    articles = list(Article.objects.all())
    Article.regions.through.objects.bulk_create(
        Article.regions.through(article=a, region=region) for a in articles
    )
    Article.communities.through.objects.bulk_create(
        Article.communities.through(article=a, municipality=community) for a in articles
    )
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object=a, tag_id=_tag_id()) for a in articles
    )


def _tag_id():
    from taggit.models import Tag

    return Tag.objects.get_or_create(name=TAG, slug="partnership")[0].pk


# A cold cache: the next scheduled publication, where pages start (and the count), the
# page, tags and their names, regions, and the filter form's choices (regions, topics and
# their names, the region's communities). Warm: the whole list comes from the cache
# (news.caching).
LIST_QUERIES = 11
LIST_QUERIES_WARM = 0
# Cold: the next publication, article + 4 prefetches (tags, their names, regions,
# communities), session, the user with their official (the header's "my municipality"),
# view UPDATE, e-mail verified, where comment pages start (and the count), the comment
# page, "Read more" (candidates and ranking in one) + 3 prefetches, the bell's count.
ARTICLE_QUERIES = 17
# Warm: session, the user with their official, view UPDATE, e-mail verified, the comment
# page (a signed-in reader's thread is not cached); the bell's count is cached.
ARTICLE_QUERIES_WARM = 5


@pytest.mark.parametrize("count", [10, 1000])
def test_list_page_query_count_is_flat(client, django_assert_num_queries, count):
    region, community = RegionFactory(), MunicipalityFactory()
    _articles(count, region, community)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(article_list_url(), {"region": region.slug}).status_code == 200
    with django_assert_num_queries(LIST_QUERIES_WARM):
        assert client.get(article_list_url(), {"region": region.slug}).status_code == 200


@pytest.mark.parametrize("count", [30, 1000])
def test_deep_list_page_costs_what_page_one_costs(client, django_assert_num_queries, count):
    """Pages start at a cached key (no OFFSET): the last page reads as many rows."""
    region, community = RegionFactory(), MunicipalityFactory()
    _articles(count, region, community)
    last = -(-count // 12)
    client.get(article_list_url())
    # The page, its tags, their names and regions, and the form's choices (regions,
    # topics and their names) for the page's first rendering; no count, no OFFSET.
    with django_assert_num_queries(7) as queries:
        response = client.get(article_list_url(), {"page": last})
    assert response.status_code == 200
    assert "OFFSET" not in queries.captured_queries[0]["sql"].upper()
    assert [a.slug for a in response.context["object_list"]] == [
        f"bulk-{n}" for n in range((last - 1) * 12, count)
    ]


@pytest.mark.parametrize(("articles", "comments"), [(10, 1), (1000, 500)])
def test_article_page_query_count_is_flat(client, django_assert_num_queries, articles, comments):
    region, community = RegionFactory(), MunicipalityFactory()
    _articles(articles, region, community)
    article = Article.objects.first()
    reader = VerifiedUserFactory()
    Comment.objects.bulk_create(
        Comment(article=article, author=reader, body=f"c{n}") for n in range(comments)
    )
    client.force_login(VerifiedUserFactory())
    with django_assert_num_queries(ARTICLE_QUERIES):
        response = client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    assert len(response.context["related"]) == 4
    with django_assert_num_queries(ARTICLE_QUERIES_WARM):
        response = client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200


@pytest.mark.parametrize("comments", [1, 500])
def test_anonymous_article_page_query_count_is_flat(client, django_assert_num_queries, comments):
    """A reader who is not signed in: the thread and "Read more" come from the cache."""
    region, community = RegionFactory(), MunicipalityFactory()
    _articles(20, region, community)
    article = Article.objects.first()
    Comment.objects.bulk_create(
        Comment(article=article, author=VerifiedUserFactory(), body=f"c{n}")
        for n in range(comments)
    )
    url = article.get_absolute_url()
    client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
    with django_assert_num_queries(1):  # the view count (UPDATE ... RETURNING)
        response = client.get(f"{url}?comments=last", HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200


# --- Tag addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["/uk/news/tags/%00/", "/uk/news/tags/%00/feed/rss/", "/uk/news/tags/%00/feed/atom/",
            "/uk/news/tags/a%0Ab/", "/uk/news/%00/"],
)  # fmt: skip
def test_tag_urls_with_control_characters_are_404(client, url):
    """Addresses reverse() cannot make: typed or forged by hand."""
    assert client.get(url).status_code == 404


def test_tag_urls_accept_unicode_slugs(client, hidden_articles):
    assert client.get(reverse("news:tag", kwargs={"slug": TAG})).status_code == 200
    assert client.get(reverse("news:tag-atom", kwargs={"slug": TAG})).status_code == 200
