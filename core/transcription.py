"""Place names across scripts: Latin names in Ukrainian Cyrillic, and a search key.

``to_ukrainian(name, country)`` writes a Latin-script place name the way Ukrainian
practical transcription does: by the sounds of the source language, not letter for
letter. It follows the practice for foreign proper names of the Ukrainian orthography
of 2019 (§129-§134: и and і, е and є, the apostrophe, the soft sign, double
consonants; §43 and §145: the hyphen in compound place names) and the usual
correspondence tables for each language (Ukrainian Wikipedia's transcription
conventions). It is a rule, not a dictionary: a town with a traditional Ukrainian
name (Варшава, Відень, Ряшів, Прага) still needs that name from a list; the rule gives
the form for the thousands of towns without one, and staff correct what it misses.

Rules by source language (chosen by the country code, ``LANGUAGES``):

- Polish: sz ш, cz ч, szcz щ, rz ж (ш after p, t, k, ch), ch and h х and г, ó у,
  ł л, l soft (la ля, lo льо, lu лю; ль before a consonant and at the end),
  ą он/ом, ę ен/ем (ом, ем before b and p), ś ź ć ń сь зь ць нь (without the soft
  sign before a consonant), i before a vowel softens (bia бя, cie це, nio ньо,
  pio пйо), j + vowel я є йо ю, y и; the suffixes -ów -ув, -ica -иця, -ice -иці,
  -sk(o) -ськ(о), -ck(o) -цьк(о); adjectives in compound names -ski -ський, -ska
  -ська, -y -ий ("Gorzów Wielkopolski" Гожув-Велькопольський).
- German: sch ш, tsch ч, ch х, chs кс, z and tz ц, s before a vowel з, st and sp at
  the start шт and шп, ei and ai ай, eu and äu ой, ie і, ä е, ö е, ü ю, h after a
  vowel silent, v ф, w в, j + vowel я є йо ю, l ль before a consonant and at the end.
- French: silent final consonants and final e, ou у, oi уа, au and eau о, ai and ei
  е, nasal an/en ан, in/ain/ein ен, on он, un ен, gn нь, ch ш, j and g before e/i ж,
  c before e/i с, qu к, u ю, s between vowels з, ie ьє (’є after a labial), ier ьє,
  eil ей, Saint- Сен- (Сент- before a vowel).
- Hungarian: s ш, sz с, zs ж, cs ч, c ц, gy дь, ny нь, ty ть, ly й, j й, ö and ő е,
  ü and ű ю, long vowels as short ones, h г.
- Czech and Slovak: č ч, š ш, ž ж, ř рж, ch х, h г, ě є, ď ť ň ľ дь ть нь ль, y и,
  i і, j + vowel я є йо ю ї, ou оу, ô уо, ä е, Slovak ia ie iu ія ією; adjectives
  -ský -ський, -ská -ська, -ý -ий; "nad X-ou" над X-ою.
- Lithuanian: š ш, ž ж, č ч, ė е, ū ų у, y і, ie е, ia я, iu ю, j + vowel, l ль
  before a consonant. Latvian: the same letters, l hard, ļ ль, ņ нь, ķ ть, ģ дь,
  ie іє. Romanian: ă е, â î и, ș ш, ț ц, ce/ci че/чі, ge/gi дже/джі, che/chi ке/кі,
  ea я, ia я, final -i after a consonant ь, h х, j ж.
- Italian: ce/ci че/чі, ge/gi дже/джі, gn нь, gli ль, sc(e/i) ш, z ц, qu кв, h silent.
  Spanish: ll ль, ñ нь, j х, g before e/i х, qu к, z and c before e/i с, h silent.
  Portuguese: lh ль, nh нь, ch ш, ç с, j ж, final s and z ш, final o у, ão ан.
- Turkish: c дж, ç ч, ş ш, ğ silent between vowels, ı и, ö ьо, ü ю, y й, j ж, h х.
- English: spelling is no guide to the sound, so the rule is only a rough reading
  (th т, sh ш, ch ч, ee і, oo у, final y і); English names need the list.
- Everything else (and romanised names of Cyrillic, Georgian, Greek or Chinese
  places): a generic Latin reading that understands the usual romanisation digraphs
  (kh х, zh ж, sh ш, ch ч, ts ц, ya я, yu ю, ye є).

Everywhere: after ж, ч, ш, щ, ц an і before a consonant is и (§129); the Ukrainian
apostrophe is U+2019, as in the registry's Ukrainian names; parts that are capitalised
in the source are capitalised; Roman numerals and digits stay as they are.

``to_latin_key(text)`` is a phonetic key for search, the same for a Cyrillic and a
Latin spelling of one name. Cyrillic is first transliterated to Latin by the national
transliteration (Cabinet of Ministers resolution No. 55 of 27 January 2010,
``to_latin``), then sounds are folded to one letter each: ш w, ч q, щ wq, ж j, х x,
ц c, г ґ g h; и, і, ї, й, y and j i (Щецин/Щецін); w v; an i before a vowel is dropped
(я a, ю u, є e: Bielsko/Бельсько); soft signs, apostrophes and doubled letters go; a
word's final e counts as i (Кельце/Кельці, Катовіце/Катовиці). So "Краків" and
"Krakiv" are both ``krakiv``, "Шеннев'єр" and "Шенневʼєр" both ``wenever``. Words are
kept apart by spaces, and the key begins and ends with one, so that a query's key is
matched at the start of a word, never inside one.
"""

import re
import unicodedata

APOSTROPHE = "’"

# Source language by ISO 3166-1 country code; anything else is read generically.
LANGUAGES = {
    "PL": "pl",
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "LI": "de",
    "FR": "fr",
    "BE": "fr",
    "LU": "fr",
    "MC": "fr",
    "HU": "hu",
    "CZ": "cs",
    "SK": "sk",
    "LT": "lt",
    "LV": "lv",
    "RO": "ro",
    "MD": "ro",
    "GB": "en",
    "IE": "en",
    "US": "en",
    "CA": "en",
    "AU": "en",
    "NZ": "en",
    "ZA": "en",
    "IN": "en",
    "PK": "en",
    "KE": "en",
    "IT": "it",
    "SM": "it",
    "ES": "es",
    "MX": "es",
    "AR": "es",
    "CL": "es",
    "CU": "es",
    "PE": "es",
    "CO": "es",
    "PT": "pt",
    "BR": "pt",
    "TR": "tr",
    "EE": "et",
    "FI": "fi",
}

_CYRILLIC_VOWELS = "аеєиіїоуюя"
_ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")
# Words are split at spaces, hyphens, dashes, brackets and apostrophes.
_SEPARATORS = re.compile(r"([\s\-–—()\[\],./'’ʼ`‘]+)")


def _rules(vowels: str, pairs: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], str]]:
    """Compile (pattern, replacement) pairs: {V} is a vowel of either script ({v} the same
    letters for use inside a bracket), {C} a consonant."""
    vowel_class = re.escape(vowels + _CYRILLIC_VOWELS)
    return [
        (
            re.compile(
                pattern.format(
                    V=f"[{vowel_class}]", v=vowel_class, C=rf"(?:(?![{vowel_class}])[^\W\d_])"
                )
            ),
            repl,
        )
        for pattern, repl in pairs
    ]


def _apply(word: str, rules: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, replacement in rules:
        word = pattern.sub(replacement, word)
    return word


# Letters every language shares, applied last to whatever a language's own rules left.
_COMMON_LETTERS = {
    "a": "а",
    "b": "б",
    "c": "к",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "г",
    "i": "і",
    "j": "й",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "q": "к",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "v": "в",
    "w": "в",
    "x": "кс",
    "y": "і",
    "z": "з",
}


def _letters(word: str) -> str:
    """Whatever Latin is left: accents dropped, then the common letters."""
    out = []
    for char in word:
        if "a" <= char <= "z":
            out.append(_COMMON_LETTERS[char])
        elif unicodedata.combining(char):
            continue
        elif char.isascii() or not char.isalpha() or _is_cyrillic(char):
            out.append(char)
        else:
            base = unicodedata.normalize("NFKD", char)[0].lower()
            out.append(_COMMON_LETTERS.get(base, ""))
    return "".join(out)


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


# --- Polish --------------------------------------------------------------------------

_PL_VOWELS = "aąeęioóuy"
# dz before z: "dzia" is дзя, not д + зя.
_PL_SOFT = {"dz": "дз", "c": "ц", "s": "с", "z": "з", "n": "н"}
_PL_IOTATED = {"a": "я", "e": "е", "o": "ьо", "u": "ю", "ó": "ю", "ą": "ьон", "ę": "ен"}
_PL_ADJECTIVES = {
    "nowy",
    "nowa",
    "nowe",
    "stary",
    "stara",
    "stare",
    "zielona",
    "zielony",
    "jelenia",
    "kamienna",
    "dobre",
    "suchy",
    "biała",
    "biały",
    "białe",
    "mała",
    "mały",
    "wielka",
    "wielki",
    "czarna",
    "czarny",
    "wysokie",
    "wysoka",
}


def _polish_soft_pairs() -> list[tuple[str, str]]:
    pairs = []
    for latin, cyrillic in _PL_SOFT.items():
        for vowel, iotated in _PL_IOTATED.items():
            # cia ця, cie це, cio цьо, ciu цю (the i only softens)
            pairs.append((f"{latin}i{vowel}", cyrillic + iotated))
        pairs.append((f"{latin}i", cyrillic + "і"))
    return pairs


_PL_RULES = _rules(
    _PL_VOWELS,
    [
        # Suffixes with fixed Ukrainian counterparts.
        (r"ice$", "иці"),
        (r"ica$", "иця"),
        (r"i?ec$", "ець"),
        (r"nik$", "ник"),
        (r"(?<=[kg])i$", "и"),
        (r"nicz", "нич"),
        (r"dzkie$", "дзьке"),
        (r"([sc])kie$", r"\1ьке"),
        (r"([sc])ko$", r"\1ько"),
        (r"([sc])k$", r"\1ьк"),
        (r"ńsk", "нськ"),
        # Consonant clusters, longest first.
        (r"szcz", "щ"),
        (r"(?<=[ptk])rz", "ш"),
        (r"chrz", "хш"),
        (r"rz", "ж"),
        (r"sz", "ш"),
        (r"cz", "ч"),
        (r"ch", "х"),
        (r"dż", "дж"),
        (r"dź(?={C})", "дз"),
        (r"dź", "дзь"),
        *_polish_soft_pairs(),
        # Labials before i + vowel: bia бя, bie бе, bio бйо, biu бю.
        (r"([bpmwf])ia", r"\1я"),
        (r"([bpmwf])ie", r"\1е"),
        (r"([bpmwf])i[oó]", r"\1йо"),
        (r"([bpmwf])iu", r"\1ю"),
        (r"([bpmwf])ią", r"\1йон"),
        (r"([bpmwf])ię", r"\1ен"),
        (r"([kg])ie", r"\1е"),
        (r"lia", "ля"),
        (r"lie", "ле"),
        (r"lio", "льо"),
        (r"liu", "лю"),
        # j after a consonant keeps its sound with an apostrophe.
        (r"(?<={C})j([aeouąę])", rf"{APOSTROPHE}j\1"),
        (r"ja", "я"),
        (r"je", "є"),
        (r"jo", "йо"),
        (r"j[uó]", "ю"),
        (r"ją", "йон"),
        (r"ję", "єн"),
        (r"j", "й"),
        # l is soft: la ля, lo льо, lu лю; ль before a consonant and at the end.
        (r"l(?=[aoóu])", "ль"),
        (r"l(?={C}|$)", "ль"),
        (r"ł", "л"),
        # Soft consonant letters; no soft sign before another consonant.
        (r"ś(?={C})", "с"),
        (r"ź(?={C})", "з"),
        (r"ć(?={C})", "ц"),
        (r"ń(?={C})", "н"),
        (r"ś", "сь"),
        (r"ź", "зь"),
        (r"ć", "ць"),
        (r"ń", "нь"),
        (r"ż", "ж"),
        (r"dz", "дз"),
        # Nasal vowels: м before b and p, silent nasal at the end of ę.
        (r"ą(?=[bpбп])", "ом"),
        (r"ę(?=[bpбп])", "ем"),
        (r"ę$", "е"),
        (r"ą", "он"),
        (r"ę", "ен"),
        (r"ó", "у"),
        (r"y", "и"),
        (r"c", "ц"),
        (r"h", "г"),
        (r"w", "в"),
        # A soft l before a/o/u: ль + а gives ля, ль + о льо, ль + у лю.
        (r"льa", "ля"),
        (r"льo", "льо"),
        (r"ль[uу]", "лю"),
    ],
)


def _slavic_case(word: str, previous: str, rules) -> str | None:
    """After nad/pod the river is in the Ukrainian instrumental (над Сазавою, над Одрою);
    after na the locative (на Мораві)."""
    if previous in {"nad", "pod"}:
        for ending in ("ou", "ą"):
            if word.endswith(ending):
                return _apply(word[: -len(ending)], rules) + "ою"
    if previous == "na" and word.endswith("ě"):
        return _apply(word[:-1], rules) + "і"
    return None


def _polish_word(word: str, position: int, words: list[str], spaced: bool) -> str:
    """`spaced`: the word follows a space, so in a compound name it may be an adjective."""
    cased = _slavic_case(word, words[position - 1] if position else "", _PL_RULES)
    if cased is not None:
        return cased
    if spaced or word in _PL_ADJECTIVES:
        for ending, replacement in (
            ("ski", "ський"),
            ("cki", "цький"),
            ("ska", "ська"),
            ("cka", "цька"),
        ):
            if word.endswith(ending):
                stem = word[: -len(ending)]
                cyrillic = _apply(stem, _PL_RULES)
                if stem.endswith("ń"):
                    cyrillic = cyrillic.removesuffix("ь")  # Gdański is Гданський
                return cyrillic + replacement
        if re.search(r"[^aeiouy]y$", word) or word.endswith("ki"):
            return _apply(word[:-1], _PL_RULES) + "ий"
    return _apply(word, _PL_RULES)


# --- German --------------------------------------------------------------------------

_DE_VOWELS = "aeiouäöüy"
_DE_RULES = _rules(
    _DE_VOWELS,
    [
        (r"tsch", "ч"),
        (r"sch", "ш"),
        (r"chs", "кс"),
        (r"ch", "х"),
        (r"ck", "к"),
        (r"tz", "ц"),
        (r"ph", "ф"),
        (r"th", "т"),
        (r"qu", "кв"),
        (r"ß", "с"),
        (r"^s([pt])", r"ш\1"),
        (r"stadt", "штадт"),
        (r"(?<={V})h(?!{V})", ""),
        (r"h", "г"),
        (r"^s(?={V})", "з"),
        (r"(?<=[{v}lnr])s(?={V})", "з"),
        (r"ss", "сс"),
        (r"s", "с"),
        (r"z", "ц"),
        (r"c(?=[eiäy])", "ц"),
        (r"v", "ф"),
        (r"w", "в"),
        (r"ja", "я"),
        (r"je", "є"),
        (r"jo", "йо"),
        (r"ju", "ю"),
        (r"j", "й"),
        (r"[ea][iy]", "ай"),
        (r"(?:eu|äu)", "ой"),
        (r"ie", "і"),
        (r"aa", "а"),
        (r"ee", "е"),
        (r"oo", "о"),
        (r"l(?=[uü])", "ль"),
        (r"l(?=(?!l){C}|$)", "ль"),
        (r"ьu", "ю"),
        (r"ьü", "ю"),
        (r"ä", "е"),
        (r"ö", "е"),
        (r"ü", "ю"),
        (r"y", "і"),
    ],
)


# --- French --------------------------------------------------------------------------

_FR_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
_FR_RULES = _rules(
    _FR_VOWELS,
    [
        # Consonants whose sound depends on the next letter, while it is still there.
        (r"ch", "ш"),
        (r"ph", "ф"),
        (r"th", "т"),
        (r"qu", "к"),
        (r"gu(?=[eiéèêy])", "г"),
        (r"gn[iy]$", "ньї"),
        (r"gn", "нь"),
        (r"ç", "с"),
        (r"c(?=[eiéèêy])", "с"),
        (r"g(?=[eiéèêy])", "ж"),
        (r"j", "ж"),
        (r"(?<=[aeoué])ill(?=[aeiouy])", "й"),
        (r"(?<=[aeoué])ille?s?$", "й"),
        (r"illy$", "ії"),
        (r"(?<={V})s(?={V})", "з"),
        (r"h", ""),
        # Nasal vowels: not before a vowel or a second n/m (the final e still counts).
        (r"(?:ain|ein|aim|in|im|yn|ym)(?![{v}nm])", "ен"),
        (r"(?:an|am|en|em)(?![{v}nm])", "ан"),
        (r"(?:on|om)(?![{v}nm])", "он"),
        (r"(?:un|um)(?![{v}nm])", "ен"),
        # Silent endings: a final consonant, then a final e (Gaillarde keeps its d).
        (r"ier(s)?$", "ьє"),
        (r"(?<=.)(?:[tdzxps])$", ""),
        (r"(?<=.)e$", ""),
        (r"([^aeiouy])\1$", r"\1"),
        (r"eil$", "ей"),
        (r"ail$", "ай"),
        (r"eaux?", "о"),
        (r"aux?", "о"),
        (r"oi", "уа"),
        (r"o[uùû]", "у"),
        (r"[ae][iy]", "е"),
        (r"(?:eu|œu|œ)", "е"),
        (r"(?<=[bpvmfбпвмф])i[eéè]", APOSTROPHE + "є"),
        (r"i[eéè]", "ьє"),
        (r"u[iy]", "юї"),
        (r"[uùûü]", "ю"),
        (r"[éèêë]", "е"),
        (r"[àâä]", "а"),
        (r"[îïy]", "і"),
        (r"[ôö]", "о"),
        (r"й([aà])", "я"),
        (r"йu", "ю"),
        (r"l(?=l)", "л"),
        (r"l(?={C}|$)", "ль"),
        (r"s", "с"),
        (r"c", "к"),
        (r"w", "в"),
    ],
)
# Short words of compound names, said as they are written.
_FR_WORDS = {
    "de": "де",
    "le": "ле",
    "la": "ла",
    "les": "ле",
    "des": "де",
    "du": "дю",
    "sur": "сюр",
    "sous": "су",
    "en": "ан",
    "et": "е",
    "l": "л",
    "d": "д",
}


def _french_words(words: list[str]) -> list[str]:
    out = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in {"saint", "sainte"}:
            # Liaison: Saint-Étienne is Сент-Етьєн, Saint-Maur is Сен-Мор.
            vowel_next = bool(following) and following[0] in _FR_VOWELS + "h"
            out.append("сент" if vowel_next or word == "sainte" else "сен")
        elif word in _FR_WORDS:
            out.append(_FR_WORDS[word])
        else:
            out.append(_apply(word, _FR_RULES))
    return out


# --- Hungarian -----------------------------------------------------------------------

_HU_VOWELS = "aáeéiíoóöőuúüű"
_HU_RULES = _rules(
    _HU_VOWELS,
    [
        (r"dzs", "дж"),
        (r"ggy", "dgy"),
        (r"gy([öő])", "дьє"),
        (r"ny([öő])", "ньє"),
        (r"ty([öő])", "тьє"),
        (r"gya|gyá", "дя"),
        (r"gyu|gyú|gyü|gyű", "дю"),
        (r"gy", "дь"),
        (r"nya|nyá", "ня"),
        (r"nyu|nyú|nyü|nyű", "ню"),
        (r"ny", "нь"),
        (r"tya|tyá", "тя"),
        (r"ty", "ть"),
        (r"ly", "й"),
        (r"sz", "с"),
        (r"zs", "ж"),
        (r"cs", "ч"),
        (r"ch", "х"),
        (r"s", "ш"),
        (r"c", "ц"),
        (r"dz", "дз"),
        (r"ja|já", "я"),
        (r"je|jé", "є"),
        (r"ju|jú", "ю"),
        (r"j", "й"),
        (r"^[öő]", "е"),
        (r"^[üű]", "ю"),
        (r"[öő]", "е"),
        (r"[üű]", "ю"),
        (r"[aá]", "а"),
        (r"[eé]", "е"),
        (r"[ií]", "і"),
        (r"[oó]", "о"),
        (r"[uú]", "у"),
        (r"y", "і"),
        (r"w", "в"),
    ],
)


# --- Czech and Slovak ----------------------------------------------------------------

_CS_VOWELS = "aáäeéěiíoóôuúůyý"
_CS_ADJECTIVE = re.compile(r"(?:ý|á|é|í|ny|na|ne|ni|ia|ie|ná|né)$")


def _czech_rules(slovak: bool) -> list[tuple[re.Pattern[str], str]]:
    slovak_pairs = [
        (r"ia", "ія"),
        (r"ie", "іє"),
        (r"iu", "ію"),
        (r"ô", "уо"),
        (r"ä", "е"),
        (r"ľ", "ль"),
        (r"ĺ", "л"),
        (r"ŕ", "р"),
    ]
    return _rules(
        _CS_VOWELS,
        [
            (r"ec$", "ець"),
            (r"ice$", "иці"),
            (r"ica$", "иця"),
            (r"ch", "х"),
            (r"dž", "дж"),
            (r"dz", "дз"),
            (r"(?<=[tpk])ř", "рш"),
            (r"(?<=ch)ř", "рш"),
            (r"ř", "рж"),
            (r"č", "ч"),
            (r"š", "ш"),
            (r"ž", "ж"),
            (r"c", "ц"),
            (r"h", "г"),
            (r"ď", "дь"),
            (r"ť", "ть"),
            (r"ň", "нь"),
            *(slovak_pairs if slovak else []),
            (r"j[aá]", "я"),
            (r"j[eé]", "є"),
            (r"j[ií]", "ї"),
            (r"j[oó]", "йо"),
            (r"j[uúů]", "ю"),
            (r"j", "й"),
            (r"ě", "є"),
            (r"дь([aá])", "дя"),
            (r"ть([aá])", "тя"),
            (r"нь([aá])", "ня"),
            (r"ль([aá])", "ля"),
            (r"дь([uú])", "дю"),
            (r"ть([uú])", "тю"),
            (r"нь([uú])", "ню"),
            (r"ль([uú])", "лю"),
            (r"ль([oó])", "льо"),
            (r"ль([eé])", "ле"),
            (r"ou", "оу"),
            (r"ník$|nik$", "ник"),
            (r"(?<={V})l(?={C})", "ль"),
            (r"[yý]", "и"),
            (r"[ií]", "і"),
            (r"[aá]", "а"),
            (r"[eé]", "е"),
            (r"[oó]", "о"),
            (r"[uúů]", "у"),
        ],
    )


_CS_RULES = _czech_rules(slovak=False)
_SK_RULES = _czech_rules(slovak=True)
_PREPOSITIONS = {
    "nad",
    "pod",
    "na",
    "u",
    "pri",
    "při",
    "am",
    "an",
    "im",
    "de",
    "di",
    "da",
    "sur",
    "sous",
    "lui",
}


def _west_slavic_word(word: str, position: int, words: list[str], spaced: bool, rules) -> str:
    cased = _slavic_case(word, words[position - 1] if position else "", rules)
    if cased is not None:
        return cased
    if len(words) > 1:
        for ending, replacement in (
            ("ský", "ський"),
            ("cký", "цький"),
            ("ská", "ська"),
            ("cká", "цька"),
            ("ské", "ське"),
            ("cké", "цьке"),
        ):
            if word.endswith(ending):
                return _apply(word[: -len(ending)], rules) + replacement
        if word.endswith("ý"):
            return _apply(word[:-1], rules) + "ий"
    return _apply(word, rules)


# --- Lithuanian and Latvian ----------------------------------------------------------

_LT_VOWELS = "aąeęėiįyouųū"
_LT_RULES = _rules(
    _LT_VOWELS,
    [
        (r"dž", "дж"),
        (r"dz", "дз"),
        (r"ch", "х"),
        (r"šč", "щ"),
        (r"š", "ш"),
        (r"ž", "ж"),
        (r"č", "ч"),
        (r"c", "ц"),
        (r"h", "г"),
        (r"j[aą]", "я"),
        (r"je", "є"),
        (r"jo", "йо"),
        (r"j[uųū]", "ю"),
        (r"j", "й"),
        (r"(?<={C})i[aą]", "я"),
        (r"(?<={C})i[uųū]", "ю"),
        (r"(?<={C})io", "ьо"),
        (r"ie", "е"),
        (r"l(?={C}|$)", "ль"),
        (r"ль(?=[яю])", "л"),
        (r"(?<=[яаеоу])i(?={C}|$)", "й"),
        (r"ai", "ай"),
        (r"ei", "ей"),
        (r"ui", "уй"),
        (r"[ąa]", "а"),
        (r"[eęė]", "е"),
        (r"[iįy]", "і"),
        (r"[uųū]", "у"),
    ],
)

_LV_VOWELS = "aāeēiīouū"
_LV_RULES = _rules(
    _LV_VOWELS,
    [
        (r"dž", "дж"),
        (r"dz", "дз"),
        (r"ch", "х"),
        (r"š", "ш"),
        (r"ž", "ж"),
        (r"č", "ч"),
        (r"c", "ц"),
        (r"ļ([iī])", "лі"),
        (r"ļ", "ль"),
        (r"ņ([iī])", "ні"),
        (r"ņ", "нь"),
        (r"ķ", "ть"),
        (r"ģ", "дь"),
        (r"h", "х"),
        (r"j[aā]", "я"),
        (r"j[eē]", "є"),
        (r"jo", "йо"),
        (r"j[uū]", "ю"),
        (r"j", "й"),
        (r"ie", "іє"),
        (r"ai", "ай"),
        (r"ei", "ей"),
        (r"[aā]", "а"),
        (r"[eē]", "е"),
        (r"[iī]", "і"),
        (r"[uū]", "у"),
    ],
)


# --- Romanian ------------------------------------------------------------------------

_RO_VOWELS = "aăâeiîou"
_RO_RULES = _rules(
    _RO_VOWELS,
    [
        (r"ş", "ș"),
        (r"ţ", "ț"),
        (r"(?<=[^aeiouăâî])ii$", "ій"),
        (r"^ia", "я"),
        (r"^ie", "є"),
        (r"^iu", "ю"),
        (r"cea", "ча"),
        (r"gea", "джа"),
        (r"ci([aou])", r"ч\1"),
        (r"gi([aou])", r"дж\1"),
        (r"c(?=[ei])", "ч"),
        (r"g(?=[ei])", "дж"),
        (r"ch", "к"),
        (r"gh", "г"),
        (r"(?<=[^aeiouăâî])ei$", "ей"),
        (r"(?<=[șțcgdtlnrmszpbvfk])i$", "ь"),
        (r"ș", "ш"),
        (r"ț", "ц"),
        (r"шь$", "ш"),
        (r"h", "х"),
        (r"j", "ж"),
        (r"(?<=[bpvmf])ea", APOSTROPHE + "я"),
        (r"(?<=[bpvmf])ia", APOSTROPHE + "я"),
        (r"ea", "я"),
        (r"(?<=[aeiouăâî])ia", "я"),
        (r"ia", "ія"),
        (r"(?<=[aeiouăâî])ie", "є"),
        (r"ie", "іє"),
        (r"(?<=[aeo])iu", "ю"),
        (r"iu", "ю"),
        (r"(?<=[aeouăâаеоєуияю])i(?=[^aeiouăâî]|$)", "й"),
        (r"ă", "е"),
        (r"[âî]", "и"),
        (r"c", "к"),
        (r"w", "в"),
        (r"y", "і"),
    ],
)


# --- Italian, Spanish, Portuguese ----------------------------------------------------

_IT_VOWELS = "aeiouàèéìòù"
_IT_RULES = _rules(
    _IT_VOWELS,
    [
        (r"sci([aou])", r"ш\1"),
        (r"sc(?=[ei])", "ш"),
        (r"gli([aeou])", r"ль\1"),
        (r"gli", "льї"),
        (r"gn", "нь"),
        (r"ch", "к"),
        (r"gh", "г"),
        (r"cci([aou])", r"ч\1"),
        (r"ggi([aou])", r"дж\1"),
        (r"ci([aou])", r"ч\1"),
        (r"gi([aou])", r"дж\1"),
        (r"cc(?=[ei])", "ч"),
        (r"gg(?=[ei])", "дж"),
        (r"c(?=[ei])", "ч"),
        (r"g(?=[eiè])", "дж"),
        (r"qu", "кв"),
        (r"zz", "цц"),
        (r"z", "ц"),
        (r"h", ""),
        (r"(?<={V})s(?={V})", "з"),
        (r"(?<=[bpvmf])i([aou])", APOSTROPHE + r"i\1"),
        (r"(?<=ц)i[aà]", "ія"),
        (r"(?<=ц)i[eè]", "іє"),
        (r"(?<=ц)i[oò]", "іо"),
        (r"(?<=ц)i[uù]", "ію"),
        (r"i[aà]", "я"),
        (r"i[eè]", "є"),
        (r"i[uù]", "ю"),
        (r"(?<={C})io", "ьо"),
        (r"io", "йо"),
        (r"ль([aà])", "лья"),
        (r"ль([eè])", "льє"),
        (r"ль([oò])", "льо"),
        (r"ль([uù])", "лью"),
        (r"нь([aà])", "нья"),
        (r"нь([eè])", "ньє"),
        (r"нь([oò])", "ньо"),
        (r"нь([uù])", "нью"),
        (r"l(?=(?!l){C})", "ль"),
        (r"[àá]", "а"),
        (r"[èé]", "е"),
        (r"[ìí]", "і"),
        (r"[òó]", "о"),
        (r"[ùú]", "у"),
        (r"j", "й"),
        (r"y", "і"),
    ],
)

_ES_VOWELS = "aeiouáéíóúü"
_ES_RULES = _rules(
    _ES_VOWELS,
    [
        (r"ll([aá])", "лья"),
        (r"ll([eé])", "льє"),
        (r"ll([oó])", "льо"),
        (r"ll([uú])", "лью"),
        (r"ll", "ль"),
        (r"ñ([aá])", "ня"),
        (r"ñ([eé])", "ньє"),
        (r"ñ([ií])", "ньї"),
        (r"ñ([oó])", "ньо"),
        (r"ñ", "нь"),
        (r"ch", "ч"),
        (r"qu", "к"),
        (r"gu(?=[eiéí])", "г"),
        (r"gü", "гу"),
        (r"g(?=[eiéí])", "х"),
        (r"j", "х"),
        (r"c(?=[eiéí])", "с"),
        (r"z", "с"),
        (r"h", ""),
        (r"x", "кс"),
        (r"y$", "й"),
        (r"ya", "я"),
        (r"ye", "є"),
        (r"yo", "йо"),
        (r"yu", "ю"),
        (r"y(?={V})", "й"),
        (r"(?<={V})i(?={C}|$)", "й"),
        (r"(?<=[bpvmf])i([aeou])", APOSTROPHE + r"i\1"),
        (r"i[aá]", "ія"),
        (r"i[eé]", "ьє"),
        (r"i[oó]", "іо"),
        (r"l(?={C}|$)", "ль"),
        (r"[áà]", "а"),
        (r"[éè]", "е"),
        (r"[íì]", "і"),
        (r"[óò]", "о"),
        (r"[úùü]", "у"),
        (r"y", "і"),
    ],
)

_PT_VOWELS = "aeiouáâãàéêíóôõúç"
_PT_RULES = _rules(
    _PT_VOWELS,
    [
        (r"ão$", "ан"),
        (r"ões$", "оїш"),
        (r"lh", "ль"),
        (r"nh", "нь"),
        (r"ch", "ш"),
        (r"qu(?=[eiéí])", "к"),
        (r"qu", "кв"),
        (r"gu(?=[eiéí])", "г"),
        (r"g(?=[eiéí])", "ж"),
        (r"ç", "с"),
        (r"c(?=[eiéí])", "с"),
        (r"j", "ж"),
        (r"[sz]$", "ш"),
        (r"(?<={V})s(?={V})", "з"),
        (r"ss", "сс"),
        (r"x", "ш"),
        (r"h", ""),
        (r"o$", "у"),
        (r"(?<={C})e$", "е"),
        (r"ei", "ей"),
        (r"ai", "ай"),
        (r"oi", "ой"),
        (r"ou", "оу"),
        (r"l(?={C}|$)", "ль"),
        (r"[áàâã]", "а"),
        (r"[éê]", "е"),
        (r"í", "і"),
        (r"[óôõ]", "о"),
        (r"ú", "у"),
        (r"y", "і"),
        (r"w", "в"),
    ],
)


# --- Turkish -------------------------------------------------------------------------

_TR_VOWELS = "aeıioöuü"
_TR_RULES = _rules(
    _TR_VOWELS,
    [
        (r"(?<={V})ğ(?={V})", ""),
        (r"ğ", "г"),
        (r"ya", "я"),
        (r"ye", "є"),
        (r"yu|yü", "ю"),
        (r"yo|yö", "йо"),
        (r"y", "й"),
        (r"c", "дж"),
        (r"ç", "ч"),
        (r"ş", "ш"),
        (r"j", "ж"),
        (r"h", "х"),
        (r"ı", "и"),
        (r"(?<={C})ö", "ьо"),
        (r"ö", "е"),
        (r"(?<={C})ü", "ю"),
        (r"ü", "ю"),
        (r"i̇", "і"),
    ],
)


# --- Estonian and Finnish -----------------------------------------------------------

_FI_VOWELS = "aeiouyäöõü"


def _finnic_rules(estonian: bool) -> list[tuple[re.Pattern[str], str]]:
    return _rules(
        _FI_VOWELS,
        [
            (r"(?<={V})h(?={C})", "х"),
            (r"h", "г"),
            (r"š", "ш"),
            (r"ž", "ж"),
            (r"lj(?={V})", "ль" + "j"),
            (r"j[aä]", "я"),
            (r"j[eö]", "є"),
            (r"j[uy]", "ю"),
            (r"jo", "йо"),
            (r"(?<={V})i(?={C}|$)", "й"),
            (r"j", "й"),
            (r"ä", "я"),
            (r"ö", "е"),
            (r"õ", "и"),
            (r"ü", "ю"),
            (r"y", "ю" if not estonian else "і"),
            (r"c", "к"),
            (r"w", "в"),
        ],
    )


_ET_RULES = _finnic_rules(estonian=True)
_FI_RULES = _finnic_rules(estonian=False)


# --- English and the generic reading ----------------------------------------------------

_EN_VOWELS = "aeiouy"
_EN_RULES = _rules(
    _EN_VOWELS,
    [
        (r"ough$", "оу"),
        (r"borough$", "боро"),
        (r"tch", "ч"),
        (r"sh", "ш"),
        (r"ch", "ч"),
        (r"th", "т"),
        (r"ph", "ф"),
        (r"wh", "в"),
        (r"ck", "к"),
        (r"gh", "г"),
        (r"qu", "кв"),
        (r"ee|ea", "і"),
        (r"oo", "у"),
        (r"ou", "ау"),
        (r"ay|ai", "ей"),
        (r"(?<={C})y$", "і"),
        (r"ey$", "і"),
        (r"(?<={C})e$", ""),
        (r"c(?=[eiy])", "с"),
        (r"g(?=[ei])", "дж"),
        (r"j", "дж"),
        (r"y(?={V})", "й"),
        (r"l(?={C}|$)", "л"),
        (r"x", "кс"),
        (r"w", "в"),
    ],
)

_GENERIC_VOWELS = "aeiouy"
_GENERIC_RULES = _rules(
    _GENERIC_VOWELS,
    [
        (r"shch", "щ"),
        (r"kh", "х"),
        (r"zh", "ж"),
        (r"sh|sch|š", "ш"),
        (r"ch|č|ć", "ч"),
        (r"ts|tz", "ц"),
        (r"ph", "ф"),
        (r"th", "т"),
        (r"gh", "г"),
        (r"dž|dj|đ", "дж"),
        (r"ž", "ж"),
        (r"lj([aeou])", r"ль\1"),
        (r"nj([aeou])", r"нь\1"),
        (r"ya|ja", "я"),
        (r"ye|je", "є"),
        (r"yu|ju", "ю"),
        (r"yo|jo", "йо"),
        (r"(?<={V})y|(?<={V})j", "й"),
        (r"y", "і"),
        (r"j", "й"),
        (r"c", "ц"),
        (r"ль([aá])", "ля"),
        (r"ль([uú])", "лю"),
        (r"ль([eé])", "ле"),
        (r"нь([aá])", "ня"),
        (r"нь([uú])", "ню"),
        (r"нь([eé])", "нє"),
        (r"q", "к"),
        (r"[ąäáàâã]", "а"),
        (r"[ęëéèêě]", "е"),
        (r"[ïíìî]", "і"),
        (r"[öóòôõő]", "о"),
        (r"[üúùûůű]", "у"),
    ],
)


# --- Putting it together -------------------------------------------------------------


def _finish(word: str) -> str:
    """Ukrainian spelling after any language: и after ж ч ш щ ц before a consonant (§129)."""
    word = _letters(word)
    word = re.sub(r"(?<=[жчшщц])і(?=[бвгґджзклмнпрстфхцчшщ])", "и", word)
    # A soft sign cannot follow a vowel or stand before one that is already soft.
    word = re.sub(rf"(?<=[{_CYRILLIC_VOWELS}])ь", "", word)
    word = word.replace("ьі", "і").replace("ье", "є")
    return word


def _word_function(language: str):
    """(word, position, words, spaced) -> Cyrillic, for the rules of `language`."""
    if language == "pl":
        return _polish_word
    if language in {"cs", "sk"}:
        rules = _CS_RULES if language == "cs" else _SK_RULES
        return lambda word, position, words, spaced: _west_slavic_word(
            word, position, words, spaced, rules
        )
    tables = {
        "de": _DE_RULES,
        "hu": _HU_RULES,
        "lt": _LT_RULES,
        "lv": _LV_RULES,
        "ro": _RO_RULES,
        "it": _IT_RULES,
        "es": _ES_RULES,
        "pt": _PT_RULES,
        "tr": _TR_RULES,
        "et": _ET_RULES,
        "fi": _FI_RULES,
        "en": _EN_RULES,
    }
    table = tables.get(language, _GENERIC_RULES)
    return lambda word, position, words, spaced: _apply(word, table)


def _is_adjective(word: str, language: str) -> bool:
    if language == "pl":
        return word in _PL_ADJECTIVES
    if language in {"cs", "sk"}:
        return _CS_ADJECTIVE.search(word) is not None
    return False


def _is_number(piece: str) -> bool:
    return piece.isdigit() or _ROMAN_NUMERAL.match(piece) is not None


# Qualifiers of the English list names, said in Ukrainian.
_QUALIFIERS = [
    (re.compile(r"^(.+) \(rural gmina\)$"), "{} (сільська гміна)"),
    (re.compile(r"^(.+) \(district\)$"), "{} (район)"),
    (re.compile(r"^(.+) District Municipality$"), "{} (районний муніципалітет)"),
    (re.compile(r"^(.+) District$"), "{} (район)"),
]
_COUNTY = re.compile(r"^(.+) County$")


def language_for(country: str) -> str:
    """The source language whose rules transcribe names of this country."""
    return LANGUAGES.get((country or "").upper(), "")


def to_ukrainian(name: str, country: str) -> str:
    """A Latin-script place name of `country` (ISO 3166-1 alpha-2) in Ukrainian Cyrillic.

    The rules are those of the module docstring. Words already in Cyrillic, digits and
    Roman numerals are kept as they are; apostrophes become the Ukrainian one.
    """
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    if not name:
        return ""
    for pattern, template in _QUALIFIERS:
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
                    and words[position - 1] not in _PREPOSITIONS
                    and words[position] not in _PREPOSITIONS
                )
            )
            out[-1] = " " if keep_space else "-"
        out.append(word)
        position += 1
    return "".join(out).replace(f"{APOSTROPHE}-", APOSTROPHE)


# --- The national transliteration and the search key -----------------------------------

# Cabinet of Ministers resolution No. 55 (2010): the first column at the start of a
# word, the second elsewhere.
_NATIONAL = {
    "а": ("a", "a"),
    "б": ("b", "b"),
    "в": ("v", "v"),
    "г": ("h", "h"),
    "ґ": ("g", "g"),
    "д": ("d", "d"),
    "е": ("e", "e"),
    "є": ("ye", "ie"),
    "ж": ("zh", "zh"),
    "з": ("z", "z"),
    "и": ("y", "y"),
    "і": ("i", "i"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "к": ("k", "k"),
    "л": ("l", "l"),
    "м": ("m", "m"),
    "н": ("n", "n"),
    "о": ("o", "o"),
    "п": ("p", "p"),
    "р": ("r", "r"),
    "с": ("s", "s"),
    "т": ("t", "t"),
    "у": ("u", "u"),
    "ф": ("f", "f"),
    "х": ("kh", "kh"),
    "ц": ("ts", "ts"),
    "ч": ("ch", "ch"),
    "ш": ("sh", "sh"),
    "щ": ("shch", "shch"),
    "ь": ("", ""),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
    # Not Ukrainian letters, but a reader may type them.
    "ы": ("y", "y"),
    "э": ("e", "e"),
    "ё": ("yo", "io"),
    "ъ": ("", ""),
}
_APOSTROPHES = "'’ʼ`‘ʹ"


def to_latin(text: str) -> str:
    """Ukrainian Cyrillic in Latin letters by the national transliteration of 2010."""
    out = []
    previous = ""
    for char in text:
        lower = char.lower()
        if lower in _NATIONAL:
            start = not previous or not (previous.isalpha() or previous in _APOSTROPHES)
            latin = _NATIONAL[lower][0 if start else 1]
            if lower == "г" and previous.lower() == "з":
                latin = "gh"  # зг is zgh, so that it differs from ж
            if char.isupper():
                latin = latin.capitalize()
            out.append(latin)
        elif char in _APOSTROPHES and previous.lower() in _NATIONAL:
            pass  # the apostrophe is not written
        else:
            out.append(char)
        previous = char
    return "".join(out)


# Key letters: one per sound. Longest spellings first.
_KEY_SPELLINGS = [
    ("shch", "wq"),
    ("zgh", "zh"),
    ("sh", "w"),
    ("ch", "q"),
    ("zh", "j"),
    ("kh", "x"),
    ("ts", "c"),
    ("a", "a"),
    ("b", "b"),
    ("c", "c"),
    ("d", "d"),
    ("e", "e"),
    ("f", "f"),
    ("g", "h"),
    ("h", "h"),
    ("i", "i"),
    ("j", "i"),
    ("k", "k"),
    ("l", "l"),
    ("m", "m"),
    ("n", "n"),
    ("o", "o"),
    ("p", "p"),
    ("q", "k"),
    ("r", "r"),
    ("s", "s"),
    ("t", "t"),
    ("u", "u"),
    ("v", "v"),
    ("w", "v"),
    ("x", "ks"),
    ("y", "i"),
    ("z", "z"),
]
_KEY_PATTERN = re.compile("|".join(re.escape(spelling) for spelling, _ in _KEY_SPELLINGS))
_KEY_LETTERS = dict(_KEY_SPELLINGS)
# Accented Latin letters that are one sound of their own.
_KEY_LATIN = str.maketrans(
    {
        "š": "sh",
        "č": "ch",
        "ž": "zh",
        "ż": "zh",
        "ł": "l",
        "ß": "ss",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "đ": "dj",
        "ı": "i",
    }
)


def _key_word(word: str, unfinished: bool = False) -> str:
    letters = "".join(_KEY_LETTERS[match] for match in _KEY_PATTERN.findall(word))
    letters = re.sub(r"i(?=[aeiou])", "", letters)  # ia я, iu ю, ie є: the i only softens
    letters = re.sub(r"(.)\1+", r"\1", letters)
    if not unfinished:
        # A final e or i is one sound to the key: Кельце and Кельці, Катовіце and Катовиці.
        letters = re.sub(r"e$", "i", letters)
    return letters


def to_latin_key(text: str, *, unfinished: bool = False) -> str:
    """The phonetic key of a name or a query, in either script (see the module docstring).

    Returns "" for text with no letters; otherwise " word word ", each word of the key
    between single spaces. `unfinished`: the text may end in the middle of a word (a
    query typed so far), so its last e is not read as a final one.
    """
    text = unicodedata.normalize("NFC", text.casefold())
    text = "".join(char for char in text if char not in _APOSTROPHES)
    latin = to_latin(text).translate(_KEY_LATIN)
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
