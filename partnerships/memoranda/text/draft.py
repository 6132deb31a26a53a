"""A fresh memorandum's text, put together from the parties, the request and two
languages' clauses (Ukrainian and the second language)."""

from dataclasses import dataclass

from django.utils import translation

from partnerships.choices import CooperationForm

from .clauses import Clauses
from .languages import clauses, country_language, second_language


def _country(municipality, language: str) -> str:
    with translation.override(language):
        return str(municipality.country.name)


def _translated(obj, language: str) -> str:
    """A registry name in `language` if it has one, else in English, else as stored."""
    return getattr(obj, f"name_{language}", None) or getattr(obj, "name_en", None) or obj.name


def party_place(municipality, language: str) -> str:
    parts = [_country(municipality, language)]
    if municipality.region_id:
        parts.append(_translated(municipality.region, language))
    return ", ".join(parts)


def short_name(municipality, language: str) -> str:
    """The name alone, for a mention inside a clause (no native name in brackets).

    A municipality is named in its own language where that is the column's
    (Kraków in the Polish text), otherwise in English.
    """
    if language not in ("uk", "en") and country_language(municipality) == language:
        return municipality.name_native or _translated(municipality, language)
    return _translated(municipality, language)


def party_name(municipality, language: str) -> str:
    name = short_name(municipality, language)
    if language != "uk" and municipality.name_native and municipality.name_native != name:
        name = f"{name} ({municipality.name_native})"
    return name


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"— {line};" for line in lines[:-1]) + (f"\n— {lines[-1]}." if lines else "")


@dataclass(frozen=True)
class Coordinator:
    """Who coordinates for a party: an official's name and work contacts."""

    full_name: str
    position: str
    email: str
    phone: str


def _coordinator(coordinator: Coordinator | None, municipality, label: str, text: Clauses) -> str:
    """'Party 1 — Name: Full Name, position, e-mail, phone' in one language.

    A name is a name in both columns; without one the person is "to be
    designated" in each column's own language. Free text typed in one language
    (the request's contact person) is never copied into the other column.
    """
    parts = (
        [coordinator.position, coordinator.email, coordinator.phone]
        if coordinator is not None
        else [municipality.email]
    )
    details = ", ".join(part for part in parts if part)
    if coordinator is not None and coordinator.full_name:
        who = ", ".join(part for part in (coordinator.full_name, details) if part)
    else:
        who = "; ".join(part for part in (text.to_be_designated, details) if part)
    return f"{label} — {short_name(municipality, text.code)}: {who}"


def _obligations(party_a, party_b, text: Clauses) -> str:
    """5.1 and 5.2: what each party undertakes; 5.3: what both do."""
    clauses_ = []
    for label, party, (dative, accusative) in zip(
        text.party_labels, (party_a, party_b), text.other_party, strict=True
    ):
        duties = [
            duty.format(other_dative=dative, other_accusative=accusative) for duty in text.duties
        ]
        head = text.undertakes.format(label=label, name=short_name(party, text.code))
        clauses_.append(f"{head}\n{_bullets(duties)}")
    clauses_.append(f"{text.both_intro}\n{_bullets(list(text.both_duties))}")
    return "\n".join(f"5.{number}. {clause}" for number, clause in enumerate(clauses_, start=1))


def _area_name(area, text: Clauses) -> str:
    if text.code in ("uk", "en"):
        return getattr(area, f"name_{text.code}") or area.name
    return text.area_names.get(area.slug) or area.name_en or area.name


def _sections(text: Clauses, *, party_a, party_b, form, areas, coordinators, language) -> dict:
    title, relation = text.titles.get(form, text.titles[CooperationForm.TWINNING])
    places = {
        "a": party_name(party_a, text.code),
        "place_a": party_place(party_a, text.code),
        "b": party_name(party_b, text.code),
        "place_b": party_place(party_b, text.code),
    }
    first, second = text.party_labels
    coordinator_a, coordinator_b = coordinators
    language_name = clauses("uk").language_names.get(language, "")
    return {
        "title": title,
        "parties": text.parties.format(**places),
        "purpose": text.purpose.format(relation=relation),
        "areas": f"{text.areas_intro}\n"
        + _bullets([*(_area_name(area, text) for area in areas), text.areas_other]),
        "forms": f"{text.forms_intro}\n{_bullets(list(text.forms))}",
        "obligations": _obligations(party_a, party_b, text),
        "coordination": f"{text.coordination_intro}\n"
        + _bullets(
            [
                _coordinator(coordinator_a, party_a, first, text),
                _coordinator(coordinator_b, party_b, second, text),
            ]
        )
        + f"\n{text.coordination_change}",
        "duration": text.duration,
        "amendment": text.amendment,
        "final": text.final.format(language=language_name),
    }


def initial_text(
    *,
    party_a,
    party_b,
    form: str,
    areas: list,
    coordinator_a: Coordinator | None,
    coordinator_b: Coordinator | None,
) -> dict[str, str]:
    """Every field of a fresh memorandum: language, title_uk/other and <section>_uk/other."""
    language = second_language(party_a, party_b)
    common = {
        "party_a": party_a,
        "party_b": party_b,
        "form": form,
        "areas": areas,
        "coordinators": (coordinator_a, coordinator_b),
        "language": language,
    }
    ukrainian = _sections(clauses("uk"), **common)
    other = _sections(clauses(language), **common)
    return {
        "language": language,
        **{f"{key}_uk": value for key, value in ukrainian.items()},
        **{f"{key}_other": value for key, value in other.items()},
    }
