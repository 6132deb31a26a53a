"""The memorandum's generated text: parties, areas, coordinators, obligations, numbering."""

import pytest
from django.urls import reverse

from partnerships.choices import MemorandumStatus
from partnerships.memoranda.services import memorandum_open
from partnerships.models import Memorandum
from tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def _memorandum_between(a, b, *, sender=None, accepter=None) -> Memorandum:
    from tests.factories import AcceptedRequestFactory

    request = AcceptedRequestFactory(
        from_municipality=a,
        to_municipality=b,
        created_by=sender,
        contact_person="Олена Коваль, радниця з міжнародних зв'язків",
    )
    memorandum_open(cooperation_request=request, actor=accepter)
    return Memorandum.objects.get(request=request)


# The text a memorandum opens with --------------------------------------------------


def test_initial_text_prefills_every_section_in_both_languages(
    memorandum, municipality_a, municipality_b, official_b
):
    m = memorandum
    assert (m.party_a, m.party_b, m.status, m.version) == (
        municipality_a,
        municipality_b,
        MemorandumStatus.DRAFT,
        1,
    )
    # B is in Poland: the second language is Polish, B named in its own language.
    assert m.language == "pl"
    assert (m.title_uk, m.title_other) == (
        "Меморандум про побратимство",
        "Memorandum o partnerstwie miast",
    )
    assert "Ізюмська громада (Україна, Область" in m.parties_uk
    assert "Ґрудзьондз (Польща)" in m.parties_uk
    assert "Izium Hromada (Ukraina, Oblast" in m.parties_other
    assert "Grudziądz (Polska)" in m.parties_other
    assert sorted(m.areas_uk.splitlines()[1:3]) == ["— Енергетика;", "— Освіта;"]
    assert sorted(m.areas_other.splitlines()[1:3]) == ["— Education;", "— Energy;"]
    # Coordinators: the officials who sent and accepted the request (the request's
    # free-text contact person is not copied into the Polish column).
    assert "Олена Коваль" not in m.coordination_other
    assert official_b.user.official_records.get().work_email in m.coordination_other
    for field in ("purpose", "forms", "obligations", "duration", "amendment", "final"):
        assert getattr(m, f"{field}_uk") and getattr(m, f"{field}_other")
    first = m.history.get()
    assert (first.version, first.history_user) == (1, official_b.user)


def test_initial_text_names_coordinators_by_name_never_by_username(db):
    from tests.factories import (
        ForeignMunicipalityFactory,
        MunicipalityFactory,
        OfficialFactory,
        UserFactory,
    )

    a = MunicipalityFactory(name_uk="Ізюмська громада", name_en="Izium Hromada")
    # In a country whose language the portal does not offer: the second language is English.
    b = ForeignMunicipalityFactory(
        name_uk="Ґрудзьондз", name_en="Grudziadz", email="b@example.org", country="CZ"
    )
    sender = OfficialFactory(
        municipality=a,
        user=UserFactory(username="olena_k", first_name="Олена", last_name="Коваль"),
        position="радниця з міжнародних зв'язків",
        work_email="olena@izium.example.org",
        phone="+380 57 000 00 00",
    )
    accepter = OfficialFactory(
        municipality=b,
        user=UserFactory(username="jnowak"),
        position="Secretary",
        work_email="secretary@grudziadz.example.org",
    )
    m = _memorandum_between(a, b, sender=sender.user, accepter=accepter.user)
    assert m.coordination_uk.splitlines()[1:3] == [
        "— Сторона 1 — Ізюмська громада: Олена Коваль, радниця з міжнародних зв'язків, "
        "olena@izium.example.org, +380 57 000 00 00;",
        "— Сторона 2 — Ґрудзьондз: буде визначено; Secretary, secretary@grudziadz.example.org.",
    ]
    assert m.coordination_other.splitlines()[1:3] == [
        "— Party 1 — Izium Hromada: Олена Коваль, радниця з міжнародних зв'язків, "
        "olena@izium.example.org, +380 57 000 00 00;",
        "— Party 2 — Grudziadz: to be designated; Secretary, secretary@grudziadz.example.org.",
    ]
    for text in (m.coordination_uk, m.coordination_other):
        assert "olena_k" not in text and "jnowak" not in text


def test_initial_text_without_an_official_leaves_coordinators_to_be_designated(db):
    from tests.factories import ForeignMunicipalityFactory, MunicipalityFactory

    a = MunicipalityFactory(name_uk="Ізюмська громада", name_en="Izium Hromada", email="")
    b = ForeignMunicipalityFactory(name_en="Grudziadz", email="b@example.org", country="CZ")
    m = _memorandum_between(a, b)
    assert "Олена Коваль" not in m.coordination_other  # the request's free text is not copied
    assert m.coordination_other.splitlines()[1:3] == [
        "— Party 1 — Izium Hromada: to be designated;",
        "— Party 2 — Grudziadz: to be designated; b@example.org.",
    ]
    assert m.coordination_uk.splitlines()[1] == "— Сторона 1 — Ізюмська громада: буде визначено;"


def test_initial_text_obligations_name_each_party_then_both(memorandum):
    m = memorandum
    uk, en = m.obligations_uk.splitlines(), m.obligations_other.splitlines()
    assert [line for line in uk if line[:1].isdigit()] == [
        "5.1. Сторона 1 (Ізюмська громада) зобов'язується:",
        "5.2. Сторона 2 (Ґрудзьондз) зобов'язується:",
        "5.3. Обидві Сторони:",
    ]
    assert [line for line in en if line[:1].isdigit()] == [
        "5.1. Strona 1 (Izium Hromada) zobowiązuje się:",
        "5.2. Strona 2 (Grudziądz) zobowiązuje się:",
        "5.3. Obie Strony:",
    ]
    assert "przekazać Stronie 2 jego dane kontaktowe" in m.obligations_other
    assert len(uk) == len(en)  # clause by clause in both languages


# Numbering: optional clauses -------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_numbering_leaves_out_an_optional_clause_emptied_in_both_languages(
    client, memorandum, official_a, tmp_path
):
    import shutil

    def edit(section, uk, en):
        url = reverse("partnerships:memorandum-section-edit", args=[memorandum.pk, section])
        memorandum.refresh_from_db()
        return client.post(
            url, {"text_uk": uk, "text_other": en, "base_version": memorandum.version}
        )

    client.force_login(official_a.user)
    assert edit("obligations", "", "").status_code == 302
    m = Memorandum.objects.get()
    assert (m.version, m.obligations_uk, m.obligations_other) == (2, "", "")
    page = client.get(m.get_absolute_url())
    numbers = {s["key"]: s["number"] for s in page.context["sections"]}
    assert numbers == {
        "parties": 1,
        "purpose": 2,
        "areas": 3,
        "forms": 4,
        "obligations": None,
        "coordination": 5,
        "duration": 6,
        "amendment": 7,
        "final": 8,
    }
    assert "Left out of the memorandum" in page.content.decode()
    if shutil.which("pdftotext"):
        pdf = client.get(reverse("partnerships:memorandum-pdf", args=[m.pk])).content
        text = pdf_text(pdf, tmp_path)
        assert "Zobowiązania Stron" not in text
        assert "5. Koordynatorzy i dane kontaktowe" in text and "8. Postanowienia końcowe" in text
        assert "9." not in text
    # Written again, it is back in its place.
    assert edit("obligations", "Нові зобов'язання.", "New obligations.")
    numbers = {s["key"]: s["number"] for s in client.get(m.get_absolute_url()).context["sections"]}
    assert (numbers["obligations"], numbers["final"]) == (5, 9)
