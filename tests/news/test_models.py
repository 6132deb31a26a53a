import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation
from PIL import Image

from news.images import clean_uploaded_image
from news.models import Article
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
    article = ArticleFactory()
    stale = Article.objects.get(pk=article.pk)
    Article.objects.filter(pk=article.pk).update(view_count=41)
    stale.title_uk = "Нова назва"
    stale.save()
    article.refresh_from_db()
    assert (article.view_count, article.title_uk) == (41, "Нова назва")


def _image_bytes(fmt="PNG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 10, 10)).save(buffer, fmt)
    return buffer.getvalue()


def test_uploaded_image_is_reencoded_under_a_generated_name():
    upload = SimpleUploadedFile("../../etc/passwd.png", _image_bytes("PNG"))
    cleaned = clean_uploaded_image(upload)
    assert cleaned.name.endswith(".jpg") and "passwd" not in cleaned.name
    with Image.open(io.BytesIO(cleaned.read())) as image:
        assert (image.format, image.size) == ("JPEG", (40, 30))


@pytest.mark.parametrize("content", [b"GIF89a not really", b"<?php echo 1; ?>", b"%PDF-1.4", b""])
def test_uploaded_non_image_is_refused(content):
    with pytest.raises(ValidationError):
        clean_uploaded_image(SimpleUploadedFile("photo.jpg", content))


def test_uploaded_gif_is_refused_even_if_it_is_an_image():
    with pytest.raises(ValidationError):
        clean_uploaded_image(SimpleUploadedFile("a.png", _image_bytes("GIF")))


def test_uploaded_image_over_5_mb_is_refused():
    upload = SimpleUploadedFile("big.png", _image_bytes("PNG"))
    upload.size = 5 * 1024 * 1024 + 1
    with pytest.raises(ValidationError):
        clean_uploaded_image(upload)


def test_uploaded_photo_is_stored_at_most_1600_wide():
    cleaned = clean_uploaded_image(
        SimpleUploadedFile("wide.jpg", _image_bytes("JPEG", (4000, 1000)))
    )
    with Image.open(io.BytesIO(cleaned.read())) as image:
        assert image.size == (1600, 400)


def test_uploaded_image_with_too_many_pixels_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_uploaded_image(SimpleUploadedFile("huge.png", _image_bytes("PNG", (8001, 10))))
    assert refused.value.code == "too_many_pixels"
