"""Checking and cleaning uploaded images, shared by every upload field.

The browser's file name and content type are not trusted: Pillow identifies
the format from the content, the file is verified, reopened and decoded,
then its pixels are copied into a new image and re-encoded, so metadata (EXIF,
GPS, comments, colour profiles) and anything appended to the image are dropped. The result gets a neutral name; models give it a
generated one through their upload_to.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from PIL import Image

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 4096
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}


def clean_image(upload, *, max_bytes: int = MAX_BYTES, max_side: int = MAX_SIDE):
    """Return a re-encoded copy of an uploaded JPEG, PNG or WebP, or raise ValidationError."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    # Imported here: Pillow costs every worker memory, and only uploads need it.
    from PIL import Image, ImageOps, UnidentifiedImageError

    data = b"".join(upload.chunks())
    try:
        # Image.open reads the header only: the size is checked before any decoding,
        # and Pillow's own decompression-bomb guard is turned into a refusal.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in FORMATS:
                    raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="format")
                if width > max_side or height > max_side or width * height > max_side**2:
                    raise _too_big(width, height, max_side)
                probe.verify()
            # verify() leaves the image unusable: reopen and really decode it.
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                output = io.BytesIO()
                _save(image, image_format, output)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_big(0, 0, max_side) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a readable JPEG, PNG or WebP image."), code="invalid"
        ) from error
    extension, content_type = FORMATS[image_format]
    return SimpleUploadedFile(f"image.{extension}", output.getvalue(), content_type=content_type)


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image holding the pixels and nothing else.

    Pillow's encoders fall back on image.info (a JPEG comment, an ICC profile) when
    save() is not given them, and convert() copies info along; a fresh image has an
    empty info. A palette image becomes RGB(A) so its palette and transparency,
    which live beside the pixels, are kept as colours.
    """
    from PIL import Image

    if image.mode in {"P", "PA"}:
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    fresh = Image.new(image.mode, image.size)
    fresh.paste(image)
    return fresh


def _save(image: Image.Image, image_format: str, output: io.BytesIO) -> None:
    # No exif=, icc_profile= or pnginfo= arguments, and a fresh image: pixels only.
    image = _pixels_only(image)
    if image_format == "JPEG":
        image.convert("RGB").save(output, "JPEG", quality=88, optimize=True)
    elif image_format == "PNG":
        if image.mode not in {"1", "L", "LA", "P", "RGB", "RGBA"}:
            image = image.convert("RGBA")
        image.save(output, "PNG", optimize=True)
    else:
        if image.mode not in {"RGB", "RGBA"}:
            image = image.convert("RGBA")
        image.save(output, "WEBP", quality=88)


def _too_big(width: int, height: int, max_side: int) -> ValidationError:
    return ValidationError(
        _("The image is too large in pixels; the limit is %(side)s × %(side)s."),
        code="too_many_pixels",
        params={"side": max_side},
    )
