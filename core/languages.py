"""Links to the page being read in every offered language."""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.translation import get_language, get_language_info, override

# What a reader whose language the portal does not offer reads, and the language
# content falls back to when it is not written in the reader's language.
FOREIGN_DEFAULT = "en"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    label: str
    name: str
    url: str
    is_current: bool


# The switcher's short labels, each in its own language; others show their code.
LABELS = {"uk": "УКР", "en": "ENG", "pl": "POL", "de": "DEU", "fr": "FRA"}


def language_links(path: str) -> list[LanguageLink]:
    """The language switcher: the page at `path` (with its query) in every language."""
    current = get_language()
    urls = translated_urls(path, [code for code, _name in settings.LANGUAGES])
    return [
        LanguageLink(
            code=code,
            label=LABELS.get(code, code.upper()),
            name=get_language_info(code)["name_local"],
            url=urls[code],
            is_current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]


def translated_urls(url: str, codes: list[str]) -> dict[str, str]:
    """What django.urls.translate_url gives for each language, with the address resolved
    once rather than once a language (a resolve walks the whole URLconf)."""
    parts = urlsplit(url)
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return dict.fromkeys(codes, url)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    urls = {}
    for code in codes:
        with override(code):
            try:
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                urls[code] = url
            else:
                urls[code] = urlunsplit(
                    (parts.scheme, parts.netloc, path, parts.query, parts.fragment)
                )
    return urls


def content_order(reader: str | None) -> list[str]:
    """Content languages in the order a reader of `reader` is served them: their own if
    content is written in it, then English, then the rest (Ukrainian for a Polish reader
    of a text written only in Ukrainian)."""
    written = list(settings.MODELTRANSLATION_LANGUAGES)
    first = [reader] if reader in written else []
    rest = [FOREIGN_DEFAULT, *written]
    return list(dict.fromkeys([*first, *rest]))


def content_language() -> str:
    """The content language for the active interface language: itself where content is
    written in it, else English (a Polish reader sees "Iziumska urban hromada", not
    "Ізюмська міська громада")."""
    return content_order((get_language() or settings.LANGUAGE_CODE)[:2])[0]
