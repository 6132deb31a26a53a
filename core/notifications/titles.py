"""A notification's title in whoever reads it's language.

`notify()` is given a translatable title with %(name)s placeholders and its
parameters. It keeps the title as written in the code (its msgid: `source_of`) and
each parameter as text in every interface language (`params_in_every_language`: a
municipality's name differs between them), so that the bell's page and the digest
render it in the reader's language (`render`) with no query. Numbers stay numbers.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils import translation

# The language the titles are written in, in the code (their msgids).
SOURCE_LANGUAGE = "en"


def source_of(title: Any) -> str:
    """The title untranslated: a lazy text's msgid, or the text itself."""
    with translation.override(None):
        return str(title)


def params_in_every_language(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """Each parameter as {language: text}, turned into text under each language once."""
    stored: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            stored[key] = value
            continue
        texts = {}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                texts[code] = str(value)
        stored[key] = texts
    return stored


def render(source: str, params: Mapping[str, Any] | None, language: str) -> str | None:
    """The title in `language`, or None when it cannot be made (a row from before the
    parameters were kept, or a title whose placeholders have changed since)."""
    if params is None or not source:
        return None
    with translation.override(language):
        text = translation.gettext(source)
    if text == source and language != SOURCE_LANGUAGE:
        # Not in the catalogue (a title reworded since): the stored title, in the
        # language it was written in, rather than the code's English.
        return None
    if not params:
        return text  # no placeholders: a "%" in it is a percent sign
    try:
        return text % {key: _in(value, language) for key, value in params.items()}
    except (KeyError, ValueError, TypeError):
        return None


def _in(value: Any, language: str) -> Any:
    if not isinstance(value, dict):
        return value
    found = value.get(language) or value.get(settings.LANGUAGE_CODE)
    return found if found is not None else next(iter(value.values()), "")
