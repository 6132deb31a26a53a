"""{% request_conversation cooperation_request %}: the thread and its form, on the
request's page; {% memorandum_conversation memorandum %}: the same conversation (it
carries on into the memorandum) on the memorandum's page, as its latest message, the
count of messages and of those new to the reader, and a link to the thread and its
form (the whole thread and the form cost the page as much as the rest of it)."""

from django import template
from django.urls import reverse

from core.notifications.service import mark_read_about
from partnerships.memoranda.models import Memorandum
from partnerships.models import CooperationRequest, Message
from partnerships.notifications import conversation_key
from partnerships.services.conversation import (
    closed_reason,
    conversation_summary,
    thread_read_up_to,
)
from partnerships.views.conversation import new_form
from partnerships.views.requests import describe_actors, sides_of

register = template.Library()


def _shared(context, request_id: int) -> dict:
    """What the thread and the summary's latest message both need: staff's hide buttons."""
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "request_id": request_id,
        "can_hide": request.user.is_staff,
        "next": request.get_full_path(),
    }


@register.inclusion_tag("partnerships/conversation.html", takes_context=True)
def request_conversation(context, cooperation_request: CooperationRequest) -> dict:
    """Shown to whoever may see the request (the page checked it): messages oldest
    first, those new to this reader marked; reading the page marks them read. A fixed
    number of queries, however long the thread."""
    user = context["request"].user
    thread = list(Message.objects.filter(request=cooperation_request).shown_to(user).for_thread())
    newest = max((m.pk for m in thread), default=0)
    read_before = thread_read_up_to(
        cooperation_request=cooperation_request, user=user, newest=newest
    )
    if newest > read_before:
        # Read here: the bell no longer counts these messages.
        mark_read_about(user, conversation_key(cooperation_request))
    # A declined or withdrawn request's conversation is read, not written in.
    closed = closed_reason(cooperation_request)
    who = describe_actors(
        sides_of(cooperation_request), [m.author for m in thread if m.author], viewer=user
    )
    return {
        **_shared(context, cooperation_request.pk),
        "form": None if closed else new_form(),
        "thread": [
            (
                message,
                who.get(message.author_id, ""),
                message.pk > read_before and message.author_id != user.pk,
            )
            for message in thread
        ],
        "closed": closed,
    }


@register.inclusion_tag("partnerships/conversation_summary.html", takes_context=True)
def memorandum_conversation(context, memorandum: Memorandum) -> dict:
    """For whoever may read the memorandum's drafts (the page checked it): one query for
    the counts; when there are messages, one for the latest and one for its author's
    role. The parties are the request's two sides."""
    user = context["request"].user
    latest, count, new = conversation_summary(request_id=memorandum.request_id, user=user)
    who = (
        describe_actors((memorandum.party_a, memorandum.party_b), [latest.author], viewer=user)
        if latest is not None and latest.author
        else {}
    )
    return {
        **_shared(context, memorandum.request_id),
        "latest": latest,
        "who": who.get(latest.author_id, "") if latest is not None and latest.author_id else "",
        "is_new": latest is not None and new > 0 and latest.author_id != user.pk,
        "count": count,
        "new": new,
        "thread_url": reverse("partnerships:request-detail", kwargs={"pk": memorandum.request_id})
        + "#conversation",
    }
