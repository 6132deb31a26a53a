"""The shape of one language's clauses: every text a fresh memorandum is built from.

Each language module (uk, en, pl, de, fr) fills one `Clauses`; `draft` puts a
memorandum together from two of them. Placeholders in braces are filled in
from the parties and the request: {a}/{b} and {place_a}/{place_b} (the
parties and where they are), {relation} (the relationship the title names),
{label}/{name} (a party's label and name), {other_dative}/{other_accusative}
(the other party, as the language's grammar needs it) and {language} (the
second language's name, in the Ukrainian final clause only).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Clauses:
    code: str
    # Above the column in the PDF, e.g. "Po polsku".
    column: str
    headings: dict[str, str]
    # Form of cooperation → (title, the relationship it establishes).
    titles: dict[str, tuple[str, str]]
    party_labels: tuple[str, str]
    # For party 1's clause the other party is party 2 and the reverse: (dative, accusative).
    other_party: tuple[tuple[str, str], tuple[str, str]]
    to_be_designated: str
    parties: str
    purpose: str
    areas_intro: str
    areas_other: str
    # Area slug → its name; an area missing here is named in English.
    area_names: dict[str, str]
    forms_intro: str
    forms: tuple[str, ...]
    undertakes: str
    duties: tuple[str, ...]
    both_intro: str
    both_duties: tuple[str, ...]
    coordination_intro: str
    coordination_change: str
    duration: str
    amendment: str
    final: str
    # The PDF's fixed words: see pdf.LABEL_KEYS.
    labels: dict[str, str]
    # Second language code → its name as the final clause needs it (Ukrainian only).
    language_names: dict[str, str] = field(default_factory=dict)
