"""The demo topics' names in every interface language (keyed by the Ukrainian one)."""

TOPIC_NAMES: dict[str, dict[str, str]] = {
    "партнерство": {"en": "partnership", "pl": "partnerstwo", "de": "Partnerschaft", "fr": "partenariat"},
    "історії війни": {"en": "war stories", "pl": "historie wojenne", "de": "Kriegsgeschichten", "fr": "récits de guerre"},
    "міжнародна підтримка": {"en": "international support", "pl": "wsparcie międzynarodowe", "de": "internationale Unterstützung", "fr": "soutien international"},
    "врядування": {"en": "governance", "pl": "zarządzanie", "de": "Verwaltung", "fr": "gouvernance"},
    "цифровізація": {"en": "digitalisation", "pl": "cyfryzacja", "de": "Digitalisierung", "fr": "numérique"},
    "відбудова": {"en": "reconstruction", "pl": "odbudowa", "de": "Wiederaufbau", "fr": "reconstruction"},
    "вода": {"en": "water", "pl": "woda", "de": "Wasser", "fr": "eau"},
    "гуманітарна допомога": {"en": "humanitarian aid", "pl": "pomoc humanitarna", "de": "humanitäre Hilfe", "fr": "aide humanitaire"},
    "енергетика": {"en": "energy", "pl": "energetyka", "de": "Energie", "fr": "énergie"},
    "культура": {"en": "culture", "pl": "kultura", "de": "Kultur", "fr": "culture"},
    "медицина": {"en": "healthcare", "pl": "ochrona zdrowia", "de": "Gesundheit", "fr": "santé"},
    "меморандум": {"en": "memorandum", "pl": "memorandum", "de": "Memorandum", "fr": "mémorandum"},
    "молодь": {"en": "youth", "pl": "młodzież", "de": "Jugend", "fr": "jeunesse"},
    "освіта": {"en": "education", "pl": "edukacja", "de": "Bildung", "fr": "éducation"},
}  # fmt: skip
