"""Servers on loopback for fault tests: one that accepts mail, one that never answers.

A refused connection needs no server: `free_port()` is a port nothing listens on.
"""

import contextlib
import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Listener:
    def __init__(self, port: int = 0) -> None:
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", port))
        self.socket.listen(8)
        self.port = self.socket.getsockname()[1]
        self._open: list[socket.socket] = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _address = self.socket.accept()
            except OSError:
                return
            self._open.append(connection)
            threading.Thread(target=self.serve, args=(connection,), daemon=True).start()

    def serve(self, connection: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        # shutdown() wakes the thread blocked in accept(); close() alone would leave
        # the port listening until it returns, and the port could not be bound again.
        with contextlib.suppress(OSError):
            self.socket.shutdown(socket.SHUT_RDWR)
        self.socket.close()
        for connection in self._open:
            connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SilentServer(_Listener):
    """Accepts the connection, then says nothing: a server that hangs (mail, Redis)."""

    def serve(self, connection: socket.socket) -> None:
        try:
            while connection.recv(1024):
                pass
        except OSError:
            return


class SMTPServer(_Listener):
    """Speaks enough SMTP for Django's backend, and keeps what it receives."""

    def __init__(self, port: int = 0) -> None:
        self.messages: list[EmailMessage] = []
        super().__init__(port)

    def serve(self, connection: socket.socket) -> None:
        reader = connection.makefile("rb")

        def reply(line: str) -> None:
            connection.sendall(line.encode() + b"\r\n")

        try:
            reply("220 localhost ready")
            for raw in reader:
                command = raw.decode(errors="replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    reply("250 localhost")
                elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                    reply("250 OK")
                elif command == "DATA":
                    reply("354 go ahead")
                    data = b""
                    for chunk in reader:
                        if chunk == b".\r\n":
                            break
                        data += chunk[1:] if chunk.startswith(b"..") else chunk
                    self.messages.append(message_from_bytes(data, policy=policy.default))
                    reply("250 queued")
                elif command == "QUIT":
                    reply("221 bye")
                    return
                else:
                    reply("502 not implemented")
        except OSError:
            return
        finally:
            reader.close()
            connection.close()


def smtp_mailers(port: int, timeout: float = 1.0) -> dict:
    """MAILERS for Django's SMTP backend on loopback (what production uses)."""
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": timeout},
        }
    }
