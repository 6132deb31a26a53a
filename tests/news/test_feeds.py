"""News feeds (RSS and Atom, for all news, a topic, a region) and the sitemaps they sit by."""

import html
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation

from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
TAG = "партнерство"


def test_feeds_are_well_formed_xml(client, hidden_articles):
    with translation.override("en"):
        english_atom = reverse("news:atom")
    urls = [
        reverse("news:rss"),
        english_atom,
        reverse("news:tag-atom", kwargs={"slug": TAG}),
        reverse("news:region-rss", kwargs={"slug": "kharkiv-oblast"}),
        reverse("sitemap"),
        reverse("django.contrib.sitemaps.views.sitemap", kwargs={"section": "news"}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        ElementTree.fromstring(response.content)  # noqa: S314 - our own output
    rss = ElementTree.fromstring(client.get(reverse("news:rss")).content)  # noqa: S314
    assert [item.findtext("title") for item in rss.iter("item")] == [
        "Ізюм живий партнер", hidden_articles["other"].title_uk,
    ]  # fmt: skip


def test_atom_feed_has_the_required_elements_and_plain_text_summaries(client):
    lead = "Партнери <b> & друзі: «5 > 3»"
    ArticleFactory(slug="lead", lead_uk=lead)
    ArticleFactory(slug="plain")
    for url in [reverse("news:atom"), reverse("news:tag-atom", kwargs={"slug": TAG})]:
        if "tags" in url:
            for article in Article.objects.all():
                article.tags.add(TAG)
        feed = ElementTree.fromstring(client.get(url).content)  # noqa: S314
        for element in ("id", "title", "updated"):
            assert feed.findtext(f"{ATOM}{element}"), element
        assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Портал побратимства"
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 2
        for entry in entries:
            for element in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{element}"), element
            link = urlsplit(entry.find(f"{ATOM}link").get("href")).path
            assert link.startswith(reverse("news:article-list"))
        summary = entries[0].find(f"{ATOM}summary")
        assert (summary.get("type"), summary.text) == ("text", lead)


def test_rss_feed_sends_the_lead_as_escaped_html(client):
    lead = "Партнери <b> & друзі"
    ArticleFactory(lead_uk=lead)
    rss = ElementTree.fromstring(client.get(reverse("news:rss")).content)  # noqa: S314
    description = rss.find("channel/item/description").text
    assert description == "Партнери &lt;b&gt; &amp; друзі"
    assert html.unescape(description) == lead
