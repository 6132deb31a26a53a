"""Uploaded images are judged by their content and re-encoded; anything else is refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import clean_image


def image_bytes(fmt="PNG", size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 87, 183)).save(buffer, fmt)
    return buffer.getvalue()


def test_clean_image_keeps_the_format_and_drops_what_was_appended():
    content = image_bytes("PNG") + b"<?php system($_GET['c']); ?>"
    cleaned = clean_image(SimpleUploadedFile("../../arms.php.png", content, "text/x-php"))
    data = cleaned.read()
    assert (cleaned.name, cleaned.content_type) == ("image.png", "image/png")
    assert b"<?php" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("PNG", (64, 48))


@pytest.mark.parametrize(
    ("content", "limits", "code"),
    [
        (image_bytes("GIF"), {}, "format"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", {}, "invalid"),
        (image_bytes("PNG")[:60], {}, "invalid"),
        (image_bytes("PNG", size=(100, 10)), {"max_side": 99}, "too_many_pixels"),
        (image_bytes("PNG"), {"max_bytes": 100}, "too_large"),
    ],
    ids=["gif", "not-an-image", "truncated", "too-many-pixels", "too-large"],
)
def test_clean_image_refuses_what_is_not_an_acceptable_image(content, limits, code):
    with pytest.raises(ValidationError) as refused:
        clean_image(SimpleUploadedFile("arms.png", content, "image/png"), **limits)
    assert refused.value.code == code
