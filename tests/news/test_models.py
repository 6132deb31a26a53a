"""The article: sanitised body, a title in some language, one-language articles, counters."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from news.models import Article, ArticleViewCount
from news.services import article_add_view
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_article_body_is_sanitised_on_save():
    article = ArticleFactory(body_uk='<p onclick="x()">Hi</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body_uk == "<p>Hi</p>"


@pytest.mark.parametrize(("uk", "en"), [("", ""), (None, None), (None, ""), ("", None)])
def test_article_needs_a_title_in_some_language(uk, en):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(slug="untitled", title_uk=uk, title_en=en)


@pytest.mark.parametrize(("uk", "en"), [("Назва", None), (None, "Title"), ("Назва", "")])
def test_article_with_one_title_is_accepted(uk, en):
    Article.objects.create(slug="titled", title_uk=uk, title_en=en)


def test_article_in_one_language_shows_that_language_whole():
    article = ArticleFactory(title_en="", lead_en="", body_en="")
    with translation.override("en"):
        assert article.content_language == "uk"
        assert (article.display_title, article.display_lead, article.display_body) == (
            article.title_uk, article.lead_uk, article.body_uk,
        )  # fmt: skip
        assert article.is_translated is False
    with translation.override("uk"):
        assert article.is_translated is True


def test_article_save_never_writes_back_a_stale_view_count():
    article = ArticleFactory(published_at=timezone.now() - timedelta(hours=1))
    stale = Article.objects.with_view_count().get(pk=article.pk)
    assert stale.view_count == 0
    for _ in range(41):
        article_add_view(article_id=article.pk)
    stale.title_uk = "Нова назва"
    stale.save()
    article.refresh_from_db()
    assert (ArticleViewCount.of(article.pk), article.title_uk) == (41, "Нова назва")
