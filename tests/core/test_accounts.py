"""allauth adapted to the portal: its mails name the portal in the reader's language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"), [("uk", "Портал побратимства"), ("en", "Twinning portal")]
)
def test_account_mails_name_the_portal_in_the_readers_language(client, language, name):
    with translation.override(language):
        url = reverse("account_signup")
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
