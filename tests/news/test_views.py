import html
from datetime import timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from news.models import Article, ArticleStatus, Comment, TaggedArticle
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    MunicipalityFactory,
    RegionFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_articles():
    """A scheduled and a draft article sharing everything with a live one."""
    region = RegionFactory(slug="kharkiv-oblast")
    community = MunicipalityFactory(region=region)
    live = ArticleFactory(title_uk="Ізюм живий партнер", slug="live")
    scheduled = ArticleFactory(
        title_uk="Ізюм запланований партнер", slug="scheduled",
        published_at=timezone.now() + timedelta(hours=1),
    )  # fmt: skip
    draft = ArticleFactory(
        title_uk="Ізюм чернетка партнер", slug="draft", status=ArticleStatus.DRAFT
    )
    for article in (live, scheduled, draft):
        article.tags.set(["партнерство"])
        article.regions.set([region])
        article.communities.set([community])
    # Labels only the hidden articles carry: no filter may offer them.
    scheduled.tags.add("запланований-тема")
    draft.tags.add("чернетка-тема")
    hidden_only = MunicipalityFactory(
        region=region, name_uk="громада запланований чернетка", open_to_partners=False
    )
    scheduled.communities.add(hidden_only)
    draft.communities.add(hidden_only)
    other = ArticleFactory(slug="other")
    other.communities.set([community])
    return {"live": live, "scheduled": scheduled, "draft": draft, "other": other,
            "region": region, "community": community}  # fmt: skip


def slugs(response):
    return [a.slug for a in response.context["object_list"]]


def test_article_list_newest_first(client, hidden_articles):
    response = client.get("/uk/news/")
    assert slugs(response) == ["live", "other"]


@pytest.mark.parametrize(
    "url",
    ["/uk/news/", "/uk/news/?q=Ізюм", "/uk/news/tags/партнерство/", "/uk/news/regions/kharkiv-oblast/",
     "/uk/news/feed/rss/", "/uk/news/feed/atom/", "/uk/news/tags/партнерство/feed/rss/",
     "/uk/news/regions/kharkiv-oblast/feed/atom/", "/sitemap-news.xml", "/uk/news/live/", "/uk/"],
)  # fmt: skip
def test_scheduled_and_draft_articles_are_hidden_everywhere(client, hidden_articles, url):
    html = client.get(url).content.decode()
    assert "live" in html
    assert "запланований" not in html and "/scheduled/" not in html
    assert "чернетка" not in html and "/draft/" not in html


def test_scheduled_article_page_is_404_for_readers_and_preview_for_staff(
    client, hidden_articles, staff_user
):
    assert client.get("/uk/news/scheduled/").status_code == 404
    client.force_login(staff_user)
    response = client.get("/uk/news/scheduled/")
    assert response.status_code == 200
    assert "Preview" in response.content.decode() or "Попередній" in response.content.decode()


def test_article_list_filters(client, hidden_articles):
    region, community = hidden_articles["region"], hidden_articles["community"]
    elsewhere = ArticleFactory(slug="elsewhere", published_at=timezone.now() - timedelta(days=30))
    assert slugs(client.get(f"/uk/news/?region={region.slug}")) == ["live"]
    assert slugs(client.get(f"/uk/news/?community={community.slug}")) == ["live", "other"]
    assert slugs(client.get("/uk/news/?tag=партнерство")) == ["live"]
    since = (timezone.localdate() - timedelta(days=2)).isoformat()
    assert "elsewhere" not in slugs(client.get(f"/uk/news/?date_from={since}"))
    until = (timezone.localdate() - timedelta(days=10)).isoformat()
    assert slugs(client.get(f"/uk/news/?date_to={until}")) == [elsewhere.slug]


def test_article_list_bad_filters_are_ignored_with_a_message(client, hidden_articles):
    response = client.get("/uk/news/?date_from=yesterday&region=nowhere")
    assert response.status_code == 200
    assert slugs(response) == ["live", "other"]
    assert len(list(response.context["messages"])) == 1


def test_article_list_bad_page_is_404(client, hidden_articles):
    assert client.get("/uk/news/?page=99").status_code == 404
    assert client.get("/uk/news/?page=x").status_code == 404


def test_unknown_tag_or_region_is_404(client):
    assert client.get("/uk/news/tags/nothing/").status_code == 404
    assert client.get("/uk/news/regions/nowhere/feed/rss/").status_code == 404


def test_search_finds_both_languages_and_word_forms(client):
    ArticleFactory(slug="uk", title_uk="Партнерства громад Ізюма", title_en="")
    ArticleFactory(slug="en", title_uk="Інше", title_en="Chennevières twinning")
    ArticleFactory(slug="none", title_uk="Погода", title_en="Weather")
    # Ukrainian word forms: "партнерство" finds "Партнерства" (see tests/news/test_search.py)
    assert slugs(client.get("/uk/news/?q=партнерство ізюм")) == ["uk"]
    assert slugs(client.get("/uk/news/?q=партнерств ізюм")) == ["uk"]
    assert slugs(client.get("/uk/news/?q=chennevieres")) == ["en"]
    assert slugs(client.get("/uk/news/?q=TWINNING")) == ["en"]


def test_related_prefers_communities_then_tags_then_region_then_recency(client):
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
    related = client.get("/uk/news/main/").context["related"]
    assert [a.slug for a in related] == ["by-community", "by-tag", "by-region", "newest"]


def test_feeds_are_well_formed_xml(client, hidden_articles):
    for url in ["/uk/news/feed/rss/", "/en/news/feed/atom/", "/uk/news/tags/партнерство/feed/atom/",
                "/uk/news/regions/kharkiv-oblast/feed/rss/", "/sitemap.xml", "/sitemap-news.xml"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    rss = ElementTree.fromstring(client.get("/uk/news/feed/rss/").content)  # noqa: S314
    assert [item.findtext("title") for item in rss.iter("item")] == [
        "Ізюм живий партнер", hidden_articles["other"].title_uk,
    ]  # fmt: skip


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


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


def test_home_and_profile_show_news(client):
    community = MunicipalityFactory()
    article = ArticleFactory(title_uk="Новина громади")
    article.communities.set([community])
    assert "Новина громади" in client.get("/uk/").content.decode()
    assert "Новина громади" in client.get(community.get_absolute_url()).content.decode()


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

    return Tag.objects.get_or_create(name="партнерство", slug="partnership")[0].pk


# A cold cache: the next scheduled publication, where pages start (and the count), the
# page, tags, regions, and the filter form's choices (regions, topics, the region's
# communities). Warm: the whole list comes from the cache (news.caching).
LIST_QUERIES = 9
LIST_QUERIES_WARM = 0
# Cold: the next publication, article + 3 prefetches, session, user, view UPDATE, e-mail
# verified, where comment pages start (and the count), the comment page, "Read more"
# (candidates and ranking in one) + 2 prefetches, the header's "my municipality" lookup.
ARTICLE_QUERIES = 15
# Warm: session, user, view UPDATE, e-mail verified, the comment page (a signed-in reader's
# thread is not cached), the header's "my municipality" lookup.
ARTICLE_QUERIES_WARM = 6


@pytest.mark.parametrize("count", [10, 1000])
def test_list_page_query_count_is_flat(client, django_assert_num_queries, count):
    region, community = RegionFactory(), MunicipalityFactory()
    _articles(count, region, community)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(f"/uk/news/?region={region.slug}").status_code == 200
    with django_assert_num_queries(LIST_QUERIES_WARM):
        assert client.get(f"/uk/news/?region={region.slug}").status_code == 200


@pytest.mark.parametrize("count", [30, 1000])
def test_deep_list_page_costs_what_page_one_costs(client, django_assert_num_queries, count):
    """Pages start at a cached key (no OFFSET): the last page reads as many rows."""
    region, community = RegionFactory(), MunicipalityFactory()
    _articles(count, region, community)
    last = -(-count // 12)
    client.get("/uk/news/")
    # The page, its tags and regions, and the form's choices (regions, topics) for the
    # page's first rendering; no count, no OFFSET.
    with django_assert_num_queries(5) as queries:
        response = client.get(f"/uk/news/?page={last}")
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


def test_comment_threads_are_paginated(client):
    article = ArticleFactory()
    CommentFactory.create_batch(55, article=article, author=VerifiedUserFactory())
    first = client.get(article.get_absolute_url())
    assert len(first.context["comments"].object_list) == 50
    second = client.get(f"{article.get_absolute_url()}?comments=2")
    assert len(second.context["comments"].object_list) == 5


@pytest.mark.parametrize(
    "url", ["/uk/news/tags/%00/", "/uk/news/tags/%00/feed/rss/", "/uk/news/tags/%00/feed/atom/",
            "/uk/news/tags/a%0Ab/", "/uk/news/%00/"],
)  # fmt: skip
def test_tag_urls_with_control_characters_are_404(client, url):
    assert client.get(url).status_code == 404


def test_tag_urls_accept_unicode_slugs(client, hidden_articles):
    assert client.get("/uk/news/tags/партнерство/").status_code == 200
    assert client.get("/uk/news/tags/партнерство/feed/atom/").status_code == 200


def path(url: str) -> str:
    return urlsplit(url).path


def test_one_language_article_is_canonical_in_its_language_and_alone_in_the_sitemap(client):
    ArticleFactory(slug="english-only", title_uk="", lead_uk="", body_uk="")
    ArticleFactory(slug="both")
    html = client.get("/uk/news/english-only/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/english-only/">' in html
    html = client.get("/en/news/both/").content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/both/">' in html
    sitemap = ElementTree.fromstring(client.get("/sitemap-news.xml").content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = sorted(
        path(url.findtext("s:loc", namespaces=ns)) for url in sitemap.iterfind("s:url", ns)
    )
    assert locs == ["/en/news/both/", "/en/news/english-only/", "/uk/news/both/"]
    alternates = {
        path(url.findtext("s:loc", namespaces=ns)): sorted(
            link.get("hreflang") for link in url.iterfind("x:link", ns)
        )
        for url in sitemap.iterfind("s:url", ns)
    }
    assert alternates["/en/news/english-only/"] == ["en"]
    assert alternates["/uk/news/both/"] == ["en", "uk", "x-default"]


ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_has_the_required_elements_and_plain_text_summaries(client):
    lead = "Партнери <b> & друзі: «5 > 3»"
    ArticleFactory(slug="lead", lead_uk=lead)
    ArticleFactory(slug="plain")
    for url in ["/uk/news/feed/atom/", "/uk/news/tags/партнерство/feed/atom/"]:
        if "tags" in url:
            for article in Article.objects.all():
                article.tags.add("партнерство")
        feed = ElementTree.fromstring(client.get(url).content)  # noqa: S314
        for element in ("id", "title", "updated"):
            assert feed.findtext(f"{ATOM}{element}"), element
        assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Портал побратимства"
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 2
        for entry in entries:
            for element in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{element}"), element
            assert path(entry.find(f"{ATOM}link").get("href")).startswith("/uk/news/")
        summary = entries[0].find(f"{ATOM}summary")
        assert (summary.get("type"), summary.text) == ("text", lead)


def test_rss_feed_sends_the_lead_as_escaped_html(client):
    lead = "Партнери <b> & друзі"
    ArticleFactory(lead_uk=lead)
    rss = ElementTree.fromstring(client.get("/uk/news/feed/rss/").content)  # noqa: S314
    description = rss.find("channel/item/description").text
    assert description == "Партнери &lt;b&gt; &amp; друзі"
    assert html.unescape(description) == lead


def test_search_over_100_characters_is_cut_to_100_not_dropped(client, hidden_articles):
    query = "живий партнер " * 12
    assert len(query) > 100
    response = client.get("/uk/news/", {"q": query})
    assert slugs(response) == ["live"]
    assert list(response.context["messages"]) == []
    assert response.context["filter"].form.cleaned_data["q"] == query[:100].strip()
