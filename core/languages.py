"""Links to the page being read in every offered language."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info


@dataclass(frozen=True)
class LanguageLink:
    code: str
    label: str
    name: str
    url: str
    is_current: bool


LABELS = {"uk": "УКР", "en": "ENG"}


def language_links(path: str) -> list[LanguageLink]:
    """The language switcher: the page at `path` (with its query) in every language."""
    current = get_language()
    return [
        LanguageLink(
            code=code,
            label=LABELS.get(code, code.upper()),
            name=get_language_info(code)["name_local"],
            url=translate_url(path, code),
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]
