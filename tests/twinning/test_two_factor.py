"""Staff reach the admin only with two-factor sign-in (an authenticator app) set up."""

import time

import pytest
from django.urls import reverse

from tests.fresh import python_output

PASSWORD = "the-staff-pass-phrase-77"


def current_code(secret: str) -> str:
    """What the staff member's authenticator app shows now."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def staff(db):
    from tests.factories import VerifiedUserFactory

    return VerifiedUserFactory(is_staff=True, is_superuser=True, password=PASSWORD)


def sign_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_staff_without_an_authenticator_are_sent_to_set_one_up_then_reach_the_admin(
    client, staff, settings
):
    from allauth.mfa.models import Authenticator

    settings.STAFF_MFA_REQUIRED = True
    sign_in(client, staff)
    admin = reverse("admin:index")
    response = client.get(admin)
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))

    activate = response.url
    # allauth asks for the password again before a new authenticator is added.
    confirm = client.get(activate)
    assert confirm.url.startswith(reverse("account_reauthenticate"))
    assert client.post(confirm.url, {"password": PASSWORD}).status_code == 302
    page = client.get(activate)
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    activated = client.post(activate, {"code": current_code(secret)})
    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    assert client.get(admin).status_code == 200


def test_staff_with_an_authenticator_sign_in_with_a_code(client, staff, settings):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    settings.STAFF_MFA_REQUIRED = True
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)

    response = sign_in(client, staff)
    # The password alone does not sign in: the code is asked for next.
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.get(reverse("admin:index")).status_code == 200


def test_two_factor_is_not_asked_of_other_users_or_outside_the_admin(
    client, plain_user, staff, settings
):
    settings.STAFF_MFA_REQUIRED = True
    client.force_login(plain_user)
    assert client.get(reverse("home")).status_code == 200
    client.force_login(staff)
    # Staff read the public pages as anyone; only the admin asks for the authenticator.
    assert client.get(reverse("home")).status_code == 200


def test_two_factor_for_staff_can_be_turned_off_for_a_first_look(client, staff, settings):
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(staff)
    assert client.get(reverse("admin:index")).status_code == 200


def test_two_factor_for_staff_is_on_by_default_in_production():
    def required(debug: str) -> str:
        code = "import twinning.settings as s; print(s.STAFF_MFA_REQUIRED)"
        env = {"DJANGO_SECRET_KEY": "x", "DJANGO_DEBUG": debug}
        return python_output(code, env, drop=("DJANGO_", "STAFF_")).strip()

    assert (required("false"), required("true")) == ("True", "False")
