"""The sign-in backend: allauth's, with the signed-in user read together with their
approved official; signing in and out, and a password change, work as before."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.choices import OfficialStatus
from tests.factories import OfficialFactory

PASSWORD = "correct horse battery staple"
BACKEND = "partnerships.auth.AuthenticationBackend"


@pytest.mark.usefixtures("english")
def test_signing_in_with_the_email_and_out_again(client, plain_user):
    response = client.post(
        reverse("account_login"), {"login": plain_user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == BACKEND
    assert plain_user.email in client.get(reverse("about")).content.decode()
    client.post(reverse("account_logout"))
    assert plain_user.email not in client.get(reverse("about")).content.decode()


def test_a_wrong_password_signs_nobody_in(client, plain_user):
    client.post(reverse("account_login"), {"login": plain_user.email, "password": "wrong"})
    assert BACKEND_SESSION_KEY not in client.session


def test_the_user_and_their_approved_official_are_one_query(client, official_a):
    OfficialFactory(user=official_a.user, status=OfficialStatus.REJECTED)  # history only
    client.force_login(official_a.user)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("partnerships:dashboard"))
    assert page.status_code == 200
    assert page.context["request"].user.pk == official_a.user.pk
    assert not [q for q in queries.captured_queries if 'FROM "partnerships_official"' in q["sql"]]
    # The header links the dashboard: the official was found.
    assert reverse("partnerships:dashboard") in page.content.decode()


def test_a_user_without_an_approved_official_acts_for_no_municipality(client, db):
    pending = OfficialFactory(status=OfficialStatus.APPLIED)
    client.force_login(pending.user)
    page = client.get(reverse("partnerships:dashboard"))
    assert page.templates[0].name == "partnerships/dashboard_pending.html"


def test_a_password_change_signs_out_the_other_sessions(plain_user):
    other = Client()
    other.force_login(plain_user)
    assert other.get(reverse("core:notification-list")).status_code == 200
    plain_user.set_password("another long passphrase 42")
    plain_user.save()
    assert other.get(reverse("core:notification-list")).status_code == 302


def test_a_deactivated_user_is_signed_out(client, plain_user):
    client.force_login(plain_user)
    plain_user.is_active = False
    plain_user.save()
    assert client.get(reverse("core:notification-list")).status_code == 302
