"""Writing in a request's conversation, for the conversation's tests."""

import uuid

from django.urls import reverse

from partnerships.services.conversation import message_post


def post_message(client, cooperation_request, body="Добрий день!", **extra):
    return client.post(
        reverse("partnerships:message-create", kwargs={"pk": cooperation_request.pk}),
        {"body": body, "submit_key": str(uuid.uuid4()), **extra},
    )


def make_message(cooperation_request, author, body="Перше повідомлення"):
    message, _created = message_post(
        cooperation_request=cooperation_request,
        author=author,
        body=body,
        attachment=None,
        submit_key=uuid.uuid4(),
    )
    return message
