"""The memorandum PDF: the version asked for, layout inside the page, the draft mark, caching."""

import re

import pytest
from django.urls import reverse

from tests.pdfs import needs_poppler, pdf_text

pytestmark = pytest.mark.django_db


def _words(content: bytes, tmp_path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, word) of every word pdftotext finds."""
    html = pdf_text(content, tmp_path, "-bbox")
    return [
        (float(x_min), float(x_max), word)
        for x_min, x_max, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]


@needs_poppler
def test_memorandum_pdf_is_valid_and_names_both_parties_in_both_languages(
    client, memorandum, official_a, tmp_path
):
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memorandum.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content, tmp_path, "-layout")
    for name in ("Ізюмська громада", "Izium Hromada", "Ґрудзьондз", "Grudziądz"):
        assert name in text
    assert "Меморандум про побратимство" in text and "Memorandum o partnerstwie miast" in text
    assert "Сторінка 1 з" in text and "Str. 1 z" in text


def test_memorandum_pdf_of_an_old_version_prints_that_version(
    client, memorandum, save_section, official_b
):
    save_section(uk="Друга мета.", en="Second purpose.")
    client.force_login(official_b.user)
    url = reverse("partnerships:memorandum-pdf", args=[memorandum.pk])
    response = client.get(url, {"version": 1})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f"memorandum-{memorandum.pk}-v1.pdf")
    assert client.get(url, {"version": "x"}).status_code == 400
    assert client.get(url, {"version": 7}).status_code == 404


@pytest.mark.parametrize(
    ("raw", "status"),
    [("²", 400), ("١", 400), ("1.0", 400), ("-1", 400), ("9" * 30, 400), ("0", 404)],
)
def test_memorandum_pdf_version_must_be_plain_ascii_digits(
    client, memorandum, official_a, raw, status
):
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-pdf", args=[memorandum.pk])
    response = client.get(url, {"version": raw})
    assert response.status_code == status


@needs_poppler
def test_memorandum_pdf_keeps_a_400_character_url_inside_its_column(
    client, memorandum, save_section, official_a, tmp_path
):
    url_text = "https://example.org/" + "verylongpath" * 32 + "/end"
    assert len(url_text) > 400
    save_section(uk=f"Дивіться {url_text} щодо деталей.", en=f"See {url_text} for details.")
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memorandum.pk]))
    words = _words(response.content, tmp_path)
    url_parts = [(x_min, x_max) for x_min, x_max, word in words if "verylong" in word]
    prose = [(x_min, x_max) for x_min, x_max, word in words if "verylong" not in word]
    # Every piece of the URL stays between the edges of the ordinary text, and none
    # crosses from the Ukrainian column into the English one.
    assert min(x for x, _ in url_parts) >= min(x for x, _ in prose) - 1
    assert max(x for _, x in url_parts) <= max(x for _, x in prose) + 1
    column_rule = (20 + (210 - 18 - 20) / 2) / 25.4 * 72  # between the two columns
    assert [(a, b) for a, b in url_parts if a < column_rule < b] == []
    # The URL is all there, broken across lines without hyphens.
    pieces = "".join(word for _a, _b, word in words)
    assert pieces.count("verylongpath") == 64


@needs_poppler
def test_memorandum_pdf_does_not_hyphenate_e_mail_addresses_in_the_contacts(
    client, memorandum, save_section, official_a, tmp_path
):
    address = "international.cooperation.department@grudziadzmunicipality.example.org"
    save_section(
        "coordination",
        uk=f"Координатори: {address}, {address}.",
        en=f"Coordinators: {address}, {address}.",
    )
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memorandum.pk]))
    text = pdf_text(response.content, tmp_path)
    contacts = text.split("Координатори:")[1].split("Okres obowiązywania")[0]
    # Broken across lines where it must, but no hyphen (U+2010) is ever added.
    assert "\u2010" not in contacts
    assert contacts.replace("\n", "").count(address) == 4


@needs_poppler
def test_memorandum_pdf_marks_every_version_but_the_agreed_current_one_as_draft(
    client, memorandum, save_section, agree_both, mark_signed, official_a, tmp_path
):
    save_section(uk="Друга мета.", en="Second purpose.")  # version 2
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-pdf", args=[memorandum.pk])

    def marked(**params) -> bool:
        response = client.get(url, params)
        assert response.status_code == 200
        return "ПРОЄКТ / PROJEKT" in pdf_text(response.content, tmp_path)

    assert (marked(), marked(version=1)) == (True, True)  # a draft
    agree_both()
    assert (marked(), marked(version=2), marked(version=1)) == (False, False, True)
    mark_signed()
    assert (marked(), marked(version=2), marked(version=1)) == (False, False, True)


def test_memorandum_pdf_is_rendered_once_per_version_and_state(
    client, memorandum, save_section, agree_both, mark_signed, official_a, official_b, monkeypatch
):
    import weasyprint

    renders = []
    real_html = weasyprint.HTML

    def counting_html(*args, **kwargs):
        renders.append(1)
        return real_html(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", counting_html)
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-pdf", args=[memorandum.pk])
    first = client.get(url).content
    client.force_login(official_b.user)
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content  # another reader, language
    assert (len(renders), again) == (1, first)
    save_section(uk="Друга мета.", en="Second purpose.")
    second = client.get(url).content
    assert len(renders) == 2 and second != first
    agree_both()  # the same text, now without the draft mark
    assert client.get(url).content != second
    assert len(renders) == 3
    mark_signed()  # the place and date of signing are printed
    client.get(url)
    client.get(url)
    assert len(renders) == 4
