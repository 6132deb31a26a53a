"""The news sitemap: an article in one language is listed, and canonical, in that language."""

from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def path(url: str) -> str:
    return urlsplit(url).path


def test_one_language_article_is_canonical_in_its_language_and_alone_in_the_sitemap(client):
    english_only = ArticleFactory(slug="english-only", title_uk="", lead_uk="", body_uk="")
    both = ArticleFactory(slug="both")
    with translation.override("uk"):
        english_only_in_uk = reverse("news:article-detail", kwargs={"slug": english_only.slug})
    with translation.override("en"):
        both_in_en = reverse("news:article-detail", kwargs={"slug": both.slug})
    html = client.get(english_only_in_uk).content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/english-only/">' in html
    html = client.get(both_in_en).content.decode()
    assert '<link rel="canonical" href="http://testserver/en/news/both/">' in html
    sitemap_url = reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "news"})
    sitemap = ElementTree.fromstring(client.get(sitemap_url).content)  # noqa: S314
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


def test_topic_pages_are_in_the_sitemap_at_one_address_in_every_language(client, settings):
    live = ArticleFactory(slug="live")
    live.tags.add("партнерство")
    ArticleFactory(slug="draft", status="draft").tags.add("чернетка")
    sitemap_url = reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "topics"})
    sitemap = ElementTree.fromstring(client.get(sitemap_url).content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = sorted(
        path(url.findtext("s:loc", namespaces=ns)) for url in sitemap.iterfind("s:url", ns)
    )
    slug = quote("партнерство")
    assert locs == sorted(f"/{code}/news/tags/{slug}/" for code, _name in settings.LANGUAGES)
