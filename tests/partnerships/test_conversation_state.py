"""A conversation is written in while its request is open or accepted (it carries on into
the memorandum), and read but not written once the request is declined or withdrawn."""

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

from partnerships.models import Message
from partnerships.services.conversation import ConversationClosed, message_post
from partnerships.services.requests import request_decline, request_withdraw
from tests.factories import CooperationRequestFactory
from tests.partnerships.conversations import make_message as _message
from tests.partnerships.conversations import post_message as _post


def _close(cooperation_request, how: str, official_a, official_b):
    if how == "declined":
        request_decline(cooperation_request=cooperation_request, user=official_b.user)
    else:
        request_withdraw(cooperation_request=cooperation_request, user=official_a.user)


CLOSED_REASON = {
    "declined": "The request was declined, so its conversation is closed",
    "withdrawn": "The request was withdrawn, so its conversation is closed",
}


@pytest.mark.parametrize("how", ["declined", "withdrawn"])
@pytest.mark.parametrize("role", ["official_a", "official_b", "staff"])
def test_a_declined_or_withdrawn_request_conversation_is_read_but_not_written(
    role_client, open_request, official_a, official_b, how, role
):
    _message(open_request, official_a.user, body="Перед відмовою")
    _close(open_request, how, official_a, official_b)
    client = role_client(role)
    with translation.override("en"):
        page = client.get(open_request.get_absolute_url())
        create = reverse("partnerships:message-create", kwargs={"pk": open_request.pk})
        response = _post(client, open_request, body=f"після, від {role}")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Перед відмовою" in body
    assert CLOSED_REASON[how] in body
    assert f'action="{create}"' not in body

    assert response.status_code == 409
    assert CLOSED_REASON[how] in response.content.decode()
    assert 'name="body"' not in response.content.decode()
    assert not Message.objects.filter(body=f"після, від {role}").exists()


def test_a_request_declined_while_the_message_was_written_refuses_it(
    open_request, official_a, official_b
):
    stale = CooperationRequestFactory._meta.model.objects.get(pk=open_request.pk)
    request_decline(cooperation_request=open_request, user=official_b.user)
    with pytest.raises(ConversationClosed):
        message_post(
            cooperation_request=stale,
            author=official_a.user,
            body="Запізно",
            attachment=None,
            submit_key=uuid.uuid4(),
        )
    assert not Message.objects.filter(body="Запізно").exists()


@pytest.mark.parametrize("role", ["official_a", "official_b", "staff"])
def test_an_accepted_request_conversation_stays_open_on_both_pages(role_client, memorandum, role):
    client = role_client(role)
    create = reverse("partnerships:message-create", kwargs={"pk": memorandum.request.pk})
    # The request's page has the form; the memorandum's links to it (its summary).
    assert (
        f'action="{create}"' in client.get(memorandum.request.get_absolute_url()).content.decode()
    )
    thread = f'href="{memorandum.request.get_absolute_url()}#conversation"'
    assert thread in client.get(memorandum.get_absolute_url()).content.decode()
    assert _post(client, memorandum.request, body=f"далі, від {role}").status_code == 302
    assert Message.objects.filter(body=f"далі, від {role}").exists()


def test_a_message_sent_again_after_the_decline_is_the_one_sent_before(
    client, open_request, official_a, official_b
):
    """The first send went in before the decline; the browser sends the form again."""
    client.force_login(official_a.user)
    key = str(uuid.uuid4())
    assert _post(client, open_request, body="Надіслано раз", submit_key=key).status_code == 302
    request_decline(cooperation_request=open_request, user=official_b.user)
    assert _post(client, open_request, body="Надіслано раз", submit_key=key).status_code == 302
    assert Message.objects.filter(body="Надіслано раз").count() == 1
    # A new message is refused.
    assert _post(client, open_request, body="Нове").status_code == 409
