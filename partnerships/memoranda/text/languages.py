"""Which language a memorandum is written in beside Ukrainian, and its clauses.

The one rule: the language of the foreign party's country when the portal
offers it (Polish, German, French), English for every other country.
"""

from typing import TYPE_CHECKING

from partnerships.choices import MemorandumLanguage

from . import de, en, fr, pl, uk
from .clauses import Clauses

if TYPE_CHECKING:  # the models import this module
    from partnerships.models import CooperationArea

UKRAINE = "UA"

LANGUAGE_BY_COUNTRY: dict[str, str] = {
    "PL": MemorandumLanguage.POLISH,
    "DE": MemorandumLanguage.GERMAN,
    "AT": MemorandumLanguage.GERMAN,
    "LI": MemorandumLanguage.GERMAN,
    "FR": MemorandumLanguage.FRENCH,
    "BE": MemorandumLanguage.FRENCH,
    "LU": MemorandumLanguage.FRENCH,
    "MC": MemorandumLanguage.FRENCH,
}

CLAUSES: dict[str, Clauses] = {
    module.CLAUSES.code: module.CLAUSES for module in (uk, en, pl, de, fr)
}


def second_language(party_a, party_b) -> str:
    """The language beside Ukrainian for a memorandum between these two parties."""
    foreign = next(
        (str(party.country) for party in (party_a, party_b) if str(party.country) != UKRAINE),
        "",
    )
    return LANGUAGE_BY_COUNTRY.get(foreign, MemorandumLanguage.ENGLISH)


def country_language(municipality) -> str:
    """The language of a municipality's country, as the memorandum writes it."""
    if str(municipality.country) == UKRAINE:
        return "uk"
    return LANGUAGE_BY_COUNTRY.get(str(municipality.country), MemorandumLanguage.ENGLISH)


def clauses(language: str) -> Clauses:
    return CLAUSES[language]


def area_label(area: "CooperationArea", language: str) -> str:
    """An area of cooperation's name in a reader's language: its own (staff-edited) name
    in Ukrainian and English, the memorandum's wording in the others, English for an
    area the texts do not name (one staff added) and for a language they do not have."""
    language = language.split("-")[0]
    if language in ("uk", "en"):
        return area.name
    text = CLAUSES.get(language)
    return (text.area_names.get(area.slug) if text else None) or area.name_en or area.name
