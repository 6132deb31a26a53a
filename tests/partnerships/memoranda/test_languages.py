"""A memorandum in Ukrainian and the partner's language: Polish, German, French, or
English when the partner's language is not offered; drafted, versioned, compared and
printed in both columns."""

import pytest
from django.urls import reverse

from partnerships.choices import CooperationForm
from partnerships.memoranda.services import memorandum_open
from partnerships.memoranda.text import SECTION_KEYS
from partnerships.memoranda.text.languages import CLAUSES
from partnerships.models import Memorandum
from tests.pdfs import needs_poppler, pdf_text

pytestmark = pytest.mark.django_db

SEEDED_AREAS = [
    "energy", "water", "health", "education", "culture", "youth-sport", "economy",
    "reconstruction", "digital", "environment", "agriculture", "tourism", "social",
    "civil-protection", "transport", "waste", "governance", "veterans", "demining",
    "humanitarian",
]  # fmt: skip


def _opened(a, b, accepter=None) -> Memorandum:
    from tests.factories import AcceptedRequestFactory, CooperationAreaFactory

    request = AcceptedRequestFactory(
        from_municipality=a,
        to_municipality=b,
        areas=[CooperationAreaFactory(slug="lang-area", name_uk="Освіта", name_en="Education")],
    )
    memorandum_open(cooperation_request=request, actor=accepter)
    return Memorandum.objects.get(request=request)


@pytest.fixture
def french_memorandum(municipality_a, official_a):
    from tests.factories import ForeignMunicipalityFactory, OfficialFactory

    town = ForeignMunicipalityFactory(
        name_uk="Шеннев'єр-сюр-Марн",
        name_en="Chennevieres-sur-Marne",
        name_native="Chennevières-sur-Marne",
        country="FR",
    )
    official = OfficialFactory(municipality=town, language="fr")
    return _opened(municipality_a, town, accepter=official.user), official


@pytest.mark.parametrize(
    ("country", "language"),
    [("PL", "pl"), ("DE", "de"), ("AT", "de"), ("FR", "fr"), ("BE", "fr"), ("CZ", "en"),
     ("US", "en")],
)  # fmt: skip
def test_the_second_language_is_the_partner_countrys_or_english(municipality_a, country, language):
    from tests.factories import ForeignMunicipalityFactory

    m = _opened(municipality_a, ForeignMunicipalityFactory(country=country))
    assert m.language == language
    assert m.final_other == CLAUSES[language].final.format(
        language=CLAUSES["uk"].language_names[language]
    )
    assert CLAUSES["uk"].language_names[language] in m.final_uk


@pytest.mark.parametrize("code", ["uk", "en", "pl", "de", "fr"])
def test_every_language_has_every_clause_heading_title_and_label(code):
    clauses, uk = CLAUSES[code], CLAUSES["uk"]
    assert set(clauses.headings) == set(SECTION_KEYS)
    assert set(clauses.titles) == set(CooperationForm.values)
    assert set(clauses.labels) == set(uk.labels)
    assert len(clauses.duties) == len(uk.duties) and len(clauses.forms) == len(uk.forms)
    if code not in ("uk", "en"):
        # The areas are named in the language, not left in English.
        assert set(clauses.area_names) == set(SEEDED_AREAS)


def test_a_polish_memorandum_is_drafted_versioned_and_compared_in_both_columns(
    client, memorandum, official_a, english
):
    m = memorandum
    assert (m.language, m.title_other) == ("pl", "Memorandum o partnerstwie miast")
    assert m.purpose_other.startswith("Strony nawiązują stosunki partnerstwa miast")
    assert "w językach ukraińskim i polskim" in m.final_other
    assert "українською та польською мовами" in m.final_uk
    client.force_login(official_a.user)
    detail = client.get(m.get_absolute_url()).content.decode()
    assert 'lang="pl"' in detail and "2. Cel" in detail and "2. Мета" in detail

    edit = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    form = client.get(edit).content.decode()
    assert "Polish text" in form and "English text" not in form
    response = client.post(
        edit,
        {
            "text_uk": "Нова мета співпраці.",
            "text_other": "Nowy cel współpracy.",
            "base_version": 1,
        },
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert (m.version, m.purpose_other) == (2, "Nowy cel współpracy.")
    assert m.version_document(1).purpose_other.startswith("Strony nawiązują")

    compare = client.get(
        reverse("partnerships:memorandum-compare", args=[m.pk]), {"old": 1, "new": 2}
    )
    body = compare.content.decode()
    assert "<ins>Nowy cel współpracy.</ins>" in body.replace("\n", "")
    assert "Cel" in body and "Мета" in body


@needs_poppler
def test_a_polish_memorandum_prints_ukrainian_and_polish_in_two_columns(
    client, memorandum, official_a, tmp_path
):
    client.force_login(official_a.user)
    pdf = client.get(reverse("partnerships:memorandum-pdf", args=[memorandum.pk])).content
    text = " ".join(pdf_text(pdf, tmp_path).split())
    for words in (
        "Українською мовою", "W języku polskim", "Зобов'язання Сторін", "Zobowiązania Stron",
        "Версія / Wersja 1", "ПРОЄКТ / PROJEKT", "Підпис / Podpis", "М. П. / Pieczęć",
        "Сторона 1 / Strona 1",
    ):  # fmt: skip
        assert words.casefold() in text.casefold(), words  # column heads print in capitals
    assert "English" not in text and "Party 1" not in text
    # Side by side: the Ukrainian heading and its Polish one on the same line.
    layout = pdf_text(pdf, tmp_path, "-layout")
    assert any("1. Сторони" in line and "1. Strony" in line for line in layout.splitlines())


@needs_poppler
def test_a_french_memorandum_is_drafted_versioned_and_printed_in_french(
    client, french_memorandum, official_a, tmp_path
):
    m, official_fr = french_memorandum
    assert (m.language, m.title_other) == ("fr", "Mémorandum de jumelage")
    assert "Chennevières-sur-Marne (France)" in m.parties_other
    assert "— Éducation" not in m.areas_other  # an area the clauses do not name: in English
    assert "— Education;" in m.areas_other
    client.force_login(official_fr.user)
    edit = reverse("partnerships:memorandum-section-edit", args=[m.pk, "duration"])
    response = client.post(
        edit,
        {
            "text_uk": "Меморандум діє безстроково.",
            "text_other": "Le présent Mémorandum est conclu pour une durée indéterminée.",
            "base_version": 1,
        },
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.version == 2
    compare = client.get(reverse("partnerships:memorandum-compare", args=[m.pk]))
    assert "<ins>indéterminée.</ins>" in compare.content.decode()
    pdf = client.get(reverse("partnerships:memorandum-pdf", args=[m.pk])).content
    text = " ".join(pdf_text(pdf, tmp_path).split())
    for words in (
        "En français", "Українською мовою", "Dispositions finales", "Прикінцеві положення",
        "durée indéterminée", "Меморандум діє безстроково", "Partie 2", "Page 1 sur",
    ):  # fmt: skip
        assert words.casefold() in text.casefold(), words
    old = client.get(reverse("partnerships:memorandum-pdf", args=[m.pk]), {"version": 1}).content
    assert "durée de cinq ans" in " ".join(pdf_text(old, tmp_path).split())


@needs_poppler
def test_the_signed_pdf_is_final_and_shows_both_signatures(
    client, memorandum, agree_both, sign_for, official_a, official_b, tmp_path
):
    from partnerships.models import Official

    Official.objects.filter(pk=official_a.pk).update(position="Голова громади")
    Official.objects.filter(pk=official_b.pk).update(position="Prezydent Miasta")
    official_a.refresh_from_db()
    official_b.refresh_from_db()
    agree_both()
    sign_for(official_a, "Ізюм")
    sign_for(official_b, "Grudziądz")
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memorandum.pk]))
    assert response["Content-Disposition"].endswith(f"memorandum-{memorandum.pk}-signed.pdf")
    text = " ".join(pdf_text(response.content, tmp_path).split())
    assert "ОСТАТОЧНИЙ ПІДПИСАНИЙ ТЕКСТ / OSTATECZNY PODPISANY TEKST" in text
    assert "Версія" not in text and "Wersja" not in text and "PROJEKT" not in text
    assert "Ізюм, 12.03.2027" in text and "Grudziądz, 12.03.2027" in text
    assert "Голова громади" in text and "Prezydent Miasta" in text
    assert "Місце та дата підписання / Miejsce i data podpisania" in text
