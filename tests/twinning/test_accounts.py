"""Accounts: allauth pages in the site's layout, throttled admin login, the header."""

import pytest
from django.core import mail
from django.urls import reverse


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
@pytest.mark.parametrize("language", ["uk", "en"])
def test_account_pages_use_site_layout(client, db, name, language):
    from django.utils import translation

    with translation.override(language):
        url = reverse(name)
    response = client.get(url)
    assert response.status_code == 200
    assert "base.html" in [t.name for t in response.templates]
    assert f'<html lang="{language}">' in response.content.decode()


def test_signup_sends_verification_mail_and_requires_it(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
        },
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    # Not verified: signing in is refused until the link is followed.
    client.logout()
    client.post(
        reverse("account_login"), {"login": "new@example.org", "password": "a-long-pass-phrase-42"}
    )
    assert "_auth_user_id" not in client.session


def test_admin_login_goes_through_allauth(client, db):
    response = client.get("/uk/admin/login/?next=/uk/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_header_links_dashboard_for_officials_only(
    client, official_a, plain_user, django_assert_max_num_queries
):
    client.force_login(official_a.user)
    assert reverse("partnerships:dashboard") in client.get("/uk/").content.decode()
    client.force_login(plain_user)
    assert reverse("partnerships:dashboard") not in client.get("/uk/").content.decode()


def test_sign_in_is_throttled_after_five_failures(client, db):
    from tests.factories import VerifiedUserFactory

    user = VerifiedUserFactory(password="the-right-pass-phrase")
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": user.email, "password": "wrong"})
        assert "_auth_user_id" not in client.session
    response = client.post(url, {"login": user.email, "password": "the-right-pass-phrase"})
    # Even the right password waits now: the sixth attempt inside five minutes is refused.
    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 429}
