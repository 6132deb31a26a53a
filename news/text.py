"""HTML and plain-text handling for articles and comments.

Article bodies are rich text from the admin editor: they are cleaned with an
allowlist (nh3) before they reach the database. Comments are plain text: they
are escaped on output and only http(s) addresses become links.
"""

import re

from django.utils.html import escape, strip_tags

from core.text import normalise_for_search

# What an editor may use in an article body; everything else is dropped.
BODY_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "blockquote",
    "ul", "ol", "li", "a", "figure", "figcaption", "hr", "table", "thead", "tbody",
    "tr", "th", "td", "caption", "abbr", "sub", "sup", "code", "pre", "del",
}  # fmt: skip
BODY_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang"},
}
# No javascript:, data:, vbscript: or any other scheme.
BODY_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Tags whose content goes as well, not only the tag.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}


def sanitise_body(html: str) -> str:
    """Article body HTML reduced to the allowlist: no scripts, handlers or unsafe links."""
    import nh3  # here: only saving an article needs it, and it costs every worker memory

    return nh3.clean(
        html or "",
        tags=BODY_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=BODY_ATTRIBUTES,
        url_schemes=BODY_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def html_to_text(html: str) -> str:
    return " ".join(strip_tags(html or "").replace("&nbsp;", " ").split())


# An http(s) address up to whitespace or a character that cannot be in a bare URL.
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»”’"


def linkify_plain_text(text: str) -> str:
    """Escaped text with http(s) addresses as links (rel=nofollow ugc), line breaks kept."""
    parts, last = [], 0
    for match in _URL.finditer(text):
        url = match.group(0)
        stripped = url.rstrip(_TRAILING)
        end = match.start() + len(stripped)
        parts.append(escape(text[last : match.start()]))
        parts.append(
            f'<a href="{escape(stripped)}" rel="nofollow ugc noopener noreferrer">'
            f"{escape(stripped)}</a>"
        )
        last = end
    parts.append(escape(text[last:]))
    html = "".join(parts)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", html.replace("\r\n", "\n")) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)


def search_text(*pieces: str) -> str:
    """Normalised words of the given texts (HTML or plain), for search on any database.

    Case-folded and accent-stripped (normalise_for_search), and without apostrophes:
    PostgreSQL's parser splits "шеннев'єр" into two words, while readers type it with
    any of ' ’ ʼ ` ‘ or none. Queries go through the same function.
    """
    text = normalise_for_search(" ".join(html_to_text(piece) for piece in pieces if piece))
    return text.replace("'", "")  # normalise_for_search has made every apostrophe '


MAX_SEARCH_WORDS = 8
_CYRILLIC = re.compile(r"[а-яґєіїё]")


def search_terms(query: str) -> list[str]:
    """The words of a search query, normalised like the indexed text (at most 8)."""
    return [word for word in re.split(r"[\W_]+", search_text(query)) if word][:MAX_SEARCH_WORDS]


def ukrainian_stem(word: str) -> str:
    """A crude stem for prefix matching, as PostgreSQL has no Ukrainian dictionary:
    a Cyrillic word longer than 5 letters loses up to its last two letters (never
    going below 4), so "побратимства" finds "побратимство", "генераторів" "генератори"."""
    if len(word) > 5 and _CYRILLIC.search(word):
        return word[: max(4, len(word) - 2)]
    return word


def public_name(user) -> str:
    """How a reader is named on public pages: never their e-mail address.

    The first name when they gave one, otherwise the first letters of the address's
    local part ("olena.koval@…" → "ol…"): stable for the same person, and at most two
    characters and at most half of the local part, so the address cannot be rebuilt.
    """
    first_name = " ".join((user.first_name or "").split())
    if first_name and "@" not in first_name:
        return first_name
    local = (first_name or user.email or user.get_username() or "").split("@")[0]
    shown = max(1, min(2, len(local) // 2))
    return f"{local[:shown]}…" if local else "…"
