"""The article's view count: one per reader's view; bots, previews and staff do not count."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import ArticleStatus, ArticleViewCount
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import ArticleFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"


def views_of(article):
    return ArticleViewCount.of(article.pk)


@pytest.mark.django_db
def test_view_count_rises_by_one_per_reader_view(client):
    article = ArticleFactory()
    for _ in range(3):
        response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
    assert views_of(article) == 3
    assert response.context["article"].view_count == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "agent", ["", "Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1",
              "curl/8.5.0", "python-requests/2.32"],
)  # fmt: skip
def test_view_count_ignores_bots(client, agent):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    assert views_of(article) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "agent",
    [
        "WhatsApp/2.24.6.77 A",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 SkypeUriPreview Preview/0.5",
    ],
)
def test_view_count_ignores_messenger_previews_and_headless_browsers(client, agent):
    article = ArticleFactory()
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    assert views_of(article) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header", [{"HTTP_SEC_PURPOSE": "prefetch"}, {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
               {"HTTP_PURPOSE": "prefetch"}],
)  # fmt: skip
def test_view_count_ignores_prefetches(client, header):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER, **header)
    assert response.status_code == 200
    assert views_of(article) == 0


@pytest.mark.django_db
def test_view_count_counts_a_browser_whose_name_merely_contains_preview(client):
    article = ArticleFactory()
    agent = f"{BROWSER} PreviewedBy/1.0 Unpreviewable/2.0"
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    assert views_of(article) == 1


@pytest.mark.django_db
def test_view_count_ignores_head_requests(client):
    article = ArticleFactory()
    assert client.head(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert views_of(article) == 0


@pytest.mark.django_db
def test_view_count_ignores_staff_and_their_previews(client, staff_user):
    article = ArticleFactory()
    draft = ArticleFactory(status=ArticleStatus.DRAFT)
    client.force_login(staff_user)
    assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.get(draft.get_absolute_url(), HTTP_USER_AGENT=BROWSER).status_code == 200
    assert (views_of(article), views_of(draft)) == (0, 0)


@pytest.mark.django_db
def test_view_count_is_not_changed_by_admin_save(client, staff_user):
    article = ArticleFactory()
    ArticleViewCount.objects.create(article=article, views=10)
    client.force_login(staff_user)
    url = reverse("admin:news_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    ArticleViewCount.objects.filter(article=article).update(views=500)  # readers meanwhile
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update(
        title_uk="Оновлено", slug=article.slug, status="published",
        published_at_0=timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        published_at_1=timezone.localtime(article.published_at).strftime("%H:%M:%S"),
        image="", author="", source_url="",
    )  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    assert (article.title_uk, views_of(article)) == ("Оновлено", 500)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_view_count_is_exact_under_parallel_readers():
    article = ArticleFactory(published_at=timezone.now() - timedelta(days=1))
    readers, views_each = 12, 5

    def read():
        client = Client()
        url = article.get_absolute_url()
        return [client.get(url, HTTP_USER_AGENT=BROWSER).status_code for _ in range(views_each)]

    assert in_parallel(*[read] * readers) == [[200] * views_each] * readers
    assert views_of(article) == readers * views_each
