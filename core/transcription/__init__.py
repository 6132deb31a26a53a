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

Rules by source language (chosen by the country code). The tables (countries,
letter rules per language, word lists) are data in ``core/data/transcription.json``
and ``core/data/transliteration.json``; the code here applies them:

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

``ukrainian`` holds the transcription into Ukrainian, ``latin`` the transliteration and
the key, ``tables`` reads the data files once.
"""

from core.transcription.latin import to_latin, to_latin_key
from core.transcription.tables import APOSTROPHE
from core.transcription.ukrainian import language_for, to_ukrainian

__all__ = ["APOSTROPHE", "language_for", "to_latin", "to_latin_key", "to_ukrainian"]
