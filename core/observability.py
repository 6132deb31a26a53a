"""Log lines a machine can read: a request id on every line, one line per request.

- `request_log` (first middleware): takes the proxy's X-Request-ID (or makes one),
  keeps it for the request's log lines, sends it back in the response, and logs
  the request once it is answered: method, path, status and duration.
- `RequestIdFilter` puts the id on every record (`-` outside a request).
- `JsonFormatter`: one JSON object a line, time in UTC (ISO 8601), level, logger,
  message, request id, and any extra fields.
- `QueuedAdminEmailHandler`: errors mailed to ADMINS through the task queue, so
  an error page never waits for the mail server.
"""

import contextvars
import logging
import re
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.log import AdminEmailHandler
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
logger = logging.getLogger("twinning.request")

# A proxy's id is taken only if it looks like one: it goes into every log line.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def request_log(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        rid = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = get_response(request)
            response["X-Request-ID"] = rid
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            status = response.status_code
            logger.log(
                logging.WARNING if status >= 500 else logging.INFO,
                "%s %s %s %.1fms",
                request.method,
                request.path,
                status,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": duration_ms,
                    "request_id": rid,
                },
            )
            return response
        finally:
            request_id.reset(token)

    return middleware


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(BaseJsonFormatter):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("reserved_attrs", [*_RESERVED, "request", "server_time"])
        super().__init__(*args, **kwargs)

    def add_fields(self, log_record: dict, record: logging.LogRecord, message_dict: dict) -> None:
        super().add_fields(log_record, record, message_dict)
        log_record["time"] = datetime.fromtimestamp(record.created, tz=UTC).isoformat(
            timespec="milliseconds"
        )
        log_record["level"] = record.levelname
        log_record["logger"] = record.name
        log_record["request_id"] = getattr(record, "request_id", request_id.get())
        log_record.setdefault("message", record.getMessage())


_RESERVED = [
    "args", "asctime", "created", "exc_info", "exc_text", "filename", "funcName",
    "levelname", "levelno", "lineno", "module", "msecs", "msg", "name", "pathname",
    "process", "processName", "relativeCreated", "stack_info", "thread", "threadName",
    "taskName", "status_code",
]  # fmt: skip


class QueuedAdminEmailHandler(AdminEmailHandler):
    """Django's mail to ADMINS, queued instead of sent from the failing request."""

    def send_mail(self, subject: Any, message: Any, *args, **kwargs) -> None:
        from core.tasks import send_email

        if not settings.ADMINS:
            return
        try:
            send_email.enqueue(
                subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
                body=message,
                to=list(settings.ADMINS),
                from_email=settings.SERVER_EMAIL,
            )
        except Exception:  # the queue may be the very thing that is down
            logging.getLogger(__name__).warning("Could not queue the error mail to ADMINS")
