"""The memorandum as a PDF to print and sign, and the two-language layout it shares with
the yearly plans and reports (WeasyPrint, system DejaVu fonts)."""

import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.pdf import cached_pdf
from partnerships.choices import MemorandumStatus

from .models import Memorandum, sections_of
from .text import clauses, party_name, party_place

# An e-mail address or a web address: a run of non-spaces with "@", "://" or "www.".
_ADDRESS = re.compile(r"\S*(?:@|://|www\.)\S*")


def marked_addresses(text: str) -> SafeString:
    """The escaped text with every address in <span class="address">, which is never
    hyphenated: a hyphen added at a line break would change the address."""
    return mark_safe(
        _ADDRESS.sub(lambda match: f'<span class="address">{match[0]}</span>', escape(text))
    )


def bilingual_pdf(
    template: str,
    context: dict,
    *,
    language: str,
    parties: tuple,
    signatures: dict | None = None,
    cache_key: str,
) -> bytes:
    """A document in Ukrainian and `language` side by side, whatever the reader's
    language: `template` extends partnerships/bilingual_pdf.html, whose fixed words are
    written in both, from the clauses' labels. `context` gives the titles (`title_uk`,
    `title_other`), `version`, `is_draft` and `is_signed`; `parties` are the two
    municipalities, named in both languages. The same two languages for every reader,
    so one cached entry serves everyone."""
    with translation.override("uk"):
        html = render_to_string(
            template,
            {
                **context,
                "language": language,
                "uk": clauses("uk"),
                "other": clauses(language),
                "parties": parties_in_both(parties, language, signatures or {}),
            },
        )
    return cached_pdf(html, cache_key)


def memorandum_pdf(memorandum: Memorandum, document=None) -> bytes:
    """`document` is the version to print (a historical row); the current text by default."""
    document = document if document is not None else memorandum
    is_current = document.version == memorandum.version
    language = document.language
    is_signed = is_current and memorandum.is_signed
    return bilingual_pdf(
        "partnerships/memorandum_pdf.html",
        {
            "memorandum": memorandum,
            "document": document,
            "title_uk": document.title_uk,
            "title_other": document.title_other,
            "version": document.version,
            "sections": [
                {
                    **section,
                    "html_uk": marked_addresses(section["text_uk"]),
                    "html_other": marked_addresses(section["text_other"]),
                }
                for section in sections_of(document)
            ],
            "is_current": is_current,
            # Only the current version both sides agreed to (or signed) is the
            # memorandum; any other print is a draft, older versions included.
            "is_draft": not is_current or memorandum.status == MemorandumStatus.DRAFT,
            # The signed text is the final one: it carries no version number.
            "is_signed": is_signed,
        },
        language=language,
        parties=(memorandum.party_a, memorandum.party_b),
        signatures=memorandum.signatures_by_side() if is_signed else None,
        cache_key=f"memorandum-pdf:{memorandum.pk}:v{document.version}",
    )


def parties_in_both(parties: tuple, language: str, signatures: dict) -> list[dict]:
    """Both parties in both languages, each with its signature (by side "a", "b") if any."""
    uk, other = clauses("uk"), clauses(language)
    return [
        {
            "label_uk": uk.party_labels[index],
            "label_other": other.party_labels[index],
            "name_uk": party_name(party, "uk"),
            "name_other": party_name(party, language),
            "place_uk": party_place(party, "uk"),
            "place_other": party_place(party, language),
            "signature": signatures.get(side),
        }
        for index, (party, side) in enumerate(zip(parties, ("a", "b"), strict=True))
    ]
