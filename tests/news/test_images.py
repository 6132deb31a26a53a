"""Article images: checked by their content, re-encoded, at most 1,600 pixels wide."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from news.images import clean_uploaded_image


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
