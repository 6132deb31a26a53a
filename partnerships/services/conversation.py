"""The conversation of a request: write, hide, and how far each reader has read.

Who may read and write is decided by the views through the request's own rule
(`permissions.get_request_for_user`): the two sides' officials and staff. Whether the
conversation is still open is decided here (`closed_reason`): a declined or withdrawn
request's conversation is kept for reading, and nobody writes in it any more; an
accepted one carries on into the memorandum.
"""

import uuid

from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.notifications.service import forget_excerpts
from core.submit_once import create_once
from partnerships import notifications
from partnerships.caching import memorandum_changed
from partnerships.choices import RequestStatus
from partnerships.models import CooperationRequest, Message, ThreadReading
from partnerships.permissions import approved_official

CLOSED = {
    RequestStatus.DECLINED: _(
        "The request was declined, so its conversation is closed: "
        "it can still be read, but no new messages can be written."
    ),
    RequestStatus.WITHDRAWN: _(
        "The request was withdrawn, so its conversation is closed: "
        "it can still be read, but no new messages can be written."
    ),
}


class ConversationClosed(Exception):
    """Writing in the conversation of a request that was declined or withdrawn."""


def closed_reason(cooperation_request: CooperationRequest) -> str | None:
    """Why nobody may write in this request's conversation any more, or None if it is open."""
    reason = CLOSED.get(RequestStatus(cooperation_request.status))
    return str(reason) if reason else None


def message_post(
    *,
    cooperation_request: CooperationRequest,
    author,
    body: str,
    attachment: UploadedFile | None,
    attachment_name: str = "",
    submit_key: uuid.UUID,
) -> tuple[Message, bool]:
    """Write a message; (message, created). The same form submitted twice (the same
    submit key) gives the first message back: the unique constraint decides, also
    between two parallel submits. A closed conversation raises ConversationClosed: the
    request's row is locked and read again, so a decline at the same moment is seen."""
    official = approved_official(author)
    sides = {cooperation_request.from_municipality_id, cooperation_request.to_municipality_id}
    side = official.municipality if official and official.municipality_id in sides else None

    def create() -> Message:
        # The request row is locked so that a decline at the same moment is seen.
        current = CooperationRequest.objects.select_for_update().get(pk=cooperation_request.pk)
        if reason := closed_reason(current):
            raise ConversationClosed(reason)
        message = Message.objects.create(
            request=cooperation_request,
            author=author,
            municipality=side,
            body=body,
            attachment=attachment or "",
            attachment_name=attachment_name[:200] if attachment else "",
            attachment_type=(attachment.content_type or "") if attachment else "",
            submit_key=submit_key,
        )
        notifications.notify_message(message)
        return message

    return create_once(Message, create, request=cooperation_request, submit_key=submit_key)


def already_sent(cooperation_request: CooperationRequest, submit_key) -> Message | None:
    """The message a form with this one-time key made, if it was sent before: the view
    answers a form sent again with it, even once the conversation has closed since
    (while it is open, sends at the same moment are decided by the constraint in
    `message_post`)."""
    try:
        key = uuid.UUID(str(submit_key))
    except ValueError:
        return None
    return Message.objects.filter(request=cooperation_request, submit_key=key).first()


def message_set_hidden(*, message: Message, by, hidden: bool) -> Message:
    """Staff hide a message (kept, and shown to staff as hidden) or show it again.
    Hiding also takes its text out of the notifications that quoted it (showing it
    again does not put it back)."""
    with transaction.atomic():
        Message.objects.filter(pk=message.pk).update(
            hidden_at=timezone.now() if hidden else None, hidden_by=by if hidden else None
        )
        if hidden:
            forget_excerpts(notifications.conversation_key(message.request), f"#{message.anchor}")
        memorandum_changed(message.request_id)
    message.refresh_from_db()
    return message


def thread_read_up_to(*, cooperation_request: CooperationRequest, user, newest: int) -> int:
    """Mark the conversation read up to message `newest` for this reader; returns the id
    they had read up to before (messages after it are new to them). One query when
    nothing is new, two otherwise."""
    reading = ThreadReading.objects.filter(request=cooperation_request, user=user).first()
    before = reading.last_read_id if reading else 0
    if newest > before:
        if reading is None:
            ThreadReading.objects.bulk_create(
                [ThreadReading(request=cooperation_request, user=user, last_read_id=newest)],
                ignore_conflicts=True,
            )
        else:
            # Never backwards: another tab may have read further meanwhile.
            ThreadReading.objects.filter(pk=reading.pk, last_read_id__lt=newest).update(
                last_read_id=newest
            )
        # The memorandum page counts the messages new to this reader.
        memorandum_changed(cooperation_request.pk)
    return before


def conversation_summary(*, request_id: int, user) -> tuple[Message | None, int, int]:
    """(the latest message shown to this reader, how many are shown, how many of them are
    new to the reader: written by someone else after what they have read). One query,
    and one more for the latest when there is one. The page that shows the thread
    itself marks it read; this does not.

    The counts are one statement written out: the memorandum page asks on every
    request, and the ORM's aggregate with a filter and a subquery cost three times
    the rest of the page's queries together to build."""
    message, reading = Message._meta.db_table, ThreadReading._meta.db_table
    shown = "" if user.is_staff else " AND hidden_at IS NULL"
    sql = (
        f"SELECT COUNT(*), MAX(id), COALESCE(SUM(CASE WHEN id > COALESCE((SELECT last_read_id"  # noqa: S608
        f" FROM {reading} WHERE request_id = %s AND user_id = %s), 0)"
        f" AND (author_id IS NULL OR author_id <> %s) THEN 1 ELSE 0 END), 0)"
        f" FROM {message} WHERE request_id = %s{shown}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [request_id, user.pk, user.pk, request_id])
        count, latest_id, new = cursor.fetchone()
    if not count:
        return None, 0, 0
    latest = Message.objects.select_related("author").get(pk=latest_id)
    return latest, count, new
