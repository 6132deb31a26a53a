"""Log lines as JSON with a request id and duration; errors to ADMINS through the queue."""

import io
import json
import logging

import pytest
from django.urls import reverse

from tests.fresh import python_output


def test_each_request_is_logged_once_with_its_id_and_duration(client, db, caplog):
    with caplog.at_level(logging.INFO, logger="twinning.request"):
        response = client.get(reverse("home"))
    rid = response["X-Request-ID"]
    assert len(rid) == 32
    [line] = [r for r in caplog.records if r.name == "twinning.request"]
    assert (line.method, line.path, line.status) == ("GET", "/uk/", 200)
    assert line.duration_ms > 0
    assert line.request_id == rid


def test_a_request_id_from_the_proxy_is_kept_and_a_forged_one_replaced(client, db):
    kept = client.get(reverse("home"), HTTP_X_REQUEST_ID="lb-4f2a9c01-77")
    assert kept["X-Request-ID"] == "lb-4f2a9c01-77"
    forged = client.get(reverse("home"), HTTP_X_REQUEST_ID='x" injected\nline')
    assert forged["X-Request-ID"] != 'x" injected\nline'
    assert len(forged["X-Request-ID"]) == 32


def test_json_lines_carry_utc_time_level_logger_and_request_id():
    from core.observability import JsonFormatter, RequestIdFilter, request_id

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    log = logging.getLogger("tests.json")
    log.addHandler(handler)
    log.propagate = False
    token = request_id.set("abc123def456")
    try:
        log.warning("Slow page %s", "/uk/", extra={"duration_ms": 812.5})
    finally:
        request_id.reset(token)
        log.removeHandler(handler)
    line = json.loads(stream.getvalue())
    assert line["message"] == "Slow page /uk/"
    assert (line["level"], line["logger"], line["request_id"]) == (
        "WARNING",
        "tests.json",
        "abc123def456",
    )
    assert line["duration_ms"] == 812.5
    assert line["time"].endswith("+00:00")


def test_production_logs_are_json_and_go_to_stdout():
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('twinning.check').info('started')"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "twinning.settings",
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_DEBUG": "false",
    }
    output = python_output(code, env, drop=("DJANGO_", "LOG_"))
    line = json.loads(output.strip().splitlines()[-1])
    assert (line["message"], line["level"], line["logger"]) == ("started", "INFO", "twinning.check")


def test_sentry_is_set_up_only_when_a_dsn_is_given():
    code = "import twinning.settings, sentry_sdk; print(sentry_sdk.get_client().is_active())"

    def active(extra):
        env = {"DJANGO_SECRET_KEY": "x", **extra}
        return python_output(code, env, drop=("DJANGO_", "SENTRY_")).strip()

    assert active({}) == "False"
    assert active({"SENTRY_DSN": "https://public@sentry.example.org/1"}) == "True"


@pytest.mark.django_db
def test_errors_are_mailed_to_admins_through_the_queue(settings):
    from django_tasks_db.models import DBTaskResult

    from core.observability import QueuedAdminEmailHandler

    settings.ADMINS = ["ops@example.org"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    log = logging.getLogger("tests.errors")
    handler = QueuedAdminEmailHandler()
    log.addHandler(handler)
    try:
        log.error("Something broke")
    finally:
        log.removeHandler(handler)
    [queued] = DBTaskResult.objects.all()
    assert queued.args_kwargs["kwargs"]["to"] == ["ops@example.org"]
    assert "Something broke" in queued.args_kwargs["kwargs"]["subject"]
