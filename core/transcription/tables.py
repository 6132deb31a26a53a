"""The transcription's tables: data files in core/data, read once and compiled on first use.

A language's rules are (pattern, replacement) pairs applied in order. In a pattern {V} is
a vowel of either script, {v} the same letters for use inside a bracket, {C} a consonant.
An entry "@name" in a language's list stands for the shared list of that name (Czech and
Slovak, Estonian and Finnish share most of theirs); "@polish soft pairs" is built from
the Polish soft consonants and iotated vowels.
"""

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

APOSTROPHE = "’"
CYRILLIC_VOWELS = "аеєиіїоуюя"
DATA = Path(__file__).resolve().parent.parent / "data"

type Rules = list[tuple[re.Pattern[str], str]]


def _read(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text("utf-8"))


@cache
def transcription() -> dict[str, Any]:
    """core/data/transcription.json: countries, common letters, rules, word lists."""
    return _read("transcription.json")


@cache
def transliteration() -> dict[str, Any]:
    """core/data/transliteration.json: the national transliteration and the key letters."""
    return _read("transliteration.json")


def vowels(language: str) -> str:
    return _language(language)["vowels"]


@cache
def rules(language: str) -> Rules:
    """The compiled rules of `language`; an unknown language gets the generic reading."""
    vowel_class = re.escape(vowels(language) + CYRILLIC_VOWELS)
    consonant = rf"(?:(?![{vowel_class}])[^\W\d_])"
    return [
        (re.compile(pattern.format(V=f"[{vowel_class}]", v=vowel_class, C=consonant)), repl)
        for pattern, repl in _pairs(_language(language)["rules"])
    ]


def apply(word: str, rules: Rules) -> str:
    for pattern, replacement in rules:
        word = pattern.sub(replacement, word)
    return word


def _language(language: str) -> dict[str, Any]:
    languages = transcription()["languages"]
    return languages.get(language, languages[""])


def _pairs(entries: list[Any]) -> Iterator[tuple[str, str]]:
    shared = transcription()["shared rules"]
    for entry in entries:
        if entry == "@polish soft pairs":
            yield from _polish_soft_pairs()
        elif isinstance(entry, str):
            yield from _pairs(shared[entry.removeprefix("@")])
        else:
            pattern, replacement = entry
            yield pattern, replacement


def _polish_soft_pairs() -> Iterator[tuple[str, str]]:
    polish = transcription()["polish"]
    for latin, cyrillic in polish["soft"].items():
        for vowel, iotated in polish["iotated"].items():
            # cia ця, cie це, cio цьо, ciu цю (the i only softens)
            yield f"{latin}i{vowel}", cyrillic + iotated
        yield f"{latin}i", cyrillic + "і"
