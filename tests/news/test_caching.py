"""The news pages cache what every reader sees alike; every write shows at once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from news import services
from news.caching import _until_next_publication
from news.models import ArticleStatus, Comment, TopicName
from tests.factories import (
    ArticleFactory,
    CommentFactory,
    MunicipalityFactory,
    RegionFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


def titles(client, path="/uk/news/", **params):
    return client.get(path, params).content.decode()


def test_list_shows_a_new_article_after_the_page_was_cached(client):
    ArticleFactory(title_uk="Перша новина")
    assert "Перша новина" in titles(client)
    ArticleFactory(title_uk="Друга новина")
    assert "Друга новина" in titles(client)


def test_list_follows_edits_deletes_topics_and_publishing(client):
    article = ArticleFactory(title_uk="Стара назва")
    assert "Стара назва" in titles(client)
    article.title_uk = "Нова назва"
    article.save()
    page = titles(client)
    assert "Нова назва" in page and "Стара назва" not in page
    article.tags.add("енергетика")
    assert "енергетика" in titles(client)
    draft = ArticleFactory(title_uk="Чернетка", status=ArticleStatus.DRAFT)
    assert "Чернетка" not in titles(client)
    services.articles_publish(article_ids=[draft.pk])
    assert "Чернетка" in titles(client)
    article.delete()
    assert "Нова назва" not in titles(client)


def test_cached_news_ends_when_a_scheduled_article_goes_live():
    assert _until_next_publication() is None
    ArticleFactory(published_at=timezone.now() + timedelta(minutes=5))
    seconds = _until_next_publication()
    assert 0 < seconds <= 300


def test_article_page_counts_every_view_although_the_article_is_cached(client):
    article = ArticleFactory()
    reader = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"}
    client.get(article.get_absolute_url(), **reader)
    response = client.get(article.get_absolute_url(), **reader)
    assert response.context["article"].view_count == 2
    # A crawler is not counted, and sees the count as it is.
    bot = client.get(article.get_absolute_url(), HTTP_USER_AGENT="Googlebot/2.1")
    assert bot.context["article"].view_count == 2


def test_article_page_shows_edits_at_once(client):
    article = ArticleFactory(title_uk="Перший заголовок")
    assert "Перший заголовок" in titles(client, article.get_absolute_url())
    article.title_uk = "Другий заголовок"
    article.save()
    assert "Другий заголовок" in titles(client, article.get_absolute_url())


def test_comments_appear_and_disappear_on_the_cached_thread(client):
    article = ArticleFactory()
    CommentFactory(article=article, body="Перший коментар")
    assert "Перший коментар" in titles(client, article.get_absolute_url())
    writer = VerifiedUserFactory()
    services.comment_create(article=article, author=writer, body="Другий коментар")
    page = titles(client, article.get_absolute_url())
    assert "Другий коментар" in page
    hidden = Comment.objects.get(body="Другий коментар")
    services.comments_moderate(comment_ids=[hidden.pk], hide=True)
    assert "Другий коментар" not in titles(client, article.get_absolute_url())


def test_signed_in_reader_sees_their_own_comment_actions(client):
    article = ArticleFactory()
    writer = VerifiedUserFactory()
    CommentFactory(article=article, author=writer, body="Мій коментар")
    # An anonymous visit caches the thread first; the author still gets their button.
    titles(client, article.get_absolute_url())
    client.force_login(writer)
    assert "Delete my comment" in titles(client, "/en" + article.get_absolute_url()[3:])


def test_related_cards_follow_new_articles(client):
    community = MunicipalityFactory()
    article = ArticleFactory(slug="main")
    article.communities.set([community])
    client.get(article.get_absolute_url())
    neighbour = ArticleFactory(title_uk="Сусідня новина громади")
    neighbour.communities.set([community])
    assert "Сусідня новина громади" in titles(client, article.get_absolute_url())


def test_community_filter_offers_the_region_s_communities(client):
    region, elsewhere = RegionFactory(), RegionFactory()
    here = MunicipalityFactory(region=region, name_uk="Громада тут")
    there = MunicipalityFactory(region=elsewhere, name_uk="Громада там")
    for town in (here, there):
        ArticleFactory().communities.set([town])
    unfiltered = titles(client)
    assert "Громада тут" not in unfiltered and "Громада там" not in unfiltered
    in_region = titles(client, region=region.slug)
    assert "Громада тут" in in_region and "Громада там" not in in_region
    # A link that names a community alone still offers (and applies) it.
    linked = client.get("/uk/news/", {"community": there.slug})
    assert "Громада там" in linked.content.decode()
    assert len(linked.context["object_list"]) == 1
    # The region's page offers that region's communities.
    assert "Громада тут" in titles(client, f"/uk/news/regions/{region.slug}/")


@pytest.mark.parametrize("count", [2, 40])
def test_warm_topic_and_region_pages_make_no_query(client, django_assert_num_queries, count):
    region = RegionFactory()
    for n in range(count):
        article = ArticleFactory(title_uk=f"Новина {n}")
        article.tags.add("енергетика")
        article.regions.add(region)
    for path in ("/uk/news/tags/енергетика/", f"/uk/news/regions/{region.slug}/"):
        assert client.get(path).status_code == 200
        with django_assert_num_queries(0):
            assert client.get(path).status_code == 200


def test_topic_and_region_pages_follow_renames(client):
    region = RegionFactory(name_uk="Стара область")
    article = ArticleFactory()
    article.tags.add("енергетика")
    article.regions.add(region)
    topic_path, region_path = "/uk/news/tags/енергетика/", f"/uk/news/regions/{region.slug}/"
    assert "Стара область" in titles(client, region_path)
    assert "енергетика" in titles(client, topic_path)
    region.name_uk = "Нова область"
    region.save()
    tag = Tag.objects.get(slug="енергетика")
    TopicName.objects.create(tag=tag, language="uk", name="Енергія громад")
    assert "Нова область" in titles(client, region_path)
    assert "Енергія громад" in titles(client, topic_path)


def test_unknown_topic_or_region_is_a_404_each_time(client):
    for _ in range(2):
        assert client.get("/uk/news/tags/no-such-topic/").status_code == 404
        assert client.get("/uk/news/regions/no-such-region/").status_code == 404
