"""Memoranda: the draft, versions and diffs, conflicts, agreement, signing, PDF, privacy."""

import datetime
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.choices import (
    MemorandumStatus,
    PartnershipKind,
    PartnershipSource,
    RequestEventKind,
    RequestStatus,
)
from partnerships.memoranda.diff import diff_html
from partnerships.memoranda.pdf import memorandum_pdf
from partnerships.memoranda.services import (
    MemorandumConflict,
    MemorandumError,
    memorandum_agree,
    memorandum_open,
    memorandum_save_section,
    memorandum_sign,
)
from partnerships.models import Memorandum, Partnership

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 12)


def _save(world, user, section="purpose", uk="Нова мета.", en="New purpose.", base=None):
    memorandum, _changed = memorandum_save_section(
        memorandum=world.memorandum,
        section=section,
        text_uk=uk,
        text_en=en,
        base_version=base if base is not None else world.memorandum.version,
        actor=user,
    )
    world.memorandum = memorandum
    return memorandum


def _finalise(world):
    m = world.memorandum
    memorandum_agree(memorandum=m, municipality=world.a, version=m.version, actor=world.official_a)
    memorandum_agree(memorandum=m, municipality=world.b, version=m.version, actor=world.official_b)
    m.refresh_from_db()
    return m


# The draft -------------------------------------------------------------------------


def test_memorandum_opens_on_acceptance_prefilled_in_both_languages(memo_world):
    m = memo_world.memorandum
    assert (m.party_a, m.party_b, m.status, m.version) == (
        memo_world.a,
        memo_world.b,
        MemorandumStatus.DRAFT,
        1,
    )
    assert (m.title_uk, m.title_en) == ("Меморандум про побратимство", "Memorandum on Twinning")
    assert "Ізюмська громада (Україна, Область" in m.parties_uk
    assert "Ґрудзьондз (Польща)" in m.parties_uk
    assert "Izium Hromada (Ukraine, Oblast" in m.parties_en
    assert "Grudziadz (Grudziądz) (Poland)" in m.parties_en
    assert sorted(m.areas_uk.splitlines()[1:3]) == ["— Енергетика;", "— Освіта;"]
    assert sorted(m.areas_en.splitlines()[1:3]) == ["— Education;", "— Energy;"]
    # Coordinators: the officials who sent and accepted the request (the request's
    # free-text contact person is not copied into the English column).
    assert "Олена Коваль" not in m.coordination_en
    assert memo_world.official_b.official_records.get().work_email in m.coordination_en
    for field in ("purpose", "forms", "obligations", "duration", "amendment", "final"):
        assert getattr(m, f"{field}_uk") and getattr(m, f"{field}_en")
    first = m.history.get()
    assert (first.version, first.history_user) == (1, memo_world.official_b)


def test_memorandum_open_is_idempotent(memo_world):
    again = memorandum_open(cooperation_request=memo_world.request, actor=memo_world.official_a)
    assert again == memo_world.memorandum
    assert Memorandum.objects.count() == 1
    assert memo_world.memorandum.history.count() == 1


def test_memorandum_open_refuses_a_request_that_is_not_accepted(db):
    from tests.factories import AcceptedRequestFactory

    request = AcceptedRequestFactory(status=RequestStatus.SUBMITTED)
    with pytest.raises(MemorandumError):
        memorandum_open(cooperation_request=request, actor=None)
    assert Memorandum.objects.count() == 0


# Versions and diff -----------------------------------------------------------------


def test_every_save_is_a_new_version_with_author(memo_world):
    _save(memo_world, memo_world.official_a, uk="Мета 2.", en="Purpose 2.")
    _save(memo_world, memo_world.official_b, section="duration", uk="Три роки.", en="Three years.")
    m = memo_world.memorandum
    m.refresh_from_db()
    assert m.version == 3
    history = list(m.history.order_by("version").values_list("version", "history_user"))
    assert history == [
        (1, memo_world.official_b.pk),
        (2, memo_world.official_a.pk),
        (3, memo_world.official_b.pk),
    ]
    assert m.history.get(version=2).purpose_en == "Purpose 2."
    assert m.history.get(version=2).duration_en != "Three years."


def test_saving_unchanged_text_makes_no_version(memo_world):
    m = memo_world.memorandum
    _m, changed = memorandum_save_section(
        memorandum=m,
        section="purpose",
        text_uk=m.purpose_uk,
        text_en=m.purpose_en,
        base_version=1,
        actor=memo_world.official_a,
    )
    assert changed is False
    assert m.history.count() == 1


def test_diff_marks_changed_words_and_escapes_html():
    html = diff_html("Співпраця у сфері освіти.", "Співпраця у сфері <b>енергетики</b>.")
    assert html == ("Співпраця у сфері <del>освіти.</del><ins>&lt;b&gt;енергетики&lt;/b&gt;.</ins>")
    # A short word left between two changes joins them instead of splitting the diff.
    assert diff_html("Мета у громаді.", "Ціль у місті.") == (
        "<del>Мета у громаді.</del><ins>Ціль у місті.</ins>"
    )


def test_compare_page_shows_the_diff_between_any_two_versions(client, memo_world):
    _save(memo_world, memo_world.official_a, uk="Мета друга.", en="Second purpose.")
    _save(memo_world, memo_world.official_b, uk="Мета третя.", en="Third purpose.")
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:memorandum-compare", args=[memo_world.memorandum.pk])
    response = client.get(url, {"old": 1, "new": 3})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<ins>Third purpose.</ins>" in body
    assert "<del>" in body
    bad = client.get(url, {"old": 1, "new": 99})
    assert bad.status_code == 400
    assert 'class="error-summary"' in bad.content.decode()


# Conflict --------------------------------------------------------------------------


def test_saving_on_top_of_a_newer_version_is_refused(memo_world):
    _save(memo_world, memo_world.official_b, uk="Їхня мета.", en="Their purpose.")
    with pytest.raises(MemorandumConflict):
        _save(memo_world, memo_world.official_a, uk="Моя мета.", en="My purpose.", base=1)
    m = Memorandum.objects.get()
    assert (m.version, m.purpose_en) == (2, "Their purpose.")
    assert m.history.count() == 2


def test_conflict_page_keeps_the_typed_text_and_shows_their_change(client, memo_world):
    m = memo_world.memorandum
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    client.force_login(memo_world.official_b)
    client.post(url, {"text_uk": "Їхня мета.", "text_en": "Their purpose.", "base_version": 1})
    client.force_login(memo_world.official_a)
    response = client.post(
        url, {"text_uk": "Моя мета.", "text_en": "My purpose, typed with care.", "base_version": 1}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "My purpose, typed with care." in body  # the user's text is still in the form
    assert "<ins>Their purpose.</ins>" in body  # their change, as a diff
    assert 'name="base_version" value="2"' in body  # a second save goes on top of theirs
    m.refresh_from_db()
    assert (m.version, m.purpose_en) == (2, "Their purpose.")
    # Saving again, now knowingly on top of version 2, works.
    again = client.post(
        url, {"text_uk": "Моя мета.", "text_en": "My purpose, typed with care.", "base_version": 2}
    )
    assert again.status_code == 302
    m.refresh_from_db()
    assert (m.version, m.purpose_en) == (3, "My purpose, typed with care.")


def test_invalid_section_form_keeps_text_and_changes_nothing(client, memo_world):
    m = memo_world.memorandum
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    response = client.post(url, {"text_uk": "", "text_en": "Kept text.", "base_version": 1})
    assert response.status_code == 400
    assert "Kept text." in response.content.decode()
    assert Memorandum.objects.get().version == 1
    assert client.get(
        reverse("partnerships:memorandum-section-edit", args=[m.pk, "nope"])
    ).status_code == (404)


# Agreement -------------------------------------------------------------------------


def test_both_sides_agreeing_to_the_same_version_makes_it_final(memo_world):
    m = _finalise(memo_world)
    assert m.status == MemorandumStatus.FINAL
    assert sorted(m.agreements.values_list("version", flat=True)) == [1, 1]


def test_one_side_agreeing_is_not_final(memo_world):
    m = memo_world.memorandum
    memorandum_agree(
        memorandum=m, municipality=memo_world.a, version=1, actor=memo_world.official_a
    )
    m.refresh_from_db()
    assert m.status == MemorandumStatus.DRAFT


def test_agreeing_to_an_old_version_does_not_finalise(memo_world):
    m = memo_world.memorandum
    memorandum_agree(
        memorandum=m, municipality=memo_world.a, version=1, actor=memo_world.official_a
    )
    _save(memo_world, memo_world.official_b)  # version 2, clears A's agreement
    assert list(m.agreements.all()) == []
    with pytest.raises(MemorandumError):
        memorandum_agree(
            memorandum=m, municipality=memo_world.a, version=1, actor=memo_world.official_a
        )
    memorandum_agree(
        memorandum=m, municipality=memo_world.b, version=2, actor=memo_world.official_b
    )
    m.refresh_from_db()
    assert m.status == MemorandumStatus.DRAFT
    assert list(m.agreements.values_list("municipality", "version")) == [(memo_world.b.pk, 2)]


def test_an_edit_after_final_clears_both_agreements(memo_world):
    _finalise(memo_world)
    m = _save(memo_world, memo_world.official_a, uk="Ще одна зміна.", en="One more change.")
    m.refresh_from_db()
    assert (m.status, m.version, m.agreements.count()) == (MemorandumStatus.DRAFT, 2, 0)


# Signing ---------------------------------------------------------------------------


def test_signing_creates_the_partnership_and_closes_the_request(memo_world):
    m = _finalise(memo_world)
    partnership = memorandum_sign(
        memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=memo_world.official_a
    )
    m.refresh_from_db()
    memo_world.request.refresh_from_db()
    assert (m.status, m.signed_on, m.signed_place, m.partnership) == (
        MemorandumStatus.SIGNED,
        TODAY,
        "Київ",
        partnership,
    )
    assert (partnership.kind, partnership.source, partnership.since) == (
        PartnershipKind.TWINNING,
        PartnershipSource.PORTAL,
        TODAY,
    )
    assert {partnership.municipality_a, partnership.municipality_b} == {memo_world.a, memo_world.b}
    assert memo_world.request.status == RequestStatus.COMPLETED
    assert list(memo_world.request.events.values_list("kind", flat=True)) == [
        RequestEventKind.SIGNED
    ]
    # Signing does not add a text version.
    assert m.history.count() == 1


def test_signing_twice_creates_one_partnership(memo_world):
    m = _finalise(memo_world)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=memo_world.staff)
    with pytest.raises(MemorandumError):
        memorandum_sign(
            memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=memo_world.official_b
        )
    assert Partnership.objects.count() == 1
    assert memo_world.request.events.count() == 1


def test_a_draft_cannot_be_signed(memo_world):
    with pytest.raises(MemorandumError):
        memorandum_sign(
            memorandum=memo_world.memorandum,
            signed_on=TODAY,
            place="Київ",
            scan=None,
            actor=memo_world.official_a,
        )
    assert Partnership.objects.count() == 0
    assert Memorandum.objects.get().status == MemorandumStatus.DRAFT


def test_a_signed_memorandum_can_no_longer_be_edited(memo_world):
    m = _finalise(memo_world)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=memo_world.staff)
    with pytest.raises(MemorandumError):
        _save(memo_world, memo_world.official_a)


def _pdf_bytes(body=b"") -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + body
        + b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n"
        + str(44 + len(body)).encode()
        + b"\n%%EOF\n"
    )


def test_sign_view_accepts_a_pdf_scan(client, memo_world):
    m = _finalise(memo_world)
    client.force_login(memo_world.official_b)
    scan = SimpleUploadedFile("scan.pdf", _pdf_bytes(), content_type="application/pdf")
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[m.pk]),
        {"signed_on": "2025-03-12", "place": "Grudziądz", "scan": scan},
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == MemorandumStatus.SIGNED
    assert m.signed_scan.name.startswith("memoranda/") and m.signed_scan.name.endswith(".pdf")
    download = client.get(reverse("partnerships:memorandum-scan", args=[m.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_real_pdf_passes_the_scan_check(memo_world):
    from partnerships.memoranda.forms import pdf_looks_valid

    real = SimpleUploadedFile("m.pdf", memorandum_pdf(memo_world.memorandum))
    assert pdf_looks_valid(real) is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a pdf at all", "not a readable PDF"),
        (b"%PDF-1.4\n garbage without a trailer", "not a readable PDF"),
        (b"%PDF-1.4\nstartxref\n999999\n%%EOF\n", "not a readable PDF"),
    ],
)
def test_sign_view_refuses_a_scan_that_is_not_a_pdf(client, memo_world, content, message):
    m = _finalise(memo_world)
    client.force_login(memo_world.official_a)
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[m.pk]),
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


def test_sign_view_refuses_a_scan_over_10_mb(client, memo_world, settings):
    m = _finalise(memo_world)
    client.force_login(memo_world.official_a)
    big = _pdf_bytes(b"%" + b"x" * (10 * 1024 * 1024) + b"\n")
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[m.pk]),
        {"signed_on": "2025-03-12", "place": "Київ", "scan": SimpleUploadedFile("s.pdf", big)},
    )
    assert response.status_code == 400
    assert Partnership.objects.count() == 0


def test_sign_view_refuses_a_future_date(client, memo_world):
    m = _finalise(memo_world)
    client.force_login(memo_world.official_a)
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[m.pk]),
        {"signed_on": "2999-01-01", "place": "Київ"},
    )
    assert response.status_code == 400
    assert Partnership.objects.count() == 0


# PDF -------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_pdf_is_valid_and_names_both_parties_in_both_languages(client, memo_world, tmp_path):
    client.force_login(memo_world.official_a)
    response = client.get(reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    path = tmp_path / "m.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for name in ("Ізюмська громада", "Izium Hromada", "Ґрудзьондз", "Grudziadz"):
        assert name in text
    assert "Меморандум про побратимство" in text and "Memorandum on Twinning" in text
    assert "Сторінка 1 з" in text and "Page 1 of" in text


def test_pdf_of_an_old_version_prints_that_version(client, memo_world):
    _save(memo_world, memo_world.official_a, uk="Друга мета.", en="Second purpose.")
    client.force_login(memo_world.official_b)
    url = reverse("partnerships:memorandum-pdf", args=[memo_world.memorandum.pk])
    response = client.get(url, {"version": 1})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f"memorandum-{memo_world.memorandum.pk}-v1.pdf")
    assert client.get(url, {"version": "x"}).status_code == 400
    assert client.get(url, {"version": 7}).status_code == 404


# Privacy and profiles --------------------------------------------------------------


def _sign(world):
    m = _finalise(world)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=world.staff)
    m.refresh_from_db()
    return m


def test_signed_memorandum_shows_on_both_profiles_but_text_stays_private(client, memo_world):
    m = _sign(memo_world)
    for municipality in (memo_world.a, memo_world.b):
        body = client.get(municipality.get_absolute_url()).content.decode()
        assert "Меморандум підписано 12.03.2027" in body or "Memorandum signed on 12.03.2027" in (
            body
        )
        assert m.get_absolute_url() not in body
    assert client.get(m.get_absolute_url()).status_code == 302  # anonymous: sign in
    client.force_login(memo_world.user)
    assert client.get(m.get_absolute_url()).status_code == 404


def test_text_is_public_only_when_both_sides_publish(client, memo_world):
    m = _sign(memo_world)
    url = reverse("partnerships:memorandum-publish", args=[m.pk])
    client.force_login(memo_world.official_a)
    client.post(url, {"published": "on"})
    client.logout()
    assert client.get(m.get_absolute_url()).status_code == 302
    client.force_login(memo_world.official_b)
    client.post(url, {"published": "on"})
    client.logout()
    m.refresh_from_db()
    assert (m.published_a, m.published_b) == (True, True)
    response = client.get(m.get_absolute_url())
    assert response.status_code == 200
    assert "Izium Hromada" in response.content.decode() or "Ізюмська" in response.content.decode()
    assert client.get(reverse("partnerships:memorandum-pdf", args=[m.pk])).status_code == 200
    # Drafts and the version history stay private.
    assert client.get(reverse("partnerships:memorandum-version", args=[m.pk, 1])).status_code == 302
    profile = client.get(memo_world.a.get_absolute_url()).content.decode()
    assert m.get_absolute_url() in profile


# Query counts ----------------------------------------------------------------------


@pytest.mark.parametrize("extra_versions", [0, 4])
def test_memorandum_detail_query_count_is_flat(
    client, memo_world, django_assert_max_num_queries, extra_versions
):
    for n in range(extra_versions):
        _save(memo_world, memo_world.official_a, uk=f"Мета {n}.", en=f"Purpose {n}.")
    memorandum_agree(
        memorandum=memo_world.memorandum,
        municipality=memo_world.a,
        version=memo_world.memorandum.version,
        actor=memo_world.official_a,
    )
    client.force_login(memo_world.official_a)
    with django_assert_max_num_queries(9):
        response = client.get(memo_world.memorandum.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("extra_versions", [0, 4])
def test_compare_and_list_query_counts_are_flat(
    client, memo_world, django_assert_max_num_queries, extra_versions
):
    for n in range(extra_versions + 1):
        _save(memo_world, memo_world.official_b, uk=f"Мета {n}.", en=f"Purpose {n}.")
    client.force_login(memo_world.official_b)
    with django_assert_max_num_queries(8):
        assert (
            client.get(
                reverse("partnerships:memorandum-compare", args=[memo_world.memorandum.pk])
            ).status_code
            == 200
        )
    with django_assert_max_num_queries(6):
        assert client.get(reverse("partnerships:memorandum-list")).status_code == 200


def test_admin_lists_memoranda_with_state_and_history(client, memo_world):
    from tests.factories import UserFactory

    _save(memo_world, memo_world.official_a, uk="Мета 2.", en="Purpose 2.")
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    pk = memo_world.memorandum.pk
    changelist = client.get(reverse("admin:partnerships_memorandum_changelist"))
    assert changelist.status_code == 200
    assert "Memorandum on Twinning" in changelist.content.decode()
    assert client.get(reverse("admin:partnerships_memorandum_change", args=[pk])).status_code == 200
    history = client.get(reverse("admin:partnerships_memorandum_history", args=[pk]))
    assert history.status_code == 200
