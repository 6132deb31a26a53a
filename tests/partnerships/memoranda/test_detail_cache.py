"""The memorandum page's main part comes from the cache, and every change of what it
shows is on the next view: agreements, signatures' panel, messages and read marks,
publish flags, a reader's rights."""

import re
import uuid

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from partnerships.choices import OfficialStatus
from partnerships.memoranda.services import memorandum_agree
from partnerships.memoranda.views import CSRF_MARK
from partnerships.models import Official
from partnerships.services.conversation import message_post, message_set_hidden


def _page(client, memorandum) -> str:
    with translation.override("en"):
        response = client.get(memorandum.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("english")
def test_an_agreement_of_the_other_side_shows_on_the_next_view(
    client, memorandum, official_a, official_b
):
    client.force_login(official_a.user)
    _page(client, memorandum)
    assert _page(client, memorandum).count("not agreed yet") == 2  # from the cache
    memorandum_agree(
        memorandum=memorandum,
        municipality=official_b.municipality,
        version=memorandum.version,
        actor=official_b.user,
    )
    assert _page(client, memorandum).count("not agreed yet") == 1


@pytest.mark.usefixtures("english")
def test_messages_hiding_and_reading_show_on_the_next_view(
    client, memorandum, official_a, official_b, staff_user
):
    client.force_login(official_a.user)
    assert "No messages yet." in _page(client, memorandum)
    message, _created = message_post(
        cooperation_request=memorandum.request,
        author=official_b.user,
        body="Надсилаємо правки до розділу 5",
        attachment=None,
        submit_key=uuid.uuid4(),
    )
    page = _page(client, memorandum)
    assert "Надсилаємо правки до розділу 5" in page and "1 new to you" in page
    # Read on the request's page: no longer new here.
    client.get(memorandum.request.get_absolute_url())
    assert "new to you" not in _page(client, memorandum)
    message_set_hidden(message=message, by=staff_user, hidden=True)
    assert "Надсилаємо правки до розділу 5" not in _page(client, memorandum)


@pytest.mark.usefixtures("english")
def test_a_reader_who_loses_their_rights_sees_the_page_as_they_may_now(
    client, memorandum, official_a
):
    client.force_login(official_a.user)
    assert "Agree to version" in _page(client, memorandum)
    Official.objects.filter(pk=official_a.pk).update(status=OfficialStatus.REVOKED)
    with translation.override("en"):
        response = client.get(memorandum.get_absolute_url())
    # A draft is hidden from whoever is no longer a party's official.
    assert response.status_code == 404


@pytest.mark.usefixtures("english")
def test_the_forms_of_a_page_from_the_cache_carry_this_browsers_csrf_token(memorandum, official_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(official_a.user)
    _page(browser, memorandum)
    # The browser's CSRF cookie is gone (cleared, or expired): the page, from the cache,
    # still carries a token of the secret the browser now has.
    browser.cookies.pop(settings.CSRF_COOKIE_NAME)
    page = _page(browser, memorandum)
    assert CSRF_MARK not in page
    agree = reverse("partnerships:memorandum-agree", args=[memorandum.pk])
    # The agree form's own token (the header's sign-out form has one too).
    form = re.search(
        rf'action="{agree}">\s*<input[^>]*name="csrfmiddlewaretoken" value="([^"]+)"', page
    )
    token = form.group(1)
    response = browser.post(agree, {"version": memorandum.version, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert memorandum.agreements.filter(municipality=official_a.municipality).exists()


@pytest.mark.usefixtures("english")
def test_the_versions_name_who_saved_them_without_their_login_e_mail(
    client, memorandum, save_section, official_a, official_b
):
    save_section(uk="Мета друга.", en="Second purpose.")
    for page in (memorandum.get_absolute_url(), f"{memorandum.get_absolute_url()}versions/"):
        client.force_login(official_b.user)
        html = client.get(page).content.decode()
        # (The memorandum's own text names the coordinators' work addresses.)
        assert f'timeline__meta">{official_a.user.email}' not in html
        assert f'timeline__meta">{official_a.position}, {official_a.municipality.name}' in html
