"""Checking and cleaning uploaded images, shared by every upload field.

The browser's file name and content type are not trusted: Pillow identifies
the format from the content, the file is verified, reopened and decoded,
then its pixels are copied into a new image and re-encoded, so metadata (EXIF,
GPS, comments, colour profiles) and anything appended to the image are dropped. The result gets a neutral name; models give it a
generated one through their upload_to.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
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


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_OBJECT = re.compile(rb"\s*\d+\s+\d+\s+obj\b")


def pdf_looks_valid(upload) -> bool:
    """Judged by content, not by name or browser-sent type.

    A PDF starts with `%PDF-`, ends with `startxref <offset> %%EOF`, and at
    that offset holds a cross-reference table (`xref`) or stream (`n 0 obj`).
    """
    size = upload.size
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(0, size - 2048))
    tail = upload.read()
    try:
        if not head.startswith(b"%PDF-"):
            return False
        matches = list(_STARTXREF.finditer(tail))
        if not matches:
            return False
        offset = int(matches[-1].group(1))
        if not 0 < offset < size:
            return False
        upload.seek(offset)
        at_offset = upload.read(64)
        return at_offset.lstrip().startswith(b"xref") or bool(_OBJECT.match(at_offset))
    finally:
        upload.seek(0)


MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# Office documents are ZIP packages: their parts, unpacked, stay within this.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# What a ZIP package must hold to be this kind of office document.
OFFICE_FORMATS = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": ("mimetype", "application/vnd.oasis.opendocument.text"),
    "ods": ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ("mimetype", "application/vnd.oasis.opendocument.presentation"),
}
DOCUMENT_HINT = _(
    "A PDF, a JPEG, PNG or WebP image, or an office document (DOCX, XLSX, PPTX, ODT, ODS, ODP)."
)


def clean_document(upload, *, max_bytes: int = MAX_DOCUMENT_BYTES) -> SimpleUploadedFile:
    """Return a checked copy of an uploaded PDF, image or office document with a neutral
    name and a content type found from its content, or raise ValidationError.

    Images are re-encoded (clean_image). A PDF must be well-formed at its ends
    (pdf_looks_valid). An office document must be a ZIP package holding the parts of
    its kind, without macros, and not unpacking to more than MAX_UNPACKED_BYTES.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        if not pdf_looks_valid(upload):
            raise ValidationError(_("This file is not a readable PDF."), code="invalid")
        return SimpleUploadedFile(
            "document.pdf", b"".join(upload.chunks()), content_type="application/pdf"
        )
    if head.startswith(b"PK"):
        extension, content_type = _office_format(upload)
        return SimpleUploadedFile(
            f"document.{extension}", b"".join(upload.chunks()), content_type=content_type
        )
    try:
        return clean_image(upload, max_bytes=max_bytes)
    except ValidationError as error:
        if error.code in {"too_large", "too_many_pixels"}:
            raise
        raise ValidationError(DOCUMENT_HINT, code="format") from error


def _office_format(upload) -> tuple[str, str]:
    refused = ValidationError(DOCUMENT_HINT, code="format")
    try:
        with zipfile.ZipFile(upload) as package:
            entries = package.infolist()
            names = {entry.filename for entry in entries}
            if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
                raise ValidationError(
                    _("This document unpacks to too much data."), code="too_large"
                )
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise ValidationError(_("Documents with macros are not accepted."), code="macros")
            mimetype = (
                package.read("mimetype").decode("ascii", "replace").strip()
                if "mimetype" in names
                else ""
            )
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise refused from error
    finally:
        upload.seek(0)
    for extension, (part, content_type) in OFFICE_FORMATS.items():
        if part == "mimetype" and mimetype == content_type:
            return extension, content_type
        if part != "mimetype" and part in names and "[Content_Types].xml" in names:
            return extension, content_type
    raise refused
