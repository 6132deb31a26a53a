"""One account per e-mail address, whatever its case, even for sign-ups at the same moment."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.concurrency import in_parallel, needs_postgresql

PASSWORD = "a-long-pass-phrase-42"


def sign_up(client, email):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_database_refuses_a_second_account_for_the_same_address_in_another_case(db):
    User = get_user_model()
    User.objects.create_user(username="first", email="Olena@Example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(username="second", email="olena@example.ORG")
    # Accounts without an address (a superuser from the command line) are not held back.
    User.objects.create_user(username="no-mail-1", email="")
    User.objects.create_user(username="no-mail-2", email="")
    assert User.objects.count() == 3


def test_signup_in_another_case_gives_no_second_account(client, db):
    assert sign_up(client, "Taras@Example.org").status_code == 302
    response = Client().post(
        reverse("account_signup"),
        {"email": "taras@example.ORG", "password1": PASSWORD, "password2": PASSWORD},
    )
    # Answered like any sign-up (nobody learns the address is taken), no second account.
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact="taras@example.org").count() == 1


def test_double_submit_of_the_signup_form_gives_one_account(client, db):
    first = sign_up(client, "double@example.org")
    second = sign_up(client, "double@example.org")
    assert (first.status_code, second.status_code) == (302, 302)
    assert get_user_model().objects.filter(email__iexact="double@example.org").count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_parallel_signups_for_one_address_give_one_account_and_no_error():
    addresses = ["Race@Example.org", "race@example.org", "RACE@EXAMPLE.ORG", "race@Example.ORG"] * 2

    def submit(address):
        return lambda: sign_up(Client(), address).status_code

    results = in_parallel(*(submit(address) for address in addresses))
    assert results == [302] * len(addresses)
    assert get_user_model().objects.filter(email__iexact="race@example.org").count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_parallel_signups_whose_usernames_collide_all_get_accounts():
    # Same local part, different domains: allauth derives the same username for each.
    addresses = [f"anna@town{n}.example.org" for n in range(6)]

    def submit(address):
        return lambda: sign_up(Client(), address).status_code

    assert in_parallel(*(submit(address) for address in addresses)) == [302] * len(addresses)
    assert get_user_model().objects.filter(email__in=addresses).count() == len(addresses)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"), [("uk", "Портал побратимства"), ("en", "Twinning portal")]
)
def test_account_mails_name_the_portal_in_the_readers_language(
    client, django_capture_on_commit_callbacks, language, name
):
    with translation.override(language):
        url = reverse("account_signup")
    # Account mails are queued once the sign-up commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "email": "new@example.org",
                "password1": "a-long-pass-phrase-42",
                "password2": "a-long-pass-phrase-42",
            },
        )
    body = mail.outbox[0].body
    assert name in body
    assert body.count("Twinning portal") == (2 if language == "en" else 0)
