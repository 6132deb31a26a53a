"""A console mail backend a person can read.

Django's console backend prints the MIME message, and a Ukrainian body comes
out base64-encoded. For a first look the reader needs the verification link
in plain text, so this one prints the headers and the decoded text.
"""

from django.core.mail.backends.console import EmailBackend as ConsoleBackend


class ReadableConsoleBackend(ConsoleBackend):
    def write_message(self, message):
        lines = [
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
            f"Subject: {message.subject}",
            "",
            str(message.body),
        ]
        self.stream.write("\n".join(lines) + "\n")
        self.stream.write("-" * 79 + "\n")
