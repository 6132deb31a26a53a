"""The news admin: topics, images and their files, publishing, previews, comment moderation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from taggit.models import Tag

from news.models import Article, ArticleViewCount, CommentStatus
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def change_form_data(client, article, **changes):
    url = reverse("admin:news_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update(
        slug=article.slug, status="published",
        published_at_0=timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        published_at_1=timezone.localtime(article.published_at).strftime("%H:%M:%S"),
        image="", author="", source_url="",
    )  # fmt: skip
    data.update(changes)
    return url, data


def test_editor_picks_existing_topics_and_adds_new_ones(client, staff_user):
    existing = Tag.objects.create(name="партнерство", slug="partnership")
    article = ArticleFactory()
    client.force_login(staff_user)
    url, data = change_form_data(client, article, tags=[existing.pk], new_tags="відбудова, energy")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == [
        "energy",
        "відбудова",
        "партнерство",
    ]


def test_topic_autocomplete_finds_topics_for_staff_only(client, staff_user, plain_user):
    Tag.objects.create(name="партнерство", slug="partnership")
    Tag.objects.create(name="культура", slug="culture")
    url = reverse("admin:autocomplete")
    query = {"app_label": "news", "model_name": "article", "field_name": "tags", "term": "парт"}
    client.force_login(plain_user)
    assert client.get(url, query).status_code in {302, 403}
    client.force_login(staff_user)
    response = client.get(url, query)
    assert [item["text"] for item in response.json()["results"]] == ["партнерство"]


def test_editor_gets_a_form_error_for_a_new_topic_over_100_characters(client, staff_user):
    article = ArticleFactory()
    client.force_login(staff_user)
    url, data = change_form_data(client, article, new_tags=f"енергетика, {'я' * 101}")
    response = client.post(url, data)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["new_tags"]
    assert list(Tag.objects.values_list("name", flat=True)) == []


def test_new_topic_differing_only_in_case_reuses_the_existing_one(client, staff_user):
    existing = Tag.objects.create(name="партнерство")
    article = ArticleFactory()
    client.force_login(staff_user)
    url, data = change_form_data(client, article, new_tags="Партнерство, Energy")
    assert client.post(url, data).status_code == 302
    other = ArticleFactory()
    url, data = change_form_data(client, other, new_tags="energy")
    assert client.post(url, data).status_code == 302
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Energy", "партнерство"]
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == ["Energy", "партнерство"]
    assert list(Article.objects.get(pk=other.pk).tags.all()) == [Tag.objects.get(name="Energy")]
    assert existing.pk in Article.objects.get(pk=article.pk).tags.values_list("pk", flat=True)


def png(size=(64, 48)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 87, 183)).save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_image_needs_a_description_in_every_language_with_a_title(client, staff_user):
    article = ArticleFactory()
    client.force_login(staff_user)
    url, data = change_form_data(
        client, article, image=png(), image_alt_uk="Площа", image_alt_en=""
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["image_alt_en"]
    url, data = change_form_data(
        client, article, image=png(), image_alt_uk="Площа", image_alt_en="The square"
    )
    assert client.post(url, data).status_code == 302


def test_image_of_a_one_language_article_needs_a_description_in_that_language(client, staff_user):
    article = ArticleFactory(title_en="", lead_en="", body_en="")
    client.force_login(staff_user)
    url, data = change_form_data(client, article, image=png(), image_alt_uk="", image_alt_en="x")
    response = client.post(url, data)
    assert list(response.context["adminform"].form.errors) == ["image_alt_uk"]
    url, data = change_form_data(client, article, image=png(), image_alt_uk="Площа")
    assert client.post(url, data).status_code == 302


def test_publish_now_dates_drafts_and_scheduled_articles_now_and_leaves_live_ones(
    client, staff_user
):
    from datetime import timedelta

    from news.models import ArticleStatus

    long_ago = timezone.now() - timedelta(days=3)
    draft = ArticleFactory(status=ArticleStatus.DRAFT, published_at=long_ago)
    scheduled = ArticleFactory(published_at=timezone.now() + timedelta(days=2))
    live = ArticleFactory(published_at=long_ago)
    client.force_login(staff_user)
    before = timezone.now()
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk, scheduled.pk, live.pk]},
        follow=True,
    )
    after = timezone.now()
    for article in (draft, scheduled, live):
        article.refresh_from_db()
        assert article.status == ArticleStatus.PUBLISHED
    assert before <= draft.published_at <= after
    assert before <= scheduled.published_at <= after
    assert live.published_at == long_ago
    assert [str(m) for m in response.context["messages"]] == [
        "Опубліковано 2 статті, дата публікації — зараз."
    ]


def test_save_and_preview_saves_and_opens_the_article_page(client, staff_user):
    from news.models import ArticleStatus

    article = ArticleFactory(status=ArticleStatus.DRAFT)
    client.force_login(staff_user)
    url = reverse("admin:news_article_change", args=[article.pk])
    assert 'name="_preview"' in client.get(url).content.decode()
    url, data = change_form_data(client, article, status="draft", title_uk="Нова назва")
    response = client.post(url, {**data, "_preview": "1"})
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    article.refresh_from_db()
    assert (article.title_uk, article.status) == ("Нова назва", ArticleStatus.DRAFT)
    page = client.get(response.url)
    assert page.status_code == 200 and page.context["is_preview"] is True
    assert "Нова назва" in page.content.decode()
    assert [str(m) for m in page.context["messages"]] == [
        "Статтю збережено. Так її побачать читачі."
    ]


def test_save_and_preview_on_a_new_article(client, staff_user):
    client.force_login(staff_user)
    data = {
        "title_uk": "Чернетка", "lead_uk": "Коротко.", "body_uk": "<p>Текст.</p>",
        "slug": "new-draft", "status": "draft",
        "published_at_0": timezone.localdate().isoformat(), "published_at_1": "10:00:00",
        "_preview": "1",
    }  # fmt: skip
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert response.url == reverse("news:article-detail", kwargs={"slug": "new-draft"})
    assert client.get(response.url).status_code == 200


def stored_files(settings) -> list[str]:
    folder = settings.MEDIA_ROOT / "news"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_replacing_or_deleting_the_image_removes_the_old_files_after_commit(
    client, staff_user, settings, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        url, data = change_form_data(
            client, article, image=png(), image_alt_uk="а", image_alt_en="a"
        )
        assert client.post(url, data).status_code == 302
    first = Article.objects.get(pk=article.pk).image.name.rsplit("/", 1)[-1]
    stem = first.removesuffix(".jpg")
    assert stored_files(settings) == [first, f"{stem}_w480.jpg", f"{stem}_w960.jpg"]
    with django_capture_on_commit_callbacks(execute=True):
        url, data = change_form_data(client, article, title_uk="Без зміни зображення")
        assert client.post(url, data).status_code == 302
    assert stored_files(settings)[0] == first
    with django_capture_on_commit_callbacks(execute=True):
        url, data = change_form_data(
            client, article, image=png(), image_alt_uk="б", image_alt_en="b"
        )
        assert client.post(url, data).status_code == 302
    second = Article.objects.get(pk=article.pk).image.name.rsplit("/", 1)[-1]
    assert second != first
    assert [name for name in stored_files(settings) if name.startswith(stem)] == []
    assert second in stored_files(settings)
    with django_capture_on_commit_callbacks(execute=True):
        url = reverse("admin:news_article_delete", args=[article.pk])
        response = client.post(url, {"post": "yes"})
        assert response.status_code == 302
    assert stored_files(settings) == []


# --- Comment moderation ----------------------------------------------------------------------


def test_comment_staff_hide_and_unhide_in_admin(client, staff_user):
    comment = CommentFactory()
    client.force_login(staff_user)
    changelist = reverse("admin:news_comment_changelist")
    client.post(changelist, {"action": "hide", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN and comment.reviewed_at is not None
    page = client.get(comment.article.get_absolute_url()).content.decode()
    assert comment.body not in page
    client.post(changelist, {"action": "unhide", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.VISIBLE


def test_comment_moderation_queue_lists_only_awaiting(client, staff_user):
    waiting = CommentFactory(status=CommentStatus.AWAITING_REVIEW)
    CommentFactory()
    client.force_login(staff_user)
    response = client.get(reverse("admin:news_comment_changelist"), {"moderation": "queue"})
    assert [c.pk for c in response.context["cl"].result_list] == [waiting.pk]


def test_article_list_shows_views_and_sorts_by_them(client, staff_user):
    unread, read, most_read = ArticleFactory.create_batch(3)
    ArticleViewCount.objects.create(article=read, views=7)
    ArticleViewCount.objects.create(article=most_read, views=1200)
    client.force_login(staff_user)
    url = reverse("admin:news_article_changelist")
    # "views" is the fourth column of list_display; o=-4 sorts by it, most viewed first.
    response = client.get(url, {"o": "-4"})
    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed == [most_read, read, unread]
    assert [article.view_count for article in listed] == [1200, 7, 0]
    assert "1200" in response.text or "1,200" in response.text


def test_article_change_form_shows_its_views(client, staff_user):
    article = ArticleFactory()
    ArticleViewCount.objects.create(article=article, views=321)
    client.force_login(staff_user)
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "321" in response.text
