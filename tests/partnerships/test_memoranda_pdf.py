"""The memorandum PDF: the version asked for, layout inside the page, the draft mark, caching."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse

from partnerships.memoranda.services import (
    memorandum_agree,
    memorandum_save_section,
    memorandum_sign,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 12)
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"
)


def _save(world, section="purpose", uk="Нова мета.", en="New purpose."):
    world.memorandum, _changed = memorandum_save_section(
        memorandum=world.memorandum,
        section=section,
        text_uk=uk,
        text_en=en,
        base_version=world.memorandum.version,
        actor=world.official_a,
    )
    return world.memorandum


def _finalise(world):
    m = world.memorandum
    memorandum_agree(memorandum=m, municipality=world.a, version=m.version, actor=world.official_a)
    memorandum_agree(memorandum=m, municipality=world.b, version=m.version, actor=world.official_b)
    m.refresh_from_db()
    return m


def _sign(world):
    m = _finalise(world)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=world.staff)
    m.refresh_from_db()
    return m


def _pdf_text(content: bytes, tmp_path, *args) -> str:
    path = tmp_path / "m.pdf"
    path.write_bytes(content)
    return subprocess.run(  # noqa: S603
        ["pdftotext", *args, str(path), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.parametrize(
    ("raw", "status"),
    [("²", 400), ("١", 400), ("1.0", 400), ("-1", 400), ("9" * 30, 400), ("0", 404)],
)
def test_pdf_version_must_be_plain_ascii_digits(client, memo_world, raw, status):
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk])
    response = client.get(url, {"version": raw})
    assert response.status_code == status


def _words(content: bytes, tmp_path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, word) of every word pdftotext finds, and the page width."""
    import re

    html = _pdf_text(content, tmp_path, "-bbox")
    return [
        (float(x_min), float(x_max), word)
        for x_min, x_max, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]


@needs_poppler
def test_pdf_keeps_a_400_character_url_inside_its_column(client, memo_world, tmp_path):
    url_text = "https://example.org/" + "verylongpath" * 32 + "/end"
    assert len(url_text) > 400
    _save(memo_world, uk=f"Дивіться {url_text} щодо деталей.", en=f"See {url_text} for details.")
    client.force_login(memo_world.official_a)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk]))
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
def test_pdf_does_not_hyphenate_e_mail_addresses_in_the_contacts(client, memo_world, tmp_path):
    address = "international.cooperation.department@grudziadzmunicipality.example.org"
    _save(
        memo_world,
        section="coordination",
        uk=f"Координатори: {address}, {address}.",
        en=f"Coordinators: {address}, {address}.",
    )
    client.force_login(memo_world.official_a)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk]))
    text = _pdf_text(response.content, tmp_path)
    contacts = text.split("Координатори:")[1].split("Duration")[0]
    # Broken across lines where it must, but no hyphen (U+2010) is ever added.
    assert "\u2010" not in contacts
    assert contacts.replace("\n", "").count(address) == 4


@needs_poppler
def test_pdf_marks_every_version_but_the_agreed_current_one_as_draft(client, memo_world, tmp_path):
    _save(memo_world, uk="Друга мета.", en="Second purpose.")  # version 2
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk])

    def marked(**params) -> bool:
        response = client.get(url, params)
        assert response.status_code == 200
        return "ПРОЄКТ / DRAFT" in _pdf_text(response.content, tmp_path)

    assert (marked(), marked(version=1)) == (True, True)  # a draft
    _finalise(memo_world)
    assert (marked(), marked(version=2), marked(version=1)) == (False, False, True)
    _sign(memo_world)
    assert (marked(), marked(version=2), marked(version=1)) == (False, False, True)


def test_pdf_is_rendered_once_per_version_and_state(client, memo_world, monkeypatch):
    import weasyprint

    renders = []
    real_html = weasyprint.HTML

    def counting_html(*args, **kwargs):
        renders.append(1)
        return real_html(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "HTML", counting_html)
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk])
    first = client.get(url).content
    client.force_login(memo_world.official_b)
    again = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content  # another reader, language
    assert (len(renders), again) == (1, first)
    _save(memo_world, uk="Друга мета.", en="Second purpose.")
    second = client.get(url).content
    assert len(renders) == 2 and second != first
    _finalise(memo_world)  # the same text, now without the draft mark
    assert client.get(url).content != second
    assert len(renders) == 3
    _sign(memo_world)  # the place and date of signing are printed
    client.get(url)
    client.get(url)
    assert len(renders) == 4
