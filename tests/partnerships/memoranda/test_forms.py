"""The memorandum's forms, as their pages show and check them: sections, signing, scans."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import pdf_looks_valid
from partnerships.choices import MemorandumStatus
from partnerships.memoranda.forms import MAX_SECTION_CHARS
from partnerships.memoranda.pdf import memorandum_pdf
from partnerships.memoranda.services import MemorandumError
from partnerships.models import Memorandum, Partnership
from tests.pdfs import minimal_pdf

pytestmark = pytest.mark.django_db


# A section -------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_section_form_counts_a_browser_line_break_as_one_character(client, memorandum, official_a):
    """The browser counts a line break as one character; it sends it as two (\\r\\n)."""
    m = memorandum
    line = "x" * 99
    lines = MAX_SECTION_CHARS // 100  # 200 lines of 99 + "\\n" = exactly the limit
    text = "\r\n".join([line] * lines)
    assert len(text.replace("\r\n", "\n")) == MAX_SECTION_CHARS - 1 < len(text)
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    response = client.post(url, {"text_uk": text, "text_other": "Purpose.", "base_version": 1})
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.purpose_uk == text.replace("\r\n", "\n")
    too_long = client.post(
        url, {"text_uk": text + "xx", "text_other": "Purpose.", "base_version": 2}
    )
    assert too_long.status_code == 400


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("section", "uk", "en", "message"),
    [
        ("purpose", "", "", "This field is required."),
        ("final", "Текст.", "", "This field is required."),
        (
            "amendment",
            "",
            "Only English.",
            "Write this clause in both languages, or empty both to leave it out.",
        ),
    ],
)
def test_section_form_refuses_an_empty_core_section_or_one_language(
    client, memorandum, save_section, official_a, section, uk, en, message
):
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-section-edit", args=[memorandum.pk, section])
    response = client.post(url, {"text_uk": uk, "text_other": en, "base_version": 1})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Memorandum.objects.get().version == 1
    with pytest.raises(MemorandumError):
        save_section(section, uk, en)


# Signing ---------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_sign_form_says_optional_once(client, final_memorandum, official_a):
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-sign", args=[final_memorandum.pk])
    body = client.get(url).content.decode()
    assert (body.count("(optional)"), "Optional." in body) == (1, False)
    assert "signed copy: a PDF file of at most 10 MB." in body


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a pdf at all", "not a readable PDF"),
        (b"%PDF-1.4\n garbage without a trailer", "not a readable PDF"),
        (b"%PDF-1.4\nstartxref\n999999\n%%EOF\n", "not a readable PDF"),
    ],
)
def test_sign_form_refuses_a_scan_that_is_not_a_pdf(
    client, final_memorandum, official_a, content, message
):
    client.force_login(official_a.user)
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[final_memorandum.pk]),
        {
            "signed_on": "2025-03-12",
            "place": "Київ",
            "scan": SimpleUploadedFile("scan.pdf", content, content_type="application/pdf"),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert Memorandum.objects.get().status == MemorandumStatus.FINAL
    assert Partnership.objects.count() == 0
    assert 'value="Київ"' in response.content.decode()


def test_sign_form_refuses_a_scan_over_10_mb(client, final_memorandum, official_a):
    client.force_login(official_a.user)
    big = minimal_pdf(b"%" + b"x" * (10 * 1024 * 1024) + b"\n")
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[final_memorandum.pk]),
        {"signed_on": "2025-03-12", "place": "Київ", "scan": SimpleUploadedFile("s.pdf", big)},
    )
    assert response.status_code == 400
    assert Partnership.objects.count() == 0


def test_sign_form_refuses_a_future_date(client, final_memorandum, official_a):
    client.force_login(official_a.user)
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[final_memorandum.pk]),
        {"signed_on": "2999-01-01", "place": "Київ"},
    )
    assert response.status_code == 400
    assert Partnership.objects.count() == 0


# The scan check --------------------------------------------------------------------


def test_pdf_looks_valid_accepts_a_real_pdf(memorandum):
    real = SimpleUploadedFile("m.pdf", memorandum_pdf(memorandum))
    assert pdf_looks_valid(real) is True
