"""Latin-script place names in Ukrainian Cyrillic by the rules of their language."""

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

from core.transcription.tables import (
    APOSTROPHE,
    CYRILLIC_VOWELS,
    Rules,
    apply,
    rules,
    transcription,
    vowels,
)

# (word, position, words, spaced) -> Cyrillic
type WordFunction = Callable[[str, int, list[str], bool], str]

_ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
# Words are split at spaces, hyphens, dashes, brackets and apostrophes.
_SEPARATORS = re.compile(r"([\s\-–—()\[\],./'’ʼ`‘]+)")
_CS_ADJECTIVE = re.compile(r"(?:ý|á|é|í|ny|na|ne|ni|ia|ie|ná|né)$")
_COUNTY = re.compile(r"^(.+) County$")


@cache
def _qualifiers() -> list[tuple[re.Pattern[str], str]]:
    """Qualifiers of the English list names, said in Ukrainian."""
    return [(re.compile(pattern), template) for pattern, template in _table("qualifiers")]


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(transcription()[name])


def _table(name: str) -> Any:
    return transcription()[name]


def _letters(word: str) -> str:
    """Whatever Latin is left: accents dropped, then the common letters."""
    common = _table("common letters")
    out = []
    for char in word:
        if "a" <= char <= "z":
            out.append(common[char])
        elif unicodedata.combining(char):
            continue
        elif char.isascii() or not char.isalpha() or _is_cyrillic(char):
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char)[0].lower()
            out.append(common.get(base, ""))
    return "".join(out)


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _slavic_case(word: str, previous: str, language_rules: Rules) -> str | None:
    """After nad/pod the river is in the Ukrainian instrumental (над Сазавою, над Одрою);
    after na the locative (на Мораві)."""
    if previous in {"nad", "pod"}:
        for ending in ("ou", "ą"):
            if word.endswith(ending):
                return apply(word[: -len(ending)], language_rules) + "ою"
    if previous == "na" and word.endswith("ě"):
        return apply(word[:-1], language_rules) + "і"
    return None


def _polish_word(word: str, position: int, words: list[str], spaced: bool) -> str:
    """`spaced`: the word follows a space, so in a compound name it may be an adjective."""
    polish = rules("pl")
    cased = _slavic_case(word, words[position - 1] if position else "", polish)
    if cased is not None:
        return cased
    if spaced or word in _word_set("polish adjectives"):
        for ending, replacement in _table("adjective endings")["pl"]:
            if word.endswith(ending):
                stem = word[: -len(ending)]
                cyrillic = apply(stem, polish)
                if stem.endswith("ń"):
                    cyrillic = cyrillic.removesuffix("ь")  # Gdański is Гданський
                return cyrillic + replacement
        if re.search(r"[^aeiouy]y$", word) or word.endswith("ki"):
            return apply(word[:-1], polish) + "ий"
    return apply(word, polish)


def _french_words(words: list[str]) -> list[str]:
    short = _table("french words")
    out = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in {"saint", "sainte"}:
            # Liaison: Saint-Étienne is Сент-Етьєн, Saint-Maur is Сен-Мор.
            vowel_next = bool(following) and following[0] in vowels("fr") + "h"
            out.append("сент" if vowel_next or word == "sainte" else "сен")
        elif word in short:
            out.append(short[word])
        else:
            out.append(apply(word, rules("fr")))
    return out


def _west_slavic_word(word: str, position: int, words: list[str], language_rules: Rules) -> str:
    cased = _slavic_case(word, words[position - 1] if position else "", language_rules)
    if cased is not None:
        return cased
    if len(words) > 1:
        for ending, replacement in _table("adjective endings")["cs"]:
            if word.endswith(ending):
                return apply(word[: -len(ending)], language_rules) + replacement
        if word.endswith("ý"):
            return apply(word[:-1], language_rules) + "ий"
    return apply(word, language_rules)


def _finish(word: str) -> str:
    """Ukrainian spelling after any language: и after ж ч ш щ ц before a consonant (§129)."""
    word = _letters(word)
    word = re.sub(r"(?<=[жчшщц])і(?=[бвгґджзклмнпрстфхцчшщ])", "и", word)
    # A soft sign cannot follow a vowel or stand before one that is already soft.
    word = re.sub(rf"(?<=[{CYRILLIC_VOWELS}])ь", "", word)
    word = word.replace("ьі", "і").replace("ье", "є")
    return word


def _word_function(language: str) -> WordFunction:
    """(word, position, words, spaced) -> Cyrillic, for the rules of `language`."""
    if language == "pl":
        return _polish_word
    table = rules(language)
    if language in {"cs", "sk"}:
        return lambda word, position, words, spaced: _west_slavic_word(word, position, words, table)
    return lambda word, position, words, spaced: apply(word, table)


def _is_adjective(word: str, language: str) -> bool:
    if language == "pl":
        return word in _word_set("polish adjectives")
    if language in {"cs", "sk"}:
        return _CS_ADJECTIVE.search(word) is not None
    return False


def _is_number(piece: str) -> bool:
    return piece.isdigit() or _ROMAN_NUMERAL.match(piece) is not None


def language_for(country: str) -> str:
    """The source language whose rules transcribe names of this country."""
    return _table("countries").get((country or "").upper(), "")


def to_ukrainian(name: str, country: str) -> str:
    """A Latin-script place name of `country` (ISO 3166-1 alpha-2) in Ukrainian Cyrillic.

    The rules are those of the package docstring. Words already in Cyrillic, digits and
    Roman numerals are kept as they are; apostrophes become the Ukrainian one.
    """
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    if not name:
        return ""
    for pattern, template in _qualifiers():
        match = pattern.match(name)
        if match:
            return template.format(to_ukrainian(match.group(1), country))
    match = _COUNTY.match(name)
    if match:
        # A Polish powiat, a county elsewhere.
        word = "повіт" if (country or "").upper() == "PL" else "округ"
        return f"{word} {to_ukrainian(match.group(1), country)}"
    language = language_for(country)
    pieces = [piece for piece in _SEPARATORS.split(name) if piece]
    words = [piece.casefold() for piece in pieces if not _SEPARATORS.fullmatch(piece)]
    transcribe = _word_function(language)
    french = iter(_french_words(words)) if language == "fr" else None
    prepositions = _word_set("prepositions")
    out: list[str] = []
    position = 0
    for index, piece in enumerate(pieces):
        if _SEPARATORS.fullmatch(piece):
            out.append(re.sub(r"['’ʼ`‘]", APOSTROPHE, piece))
            continue
        spaced = index > 0 and pieces[index - 1] == " "
        if _is_number(piece) or _is_cyrillic(piece[0]):
            word = piece
            if french is not None:
                next(french)
        else:
            if french is not None:
                word = next(french)
            else:
                word = transcribe(piece.casefold(), position, words, spaced)
            word = _finish(word)
            if piece[0].isupper() and word:
                word = word[0].upper() + word[1:]
        if spaced and index >= 2:
            # Compound names take hyphens (Гожув-Великопольський, Сату-Маре), except after
            # a leading adjective (Новий Сонч, Чеська Липа) and around numbers.
            keep_space = (
                _is_number(piece)
                or _is_number(pieces[index - 2])
                or (
                    _is_adjective(words[position - 1], language)
                    and words[position - 1] not in prepositions
                    and words[position] not in prepositions
                )
            )
            out[-1] = " " if keep_space else "-"
        out.append(word)
        position += 1
    return "".join(out).replace(f"{APOSTROPHE}-", APOSTROPHE)
