"""Article images: the shared upload check, then one stored size and smaller renditions."""

from __future__ import annotations

import io
import uuid
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.storage import Storage

from core.uploads import clean_image

if TYPE_CHECKING:
    from PIL import Image

# Photos from a camera are larger than a coat of arms; the stored copy is resized anyway.
MAX_SIDE = 8000
STORED_MAX_WIDTH = 1600
RENDITION_WIDTHS = (480, 960)


def clean_uploaded_image(upload) -> ContentFile:
    """Check an upload by its content (core.uploads) and store it as a JPEG at most
    1,600 pixels wide, under a generated name. Raises ValidationError for the editor."""
    from PIL import Image  # here: only uploads need Pillow, and it costs every worker

    checked = clean_image(upload, max_side=MAX_SIDE)
    with Image.open(checked) as image:
        image.load()
        data = encode(image, max_width=STORED_MAX_WIDTH)
    return ContentFile(data, name=f"{uuid.uuid4().hex}.jpg")


def encode(image: Image.Image, *, max_width: int) -> bytes:
    """JPEG bytes, at most max_width wide, without metadata."""
    from PIL import Image

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
    from PIL import Image

    with storage.open(name) as handle, Image.open(handle) as image:
        image.load()
        for width in missing:
            storage.save(rendition_name(name, width), ContentFile(encode(image, max_width=width)))


def delete_image_files(storage: Storage, name: str) -> None:
    """Remove a stored image and its renditions (a file that is already gone is fine)."""
    for path in (name, *(rendition_name(name, w) for w in RENDITION_WIDTHS)):
        storage.delete(path)
