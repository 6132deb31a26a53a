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
LATIN_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# A language's own alphabet where its letters with diacritics are letters of their own
# (Polish "Ł" after "L", "Ż" last). Elsewhere they fold into their base letter: German
# "Ö" sorts with "O", French "É" with "E" (the dictionaries' order). A language missing
# here sorts by the plain Latin alphabet with folded accents.
ALPHABETS = {
    "uk": UKRAINIAN_ALPHABET,
    "pl": "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż",
}


def _order(language: str) -> tuple[dict[str, str], dict[str, str]]:
    """(letters kept whole, each as a placeholder; each letter's place in the order).

    Private-use code points keep the alphabet's order: the language's own script first
    (Ukrainian, then Latin, for Ukrainian; the Latin alphabet, then Ukrainian, for the
    others). Plain code-point order would put Є, І, Ї, Ґ, Ł or Ż outside their places.
    """
    own = ALPHABETS.get(language, LATIN_ALPHABET)
    if own is UKRAINIAN_ALPHABET:
        # Ukrainian letters survive the accent folding by themselves (see above).
        letters, kept = own + LATIN_ALPHABET, {}
    else:
        letters = own + UKRAINIAN_ALPHABET
        kept = {ch: chr(0xF000 + i) for i, ch in enumerate(own) if ch not in LATIN_ALPHABET}
    places = {ch: chr(0xE000 + i) for i, ch in enumerate(letters)}
    places |= {kept[ch]: places[ch] for ch in kept}
    return kept, places


_ORDERS: dict[str, tuple[dict[str, str], dict[str, str]]] = {}


def sort_key(text: str, language: str = "uk") -> str:
    """A key that sorts names alphabetically in `language` on every database, without
    ICU collations."""
    if language not in _ORDERS:
        _ORDERS[language] = _order(language)
    kept, places = _ORDERS[language]
    # Letters of the alphabet with diacritics are shielded from the accent folding.
    text = unicodedata.normalize("NFC", text).casefold()
    if kept:
        text = "".join(kept.get(char, char) for char in text)
    return "".join(places.get(char, char) for char in normalise_for_search(text))[:200]
