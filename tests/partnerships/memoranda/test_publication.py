"""Publishing a signed memorandum and its scan: who may read the text and the scan."""

import pytest
from django.urls import reverse

from partnerships.memoranda.services import memorandum_set_published
from tests.flash import flash_messages
from tests.pdfs import minimal_pdf

pytestmark = pytest.mark.django_db


# Publication -----------------------------------------------------------------------


def test_memorandum_signed_shows_on_both_profiles_but_text_stays_private(
    client, signed_memorandum, municipality_a, municipality_b, plain_user
):
    m = signed_memorandum
    for municipality in (municipality_a, municipality_b):
        body = client.get(municipality.get_absolute_url()).content.decode()
        assert "Меморандум підписано 12.03.2027" in body or "Memorandum signed on 12.03.2027" in (
            body
        )
        assert m.get_absolute_url() not in body
    assert client.get(m.get_absolute_url()).status_code == 302  # anonymous: sign in
    client.force_login(plain_user)
    assert client.get(m.get_absolute_url()).status_code == 404


@pytest.mark.usefixtures("english")
def test_memorandum_signing_alone_does_not_publish(client, signed_memorandum):
    m = signed_memorandum
    assert (m.published_a, m.published_b, m.is_public) == (False, False, False)
    client.logout()
    assert client.get(m.get_absolute_url()).status_code == 302


def test_memorandum_text_is_public_only_when_both_sides_publish(
    client, signed_memorandum, official_a, official_b, municipality_a
):
    m = signed_memorandum
    url = reverse("partnerships:memorandum-publish", args=[m.pk])
    client.force_login(official_a.user)
    client.post(url, {"published": "on"})
    client.logout()
    assert client.get(m.get_absolute_url()).status_code == 302
    client.force_login(official_b.user)
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
    profile = client.get(municipality_a.get_absolute_url()).content.decode()
    assert m.get_absolute_url() in profile


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize("state", ["draft", "final"])
def test_memorandum_publish_is_refused_before_signing(
    client, memorandum, agree_both, official_a, official_b, state
):
    m = agree_both() if state == "final" else memorandum
    url = reverse("partnerships:memorandum-publish", args=[m.pk])
    for official in (official_a, official_b):
        client.force_login(official.user)
        response = client.post(url, {"published": "on"}, follow=True)
        assert flash_messages(response) == ["Only a signed memorandum can be published."]
        assert 'action="' + url not in response.content.decode()  # no publish form yet
    m.refresh_from_db()
    assert (m.published_a, m.published_b) == (False, False)


# The signed scan -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", "login"),
        ("plain", 404),
        ("official_c", 404),
        ("official_a", 200),
        ("official_b", 200),
        ("staff", 200),
    ],
)
def test_memorandum_scan_is_served_to_the_parties_and_staff_only(
    role_client, signed_with_scan, role, expected
):
    client = role_client(role)
    response = client.get(reverse("partnerships:memorandum-scan", args=[signed_with_scan.pk, "a"]))
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == minimal_pdf()
        assert response["Content-Disposition"].startswith("attachment")


def test_memorandum_scan_is_public_once_both_sides_publish(
    client, signed_with_scan, municipality_a, municipality_b
):
    m = signed_with_scan
    url = reverse("partnerships:memorandum-scan", args=[m.pk, "a"])
    memorandum_set_published(memorandum=m, municipality=municipality_a, published=True)
    assert client.get(url).status_code == 302
    memorandum_set_published(memorandum=m, municipality=municipality_b, published=True)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == minimal_pdf()
