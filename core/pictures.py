"""Generated pictures for demo content (news articles, activities' photos): calm
geometric compositions with no lettering, one per seed text, the same on every run."""

import hashlib
import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

PALETTES = [
    ((0, 87, 183), (255, 215, 0), (232, 240, 250)),
    ((0, 62, 130), (255, 246, 194), (120, 170, 220)),
    ((0, 112, 60), (227, 241, 232), (255, 215, 0)),
    ((138, 75, 0), (253, 240, 221), (0, 87, 183)),
    ((80, 90, 95), (236, 238, 239), (255, 215, 0)),
    ((179, 38, 30), (251, 233, 232), (0, 62, 130)),
]


def picture(slug: str) -> ContentFile:
    """A calm geometric composition, different for every slug, with no lettering: one
    picture serves both languages, and its words would be in only one of them."""
    seed = int(hashlib.sha256(slug.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    dark, light, accent = PALETTES[seed % len(PALETTES)]
    width, height = 1200, 675
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(4, 7)):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(60, 260)
        shape = rng.choice(["circle", "square", "stripe"])
        colour = rng.choice([dark, accent])
        if shape == "circle":
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif shape == "square":
            draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=colour)
        else:
            draw.polygon(
                [(x, 0), (x + r, 0), (x + r // 2 - 200, height), (x - 200, height)], fill=colour
            )
    # A thin flag-yellow rule along the bottom ties the set together.
    draw.rectangle((0, height - 12, width, height), fill=(255, 215, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(
        buffer.getvalue(), name=f"demo-{hashlib.sha256(slug.encode()).hexdigest()[:16]}.jpg"
    )
