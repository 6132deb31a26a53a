"""The portal's logging: one JSON object a line (or plain text) on stdout."""

from typing import Any


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """`log_format` is "json" or "plain" (a formatter's name); `level` the root's."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "core.observability.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "core.observability.JsonFormatter"},
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["request_id"],
            },
            "mail_admins": {
                "class": "core.observability.QueuedAdminEmailHandler",
                "level": "ERROR",
                "filters": ["request_id"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Replaces Django's default "django" handlers, whose mail to ADMINS would be
            # sent inside the failing request.
            "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }
