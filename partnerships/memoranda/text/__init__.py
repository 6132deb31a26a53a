"""The clauses of a Memorandum on Twinning, in Ukrainian and a second language.

They follow the usual structure of municipal twinning agreements (parties,
purpose, areas and forms of cooperation, obligations, coordinators, duration,
amendment and termination, final provisions) and are filled in from the two
profiles and the accepted request. They are a starting point: both sides then
edit every section on the portal.

Each language's texts are in a module of their own (uk, en, pl, de, fr);
`languages` holds the rule choosing the second language. Headings are fixed;
only the section texts are edited.
"""

from dataclasses import dataclass

from .clauses import Clauses
from .draft import Coordinator, initial_text, party_name, party_place, short_name
from .languages import clauses, second_language

__all__ = [
    "SECTIONS",
    "SECTIONS_BY_KEY",
    "SECTION_KEYS",
    "Clauses",
    "Coordinator",
    "Section",
    "clauses",
    "heading",
    "initial_text",
    "numbering",
    "party_name",
    "party_place",
    "second_language",
    "short_name",
]


@dataclass(frozen=True)
class Section:
    key: str
    number: int  # its place among all sections; see numbering() for the printed number
    # A core section always has text in both languages. An optional clause may be
    # emptied in both at once: it is then left out, and the sections after it
    # move up one number. The core sections come first up to section 4, so the
    # obligations' own "5.1"-"5.3" stay right whatever is left out.
    required: bool = False

    @property
    def heading_uk(self) -> str:
        return heading(self.key, "uk")


SECTIONS: tuple[Section, ...] = (
    Section("parties", 1, required=True),
    Section("purpose", 2, required=True),
    Section("areas", 3, required=True),
    Section("forms", 4, required=True),
    Section("obligations", 5),
    Section("coordination", 6),
    Section("duration", 7),
    Section("amendment", 8),
    Section("final", 9, required=True),
)
SECTION_KEYS: tuple[str, ...] = tuple(section.key for section in SECTIONS)
SECTIONS_BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}


def heading(key: str, language: str) -> str:
    """A section's fixed heading in one of the memorandum languages."""
    return clauses(language).headings[key]


def numbering(document) -> dict[str, int | None]:
    """Section key → its number in this memorandum or version; None if left out."""
    numbers, number = {}, 0
    for section in SECTIONS:
        present = (
            section.required
            or getattr(document, f"{section.key}_uk")
            or getattr(document, f"{section.key}_other")
        )
        if present:
            number += 1
        numbers[section.key] = number if present else None
    return numbers
