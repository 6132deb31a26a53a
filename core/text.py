"""Text normalisation shared by the registry's search and its importer."""

import unicodedata

# Apostrophes in Ukrainian names come in several code points (’ ʼ ' `); a
# reader types whichever their keyboard gives.
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})
# Latin letters that do not decompose into a base letter and an accent.
_LATIN = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ı": "i", "þ": "th", "ħ": "h"}
)


def normalise_for_search(text: str) -> str:
    """Case-folded, accent-stripped text, so that 'Chennevieres' finds 'Chennevières'.

    SQLite's LIKE folds case for ASCII only, so matching is done on this
    pre-normalised column on every database.
    """
    text = unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES).translate(_LATIN))
    # Drop combining accents, but keep Ukrainian letters whole (й, ї decompose too).
    kept: list[str] = []
    for char in text:
        if unicodedata.combining(char) and kept and "a" <= kept[-1] <= "z":
            continue
        kept.append(char)
    return " ".join(unicodedata.normalize("NFKC", "".join(kept)).split())


UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Private-use code points keep the alphabet's order: Ukrainian first, then Latin.
# Plain code-point order would put Є, І, Ї and Ґ outside their places.
_SORT_ORDER = {letter: chr(0xE000 + i) for i, letter in enumerate(UKRAINIAN_ALPHABET)} | {
    letter: chr(0xE100 + i) for i, letter in enumerate("abcdefghijklmnopqrstuvwxyz")
}


def sort_key(text: str) -> str:
    """A key that sorts names alphabetically on every database, without ICU collations."""
    return "".join(_SORT_ORDER.get(char, char) for char in normalise_for_search(text))[:200]
