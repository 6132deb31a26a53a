"""The memorandum PDF: the version asked for, layout inside the page, the draft mark, caching."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse

from partnerships.services.memoranda import (
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
