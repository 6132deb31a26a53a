"""Article images: checked by content, re-encoded without metadata, resized renditions.

Kept small and self-contained so it can merge with the project's shared upload
validator later: `clean_uploaded_image()` is the whole contract.
"""

import io
import uuid
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 8000 × 5000; more is a decompression bomb, not a photo
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
STORED_MAX_WIDTH = 1600
RENDITION_WIDTHS = (480, 960)


def clean_uploaded_image(upload) -> ContentFile:
    """Validate an upload by its content and return it re-encoded under a generated name.

    Raises ValidationError with a message for the editor. Re-encoding drops EXIF
    (including GPS position) and anything appended to the file.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The image is larger than 5 MB."), code="too_large")
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG or WebP image."), code="bad_format")
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("The image has too many pixels (at most 40 megapixels)."),
                    code="too_many_pixels",
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            data = encode(image, max_width=STORED_MAX_WIDTH)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG or WebP image."),
            code="unreadable",
        ) from error
    return ContentFile(data, name=f"{uuid.uuid4().hex}.jpg")


def encode(image: Image.Image, *, max_width: int) -> bytes:
    """JPEG bytes, at most max_width wide, without metadata."""
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.split()[-1])
        image = background
    if image.width > max_width:
        image = image.resize(
            (max_width, round(image.height * max_width / image.width)), Image.Resampling.LANCZOS
        )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def rendition_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}_w{width}.jpg"))


def make_renditions(storage: Storage, name: str) -> None:
    """Write the smaller sizes next to the stored image, unless they exist."""
    missing = [w for w in RENDITION_WIDTHS if not storage.exists(rendition_name(name, w))]
    if not missing:
        return
    with storage.open(name) as handle, Image.open(handle) as image:
        image.load()
        for width in missing:
            storage.save(rendition_name(name, width), ContentFile(encode(image, max_width=width)))
