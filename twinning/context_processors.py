from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from partnerships.permissions import approved_official


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


def portal(request):
    return {
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        # The approved Official of the user, or None. Templates call it lazily:
        # no query on pages that never ask, at most one per request (cached on the user).
        # A request refused before the auth middleware (bad Host: a 400 page) has no user.
        "user_official": partial(approved_official, getattr(request, "user", None)),
        # A view rendering a page at another address (a form's POST URL) passes its own.
        "language_links": language_links(request.get_full_path()),
    }
