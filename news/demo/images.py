"""Generated pictures for the demo articles (core.pictures), and their alt text."""

from core.pictures import picture as image

__all__ = ["image", "image_alt"]


def image_alt(title: str, *, language: str) -> str:
    """What the picture is, in the article's language; empty where there is no title."""
    if not title:
        return ""
    prefix = {
        "uk": "Абстрактна ілюстрація до новини",
        "en": "Abstract illustration for the news",
    }[language]
    return f"{prefix}: {title}"[:250]
