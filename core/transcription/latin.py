"""Ukrainian in Latin letters (the national transliteration) and the phonetic search key."""

import re
import unicodedata
from functools import cache

from core.transcription.tables import transliteration

_APOSTROPHES = "'’ʼ`‘ʹ"


@cache
def _national() -> dict[str, tuple[str, str]]:
    """Cabinet of Ministers resolution No. 55 (2010): the Latin letters of each Cyrillic
    one at the start of a word, and elsewhere."""
    return {
        char: (start, inside) for char, (start, inside) in transliteration()["national"].items()
    }


@cache
def _key_letters() -> tuple[re.Pattern[str], dict[str, str], dict[int, str]]:
    """Key letters, one per sound (longest spellings first in the data), and the accented
    Latin letters that are one sound of their own."""
    spellings = transliteration()["key spellings"]
    pattern = re.compile("|".join(re.escape(spelling) for spelling, _ in spellings))
    return pattern, dict(spellings), str.maketrans(transliteration()["key latin"])


def to_latin(text: str) -> str:
    """Ukrainian Cyrillic in Latin letters by the national transliteration of 2010."""
    national = _national()
    out = []
    previous = ""
    for char in text:
        lower = char.lower()
        if lower in national:
            start = not previous or not (previous.isalpha() or previous in _APOSTROPHES)
            latin = national[lower][0 if start else 1]
            if lower == "г" and previous.lower() == "з":
                latin = "gh"  # зг is zgh, so that it differs from ж
            if char.isupper():
                latin = latin.capitalize()
            out.append(latin)
        elif char in _APOSTROPHES and previous.lower() in national:
            pass  # the apostrophe is not written
        else:
            out.append(char)
        previous = char
    return "".join(out)


def _key_word(word: str, unfinished: bool = False) -> str:
    pattern, letters_of, _ = _key_letters()
    letters = "".join(letters_of[match] for match in pattern.findall(word))
    letters = re.sub(r"i(?=[aeiou])", "", letters)  # ia я, iu ю, ie є: the i only softens
    letters = re.sub(r"(.)\1+", r"\1", letters)
    if not unfinished:
        # A final e or i is one sound to the key: Кельце and Кельці, Катовіце and Катовиці.
        letters = re.sub(r"e$", "i", letters)
    return letters


def to_latin_key(text: str, *, unfinished: bool = False) -> str:
    """The phonetic key of a name or a query, in either script (see the package docstring).

    Returns "" for text with no letters; otherwise " word word ", each word of the key
    between single spaces. `unfinished`: the text may end in the middle of a word (a
    query typed so far), so its last e is not read as a final one.
    """
    text = unicodedata.normalize("NFC", text.casefold())
    text = "".join(char for char in text if char not in _APOSTROPHES)
    latin = to_latin(text).translate(_key_letters()[2])
    latin = "".join(
        char for char in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(char)
    )
    split = [word for word in re.split(r"[^a-z0-9]+", latin) if word]
    words = [
        _key_word(word, unfinished=unfinished and index == len(split) - 1)
        for index, word in enumerate(split)
    ]
    words = [word for word in words if word]
    return f" {' '.join(words)} " if words else ""
