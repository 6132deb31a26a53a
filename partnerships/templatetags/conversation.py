"""{% request_conversation cooperation_request %}: the thread and its form, on the
request's page and on the memorandum's (it carries on into the memorandum)."""

from django import template

from core.notifications.service import mark_read_about
from partnerships.models import CooperationRequest, Message
from partnerships.notifications import conversation_key
from partnerships.services.conversation import closed_reason, thread_read_up_to
from partnerships.views.conversation import new_form
from partnerships.views.requests import describe_actors

register = template.Library()


@register.inclusion_tag("partnerships/conversation.html", takes_context=True)
def request_conversation(context, cooperation_request: CooperationRequest) -> dict:
    """Shown to whoever may see the request (the page checked it): messages oldest
    first, those new to this reader marked; reading the page marks them read. A fixed
    number of queries, however long the thread."""
    request = context["request"]
    user = request.user
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
    who = describe_actors(cooperation_request, [m.author for m in thread if m.author], viewer=user)
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "cooperation_request": cooperation_request,
        "thread": [
            (
                message,
                who.get(message.author_id, ""),
                message.pk > read_before and message.author_id != user.pk,
            )
            for message in thread
        ],
        "closed": closed,
        "form": None if closed else new_form(),
        "can_hide": user.is_staff,
        "next": request.get_full_path(),
    }
