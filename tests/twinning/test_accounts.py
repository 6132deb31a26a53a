"""Accounts as a visitor meets them: allauth pages in the site's layout, sign-in limits
(behind the proxy too), the admin's login through allauth, the flows end to end."""

import pytest
from django.core import mail
from django.urls import reverse


@pytest.fixture(autouse=True)
def _requests_commit(request, client):
    """Account mails are queued when the request's work commits; inside the test's
    transaction nothing commits, so each request of the test client runs the
    on-commit callbacks it registered, as a real request's commit would."""
    if "db" not in request.fixturenames:
        return
    capture = request.getfixturevalue("django_capture_on_commit_callbacks")

    def committing(method):
        def call(*args, **kwargs):
            with capture(execute=True):
                return method(*args, **kwargs)

        return call

    client.get = committing(client.get)
    client.post = committing(client.post)


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
    response = client.get(reverse("admin:login"), {"next": reverse("admin:index")})
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


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


# --- Client addresses behind a proxy -------------------------------------------------------


def _fail_sign_in(client, email, address):
    client.logout()
    client.post(
        reverse("account_login"),
        {"login": email, "password": "wrong"},
        HTTP_X_FORWARDED_FOR=address,
        REMOTE_ADDR="10.0.0.1",  # the proxy
    )


def test_sign_in_limit_per_address_counts_clients_behind_the_proxy(client, db, settings):
    from tests.factories import VerifiedUserFactory

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    user = VerifiedUserFactory(password="the-right-pass-phrase")

    def sign_in(address):
        client.logout()
        client.post(
            reverse("account_login"),
            {"login": user.email, "password": "the-right-pass-phrase"},
            HTTP_X_FORWARDED_FOR=address,
            REMOTE_ADDR="10.0.0.1",
        )
        return client.session.get("_auth_user_id")

    # Nine mistyped accounts from one address within a minute do not lock it out...
    for n in range(9):
        _fail_sign_in(client, f"guess{n}@example.org", "203.0.113.5")
    assert sign_in("203.0.113.5") == str(user.pk)
    # ...the tenth does, even for a right password;
    _fail_sign_in(client, "guess9@example.org", "203.0.113.5")
    assert sign_in("203.0.113.5") is None
    # another visitor behind the same proxy is not affected.
    assert sign_in("198.51.100.7") == str(user.pk)


# --- The account flows end to end ----------------------------------------------------------


def _link(message) -> str:
    """The one portal link in a mail, as a path."""
    import re

    (url,) = re.findall(r"https?://\S+", message.body)
    return "/" + url.split("/", 3)[3]


def _signed_in(client):
    return client.session.get("_auth_user_id")


def test_signup_verification_link_confirms_and_signs_in(client, db):
    from allauth.account.models import EmailAddress

    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-pass-phrase-42",
            "password2": "a-long-pass-phrase-42",
        },
    )
    link = _link(mail.outbox[0])
    assert link.startswith("/uk/accounts/confirm-email/")
    page = client.get(link)
    assert page.status_code == 200  # asks to confirm; a GET changes nothing
    assert not EmailAddress.objects.get(email="new@example.org").verified
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.org").verified
    assert _signed_in(client)
    # A used link does not work twice for someone else.
    client.logout()
    assert client.post(link).status_code == 404
    assert not _signed_in(client)


def test_password_reset_by_mail_link(client, db):
    from tests.factories import VerifiedUserFactory

    user = VerifiedUserFactory(password="the-old-pass-phrase")
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    assert [m.to for m in mail.outbox] == [[user.email]]
    link = _link(mail.outbox[0])
    # The key moves from the URL into the session; the form is on the page redirected to.
    redirect = client.get(link)
    assert redirect.status_code == 302
    set_url = redirect.url
    assert (
        set_url.endswith("-set-password/") and "password1" in client.get(set_url).content.decode()
    )
    response = client.post(
        set_url, {"password1": "a-new-pass-phrase-77", "password2": "a-new-pass-phrase-77"}
    )
    assert response.status_code == 302
    client.logout()
    client.post(reverse("account_login"), {"login": user.email, "password": "the-old-pass-phrase"})
    assert not _signed_in(client)
    client.post(reverse("account_login"), {"login": user.email, "password": "a-new-pass-phrase-77"})
    assert _signed_in(client) == str(user.pk)
    # The link is spent.
    client.logout()
    assert "password1" not in client.get(link, follow=True).content.decode()


def test_password_change_and_sign_out(client, db):
    from tests.factories import VerifiedUserFactory

    user = VerifiedUserFactory(password="the-old-pass-phrase")
    client.force_login(user)
    url = reverse("account_change_password")
    assert client.get(url).status_code == 200
    wrong = client.post(
        url,
        {
            "oldpassword": "not-it",
            "password1": "a-new-pass-phrase-77",
            "password2": "a-new-pass-phrase-77",
        },
    )
    assert wrong.status_code == 200  # refused, form shown again
    response = client.post(
        url,
        {
            "oldpassword": "the-old-pass-phrase",
            "password1": "a-new-pass-phrase-77",
            "password2": "a-new-pass-phrase-77",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-new-pass-phrase-77")
    assert _signed_in(client) == str(user.pk)  # still signed in after the change

    # Signing out: a GET only asks; the POST signs out.
    logout = reverse("account_logout")
    assert client.get(logout).status_code == 200
    assert _signed_in(client)
    response = client.post(logout)
    assert response.status_code == 302
    assert response.url == reverse("home")
    assert not _signed_in(client)
