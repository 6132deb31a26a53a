"""The memorandum as a PDF to print and sign (WeasyPrint, system DejaVu fonts)."""

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


def memorandum_pdf(memorandum: Memorandum, document=None) -> bytes:
    """`document` is the version to print (a historical row); the current text by default."""
    document = document if document is not None else memorandum
    is_current = document.version == memorandum.version
    language = document.language
    is_signed = is_current and memorandum.is_signed
    # The document is in Ukrainian and its second language whatever the reader's
    # language; its fixed words are written in both, from the clauses' labels.
    with translation.override("uk"):
        html = render_to_string(
            "partnerships/memorandum_pdf.html",
            {
                "memorandum": memorandum,
                "document": document,
                "language": language,
                "uk": clauses("uk"),
                "other": clauses(language),
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
                "parties": parties_of(memorandum, language, signed=is_signed),
            },
        )
    # The PDF is in the same two languages whatever the reader's language, so one
    # entry serves everyone.
    return cached_pdf(html, f"memorandum-pdf:{memorandum.pk}:v{document.version}")


def parties_of(memorandum: Memorandum, language: str, *, signed: bool) -> list[dict]:
    """Both parties in both languages, each with its signature once the text is signed."""
    signatures = memorandum.signatures_by_side() if signed else {}
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
        for index, (party, side) in enumerate(
            [(memorandum.party_a, "a"), (memorandum.party_b, "b")]
        )
    ]
