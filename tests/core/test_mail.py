"""The development mail backend prints a message a person can read, link included."""

import io

from django.core.mail import EmailMessage

from core.mail import ReadableConsoleBackend


def test_readable_console_backend_prints_headers_and_the_plain_body():
    stream = io.StringIO()
    message = EmailMessage(
        subject="Підтвердіть адресу",
        body="Перейдіть за посиланням: https://portal.example.org/uk/accounts/confirm-email/k/",
        from_email="portal@example.org",
        to=["olena@example.org"],
    )
    assert ReadableConsoleBackend(stream=stream).send_messages([message]) == 1
    printed = stream.getvalue()
    assert printed.splitlines()[:3] == [
        "From: portal@example.org",
        "To: olena@example.org",
        "Subject: Підтвердіть адресу",
    ]
    assert "https://portal.example.org/uk/accounts/confirm-email/k/" in printed
    assert "base64" not in printed and "Content-Transfer-Encoding" not in printed
