"""The conversation of a request: who reads, writes and hides; links, attachments,
double submits, read state, and its place on the memorandum page."""

import io
import uuid
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.models import Notification, NotificationKind
from partnerships.models import Message
from partnerships.services.conversation import message_post
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import CooperationRequestFactory, OfficialFactory
from tests.partnerships.conversations import make_message as _message
from tests.partnerships.conversations import post_message as _post

ROLES = ["anonymous", "plain", "official_a", "official_b", "official_c", "staff"]


def _pdf() -> bytes:
    head = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"
    xref = len(head)
    return head + b"xref\n0 1\n0000000000 65535 f \ntrailer\n<<>>\nstartxref\n%d\n%%%%EOF\n" % xref


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("role", "reads", "writes"),
    [
        ("anonymous", 302, 302),
        ("plain", 404, 404),
        ("official_a", 200, 302),
        ("official_b", 200, 302),
        ("official_c", 404, 404),
        ("staff", 200, 302),
    ],
)
def test_conversation_is_read_and_written_by_both_sides_and_staff_only(
    role_client, open_request, official_a, role, reads, writes
):
    _message(open_request, official_a.user, body="Секретна розмова")
    client = role_client(role)
    page = client.get(open_request.get_absolute_url())
    assert page.status_code == reads
    assert ("Секретна розмова" in page.content.decode()) is (reads == 200)
    response = _post(client, open_request, body=f"від {role}")
    assert response.status_code == writes
    assert Message.objects.filter(body=f"від {role}").exists() is (reads == 200)


@pytest.mark.parametrize(
    ("role", "status"),
    [("plain", 404), ("official_a", 403), ("official_b", 403), ("official_c", 404), ("staff", 302)],
)
def test_only_staff_hide_a_message_and_it_stays_for_the_audit(
    role_client, open_request, official_a, role, status
):
    message = _message(open_request, official_a.user, body="Образливий текст")
    client = role_client(role)
    response = client.post(
        reverse(
            "partnerships:message-hide", kwargs={"pk": open_request.pk, "message_pk": message.pk}
        ),
        {"hidden": "1"},
    )
    assert response.status_code == status
    message.refresh_from_db()
    assert message.is_hidden is (role == "staff")


def test_a_hidden_message_is_gone_for_the_parties_and_marked_for_staff(
    role_client, open_request, official_a, staff_user
):
    message = _message(open_request, official_a.user, body="Образливий текст")
    message.hidden_at, message.hidden_by = message.created_at, staff_user
    message.save()
    assert (
        "Образливий текст"
        not in role_client("official_b").get(open_request.get_absolute_url()).content.decode()
    )
    staff_page = role_client("staff").get(open_request.get_absolute_url()).content.decode()
    assert "Образливий текст" in staff_page
    assert "post--hidden" in staff_page


def test_message_text_is_escaped_and_links_are_clickable(client, open_request, official_a):
    client.force_login(official_a.user)
    _post(
        client,
        open_request,
        body="<script>alert(1)</script> https://example.org/plan javascript:alert(2)",
    )
    page = client.get(open_request.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<a href="https://example.org/plan" rel="nofollow">' in page
    assert 'href="javascript:' not in page


def test_a_double_submit_makes_one_message(client, open_request, official_a):
    client.force_login(official_a.user)
    data = {"body": "Один раз", "submit_key": str(uuid.uuid4())}
    url = reverse("partnerships:message-create", kwargs={"pk": open_request.pk})
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Message.objects.filter(body="Один раз").count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_parallel_submits_of_one_form_make_one_message():
    cooperation_request = CooperationRequestFactory()
    author = OfficialFactory(municipality=cooperation_request.from_municipality).user
    key = uuid.uuid4()

    def submit():
        return message_post(
            cooperation_request=cooperation_request,
            author=author,
            body="Паралельно",
            attachment=None,
            submit_key=key,
        )[1]

    results = in_parallel(submit, submit, submit)
    assert sorted(results) == [False, False, True]
    assert Message.objects.filter(body="Паралельно").count() == 1


def test_an_empty_message_is_refused_with_a_reason(client, open_request, official_a):
    client.force_login(official_a.user)
    response = _post(client, open_request, body="   ")
    assert response.status_code == 400
    assert Message.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "accepted", "content_type"),
    [
        ("plan.pdf", _pdf(), True, "application/pdf"),
        (
            "plan.docx",
            _docx(),
            True,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("plan.pdf", b"MZ\x90\x00 not a pdf", False, ""),
        ("plan.exe", b"MZ\x90\x00\x03", False, ""),
        ("plan.docx", b"PK\x03\x04broken", False, ""),
    ],
)
def test_attachments_are_checked_by_content(
    client, open_request, official_a, name, content, accepted, content_type
):
    client.force_login(official_a.user)
    response = _post(
        client, open_request, body="Додаю файл", attachment=SimpleUploadedFile(name, content)
    )
    assert response.status_code == (302 if accepted else 400)
    message = Message.objects.filter(body="Додаю файл").first()
    assert (message is not None) is accepted
    if accepted:
        assert message.attachment_type == content_type
        assert message.attachment.name.startswith("messages/")
        assert name not in message.attachment.name


def test_an_image_attachment_is_reencoded(client, open_request, official_a):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, "PNG")
    client.force_login(official_a.user)
    _post(
        client, open_request, body="Фото", attachment=SimpleUploadedFile("x.png", buffer.getvalue())
    )
    assert Message.objects.get(body="Фото").attachment_type == "image/png"


def test_a_too_large_attachment_is_refused(client, open_request, official_a, settings):
    client.force_login(official_a.user)
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1))
    assert _post(client, open_request, attachment=big).status_code == 400


@pytest.mark.parametrize(
    ("role", "status"),
    [("plain", 404), ("official_a", 200), ("official_b", 200), ("official_c", 404), ("staff", 200)],
)
def test_an_attachment_is_served_to_the_parties_only(
    role_client, open_request, official_a, role, status
):
    client = role_client("official_a")
    _post(client, open_request, body="Файл", attachment=SimpleUploadedFile("plan.pdf", _pdf()))
    message = Message.objects.get(body="Файл")
    response = role_client(role).get(message.attachment_url)
    assert response.status_code == status
    if status == 200:
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_messages_new_to_a_reader_are_marked_until_read(
    client, open_request, official_a, official_b
):
    _message(open_request, official_a.user, body="Нове для Б")
    client.force_login(official_b.user)
    first = client.get(open_request.get_absolute_url()).content.decode()
    assert "post--unread" in first
    second = client.get(open_request.get_absolute_url()).content.decode()
    assert "post--unread" not in second


def test_a_message_notifies_the_other_officials_not_the_author(
    open_request, official_a, official_b
):
    colleague = OfficialFactory(municipality=official_a.municipality)
    _message(open_request, official_a.user)
    recipients = set(
        Notification.objects.filter(kind=NotificationKind.MESSAGE).values_list(
            "recipient", flat=True
        )
    )
    assert recipients == {official_b.user_id, colleague.user_id}
    # Messages wait for the daily digest by default: no mail at once.
    assert mail.outbox == []


@pytest.mark.usefixtures("english")
def test_the_conversation_carries_on_into_the_memorandum_page(
    client, memorandum, official_a, official_b, django_assert_num_queries
):
    """The memorandum's page shows the latest message, how many there are and how many
    are new to the reader, and links the whole thread with its form."""
    client.force_login(official_b.user)
    thread = reverse("partnerships:request-detail", kwargs={"pk": memorandum.request_id})
    empty = client.get(memorandum.get_absolute_url()).content.decode()
    assert "No messages yet." in empty and f'href="{thread}#conversation"' in empty
    _message(memorandum.request, official_a.user, body="Про меморандум")
    page = client.get(memorandum.get_absolute_url()).content.decode()
    assert "Про меморандум" in page
    assert f'href="{thread}#conversation"' in page
    for n in range(5):
        _message(memorandum.request, official_a.user, body=f"ще {n}")
    _message(memorandum.request, official_b.user, body="Наша відповідь")
    # The user with the official, the memorandum, its agreements, the counts, the
    # latest message, its author's role; the bell's count (after the new messages).
    with django_assert_num_queries(8):
        page = client.get(memorandum.get_absolute_url()).content.decode()
    assert "Наша відповідь" in page and "ще 4" not in page  # the latest only
    assert "7 messages, the latest:" in page
    assert "6 new to you" in page
    # Reading the memorandum does not mark the thread read; reading the thread does.
    client.get(thread)
    after = client.get(memorandum.get_absolute_url()).content.decode()
    assert "new to you" not in after


def test_reading_the_conversation_marks_its_message_notifications_read(
    client, open_request, official_a, official_b
):
    _message(open_request, official_a.user, body="Прочитайте")
    other = CooperationRequestFactory(to_municipality=official_b.municipality)
    _message(other, OfficialFactory(municipality=other.from_municipality).user, body="Інше")
    assert Notification.objects.for_user(official_b.user).unread().count() == 2
    client.force_login(official_b.user)
    client.get(open_request.get_absolute_url())
    [left] = Notification.objects.for_user(official_b.user).unread()
    assert left.excerpt == "Інше"


def test_a_hidden_message_leaves_no_text_in_the_notifications(
    role_client, open_request, official_a, official_b
):
    message = _message(open_request, official_a.user, body="Образливий текст")
    kept = _message(open_request, official_a.user, body="Звичайний текст")
    role_client("staff").post(
        reverse(
            "partnerships:message-hide", kwargs={"pk": open_request.pk, "message_pk": message.pk}
        ),
        {"hidden": "1"},
    )
    excerpts = set(Notification.objects.for_user(official_b.user).values_list("excerpt", flat=True))
    assert excerpts == {"", "Звичайний текст"}
    page = role_client("official_b").get(reverse("core:notification-list")).content.decode()
    assert "Образливий текст" not in page
    assert kept.body in page


@pytest.mark.parametrize("viewer", ["official_b", "staff"])
def test_the_request_page_queries_stay_fixed_however_many_authors_write(
    role_client, open_request, official_a, official_b, staff_user, viewer
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = role_client(viewer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(open_request.get_absolute_url()).status_code == 200
        return len(captured)

    _message(open_request, official_a.user)
    client.get(open_request.get_absolute_url())  # read: the next visit finds nothing new
    small = queries()
    authors = [OfficialFactory(municipality=m).user for m in (official_a.municipality,) * 3]
    for n, author in enumerate([*authors, official_b.user, staff_user] * 3):
        message = _message(open_request, author, body=f"повідомлення {n}")
        if n % 4 == 0:
            message.hidden_at, message.hidden_by = message.created_at, staff_user
            message.save()
    client.get(open_request.get_absolute_url())
    assert queries() == small
