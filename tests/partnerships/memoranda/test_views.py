"""The memorandum's pages: reading it and its versions, editing a section, agreeing,
signing, publishing, the signed scan."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.choices import MemorandumStatus
from partnerships.memoranda.services import memorandum_agree
from partnerships.models import Memorandum
from tests.flash import flash_messages
from tests.pdfs import minimal_pdf

pytestmark = pytest.mark.django_db


# The memorandum page and its versions ----------------------------------------------


@pytest.mark.parametrize("extra_versions", [0, 4])
def test_memorandum_detail_query_count_is_flat(
    client, memorandum, save_section, official_a, django_assert_num_queries, extra_versions
):
    for n in range(extra_versions):
        save_section(uk=f"Мета {n}.", en=f"Purpose {n}.")
    memorandum_agree(
        memorandum=memorandum,
        municipality=official_a.municipality,
        version=memorandum.version,
        actor=official_a.user,
    )
    client.force_login(official_a.user)
    # Cold: the session row (the tests' sessions are in the database), the user with
    # their official, the memorandum with its parties, its agreements, the
    # conversation's counts, the bell's count; the texts, the versions and their authors'
    # roles for the parts rendered once per version. A draft has no signatures to read.
    with django_assert_num_queries(9):
        response = client.get(memorandum.get_absolute_url())
    assert response.status_code == 200
    # Warm: the session row, the user with their official and the memorandum (who may
    # read it, and the state its main part is cached under); the rest from the cache.
    with django_assert_num_queries(3):
        assert client.get(memorandum.get_absolute_url()).status_code == 200


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("saves", [0, 11])
def test_memorandum_detail_sidebar_shows_the_latest_ten_versions_and_links_all(
    client, memorandum, save_section, official_b, django_assert_max_num_queries, saves
):
    for n in range(saves):
        save_section(uk=f"Мета {n}.", en=f"Purpose {n}.")
    m = memorandum
    client.force_login(official_b.user)
    # With the bell's count and the conversation (messages, authors, reading).
    with django_assert_max_num_queries(13):
        response = client.get(m.get_absolute_url())
    shown = [v.version for v, _who in response.context["versions"]]
    assert shown == list(range(m.version, max(m.version - 10, 0), -1))
    all_url = reverse("partnerships:memorandum-versions", args=[m.pk])
    assert f'href="{all_url}"' in response.content.decode()
    with django_assert_max_num_queries(9):  # the bell's count
        full = client.get(all_url)
    assert [v.version for v, _who in full.context["versions"]] == list(range(m.version, 0, -1))
    assert full.context["crumbs"][-1] == ("All versions", "")


@pytest.mark.usefixtures("english")
def test_memorandum_versions_page_is_private(client, memorandum, official_c):
    url = reverse("partnerships:memorandum-versions", args=[memorandum.pk])
    assert client.get(url).status_code == 302
    client.force_login(official_c.user)
    assert client.get(url).status_code == 404


def test_memorandum_compare_shows_the_diff_between_any_two_versions(
    client, memorandum, save_section, official_a, official_b
):
    save_section(uk="Мета друга.", en="Second purpose.")
    save_section(uk="Мета третя.", en="Third purpose.", by=official_b)
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-compare", args=[memorandum.pk])
    response = client.get(url, {"old": 1, "new": 3})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<ins>Third purpose.</ins>" in body
    assert "<del>" in body
    bad = client.get(url, {"old": 1, "new": 99})
    assert bad.status_code == 400
    assert 'class="error-summary"' in bad.content.decode()


@pytest.mark.parametrize("extra_versions", [0, 4])
def test_memorandum_compare_and_list_query_counts_are_flat(
    client, memorandum, save_section, official_b, django_assert_max_num_queries, extra_versions
):
    for n in range(extra_versions + 1):
        save_section(uk=f"Мета {n}.", en=f"Purpose {n}.", by=official_b)
    client.force_login(official_b.user)
    with django_assert_max_num_queries(8):
        compare = reverse("partnerships:memorandum-compare", args=[memorandum.pk])
        assert client.get(compare).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("partnerships:memorandum-list")).status_code == 200


def test_memorandum_list_shows_only_own_memoranda(client, memorandum, official_a, official_c):
    url = reverse("partnerships:memorandum-list")
    assert client.get(url).status_code == 302
    client.force_login(official_c.user)
    assert list(client.get(url).context["memoranda"]) == []
    client.force_login(official_a.user)
    assert list(client.get(url).context["memoranda"]) == [memorandum]


# Editing a section -----------------------------------------------------------------


def test_memorandum_section_edit_conflict_keeps_the_typed_text_and_shows_their_change(
    client, memorandum, official_a, official_b
):
    m = memorandum
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    client.force_login(official_b.user)
    client.post(url, {"text_uk": "Їхня мета.", "text_other": "Their purpose.", "base_version": 1})
    client.force_login(official_a.user)
    response = client.post(
        url,
        {"text_uk": "Моя мета.", "text_other": "My purpose, typed with care.", "base_version": 1},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "My purpose, typed with care." in body  # the user's text is still in the form
    assert "<ins>Their purpose.</ins>" in body  # their change, as a diff
    assert 'name="base_version" value="2"' in body  # a second save goes on top of theirs
    m.refresh_from_db()
    assert (m.version, m.purpose_other) == (2, "Their purpose.")
    # Saving again, now knowingly on top of version 2, works.
    again = client.post(
        url,
        {"text_uk": "Моя мета.", "text_other": "My purpose, typed with care.", "base_version": 2},
    )
    assert again.status_code == 302
    m.refresh_from_db()
    assert (m.version, m.purpose_other) == (3, "My purpose, typed with care.")


@pytest.mark.usefixtures("english")
def test_memorandum_section_edit_conflict_names_who_saved_the_newer_version(
    client, memorandum, save_section, official_a, official_b
):
    official_b.user.first_name, official_b.user.last_name = "Jan", "Nowak"
    official_b.user.save()
    save_section(uk="Їхня мета.", en="Their purpose.", by=official_b)
    client.force_login(official_a.user)
    response = client.post(
        reverse("partnerships:memorandum-section-edit", args=[memorandum.pk, "purpose"]),
        {"text_uk": "Моя мета.", "text_other": "My purpose.", "base_version": 1},
    )
    assert response.status_code == 409
    assert response.context["conflict"].startswith(
        "Jan Nowak (Grudziadz) saved version 2 while you were editing."
    )


@pytest.mark.usefixtures("english")
def test_memorandum_section_edit_double_click_is_one_version_and_no_conflict(
    client, memorandum, official_a
):
    m = memorandum
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    client.force_login(official_a.user)
    data = {"text_uk": "Моя мета.", "text_other": "My purpose.", "base_version": 1}
    first = client.post(url, data)
    second = client.post(url, data, follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert second.redirect_chain[0][0].endswith("#section-purpose")
    assert flash_messages(second)[-1] == "Section 2 is saved as version 2."
    m.refresh_from_db()
    assert (m.version, m.purpose_other, m.history.count()) == (2, "My purpose.", 2)


def test_memorandum_section_edit_invalid_form_keeps_text_and_changes_nothing(
    client, memorandum, official_a
):
    m = memorandum
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    response = client.post(url, {"text_uk": "", "text_other": "Kept text.", "base_version": 1})
    assert response.status_code == 400
    assert "Kept text." in response.content.decode()
    assert Memorandum.objects.get().version == 1
    assert client.get(
        reverse("partnerships:memorandum-section-edit", args=[m.pk, "nope"])
    ).status_code == (404)


# Agreeing --------------------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_memorandum_agree_view_to_an_old_version_says_nothing_was_recorded(
    client, memorandum, save_section, official_a, official_b
):
    save_section(by=official_b)  # version 2
    client.force_login(official_a.user)
    response = client.post(
        reverse("partnerships:memorandum-agree", args=[memorandum.pk]),
        {"version": 1},
        follow=True,
    )
    assert flash_messages(response) == [
        "Version 1 is no longer current; read version 2 and agree to it."
    ]
    assert memorandum.agreements.count() == 0


# Signing ---------------------------------------------------------------------------


def _sign_data(version, **extra):
    return {
        "version": version,
        "signed_on": "2025-03-12",
        "place": "Grudziądz",
        "signatory_name": "Jan Nowak",
        "signatory_position": "Prezydent Miasta",
        **extra,
    }


@pytest.mark.usefixtures("english")
def test_memorandum_sign_view_records_one_side_then_the_other_completes_it(
    client, final_memorandum, official_a, official_b
):
    m = final_memorandum
    url = reverse("partnerships:memorandum-sign", args=[m.pk])
    client.force_login(official_b.user)
    form = client.get(url)
    assert form.status_code == 200
    scan = SimpleUploadedFile("scan.pdf", minimal_pdf(), content_type="application/pdf")
    response = client.post(url, _sign_data(m.version, scan=scan), follow=True)
    assert flash_messages(response) == [
        "Your signature is recorded. The memorandum is signed once the other side signs too."
    ]
    m.refresh_from_db()
    assert m.status == MemorandumStatus.FINAL
    signature = m.signatures.get()
    assert signature.scan.name.startswith("memoranda/") and signature.scan.name.endswith(".pdf")
    download = client.get(reverse("partnerships:memorandum-scan", args=[m.pk, "b"]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert client.get(reverse("partnerships:memorandum-scan", args=[m.pk, "a"])).status_code == 404
    # B cannot sign twice; the form is not even offered again.
    assert flash_messages(client.get(url, follow=True)) == [
        "Your side has already signed this memorandum."
    ]
    client.force_login(official_a.user)
    response = client.post(url, _sign_data(m.version, place="Ізюм"), follow=True)
    assert flash_messages(response) == [
        "Both sides have signed: the memorandum is in force and the partnership is on both "
        "profiles."
    ]
    m.refresh_from_db()
    assert m.status == MemorandumStatus.SIGNED and m.partnership is not None


@pytest.mark.usefixtures("english")
def test_memorandum_sign_view_refuses_a_version_other_than_the_agreed_one(
    client, final_memorandum, official_a
):
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-sign", args=[final_memorandum.pk])
    response = client.post(url, _sign_data(final_memorandum.version + 1), follow=True)
    assert response.redirect_chain[-1][1] == 302
    assert flash_messages(response) == [
        "You are signing version 2, but the version both sides agreed to is 1. "
        "Read version 1 and sign that one."
    ]
    assert final_memorandum.signatures.count() == 0


def test_memorandum_sign_view_wants_the_signatory(client, final_memorandum, official_a):
    client.force_login(official_a.user)
    url = reverse("partnerships:memorandum-sign", args=[final_memorandum.pk])
    response = client.post(url, _sign_data(1, signatory_name="", signatory_position=""))
    assert response.status_code == 400
    assert final_memorandum.signatures.count() == 0


# The rendered sections are cached per version ------------------------------------------

SECTIONS_TEMPLATE = "partnerships/memorandum_sections.html"


def test_memorandum_sections_are_rendered_once_per_version_and_again_after_a_save(
    client, memorandum, save_section, official_a
):
    client.force_login(official_a.user)
    url = memorandum.get_absolute_url()
    first = client.get(url)
    assert SECTIONS_TEMPLATE in [t.name for t in first.templates]
    again = client.get(url)
    assert SECTIONS_TEMPLATE not in [t.name for t in again.templates]
    assert again.content.decode().count('class="memo-section"') == first.content.decode().count(
        'class="memo-section"'
    )
    save_section(uk="Зовсім нова мета.", en="A wholly new purpose.")
    saved = client.get(url).content.decode()
    assert "A wholly new purpose." in saved
    assert "Зовсім нова мета." in saved


def test_memorandum_sections_cached_for_a_party_show_no_edit_links_to_staff(
    client, memorandum, official_a, staff_user
):
    edit = reverse("partnerships:memorandum-section-edit", args=[memorandum.pk, "purpose"])
    client.force_login(official_a.user)
    assert f'href="{edit}"' in client.get(memorandum.get_absolute_url()).content.decode()
    client.force_login(staff_user)
    assert f'href="{edit}"' not in client.get(memorandum.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("english")
def test_memorandum_timeline_and_agreements_follow_each_save_and_agreement(
    client, memorandum, save_section, official_a, official_b
):
    client.force_login(official_b.user)
    url = memorandum.get_absolute_url()
    version_link = reverse("partnerships:memorandum-version", args=[memorandum.pk, 2])
    page = client.get(url).content.decode()
    assert f'href="{version_link}"' not in page
    assert "not agreed yet" in page
    save_section(uk="Мета друга.", en="Second purpose.")
    memorandum_agree(
        memorandum=memorandum,
        municipality=official_a.municipality,
        version=memorandum.version,
        actor=official_a.user,
    )
    page = client.get(url).content.decode()
    # The new version's timeline (cached per version) and the agreement (read live).
    assert f'href="{version_link}"' in page
    assert f"agreed to version {memorandum.version}" in page


def test_memorandum_page_offers_no_edit_once_one_side_has_signed(
    client, final_memorandum, official_a, official_b, sign_for
):
    m = final_memorandum
    sign_for(official_a)
    client.force_login(official_b.user)
    body = client.get(m.get_absolute_url()).content.decode()
    assert reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"]) not in body
    assert reverse("partnerships:memorandum-sign", args=[m.pk]) in body  # B still signs
    client.force_login(official_a.user)
    body = client.get(m.get_absolute_url()).content.decode()
    assert reverse("partnerships:memorandum-sign", args=[m.pk]) not in body  # A has signed
