"""The deployment files say what the portal needs: checked here where Docker is absent."""

import ast
import gc
import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands
from django.db import connection
from django.test.utils import CaptureQueriesContext

ROOT = Path(settings.BASE_DIR)


def gunicorn_settings() -> dict:
    """The names gunicorn.conf.py sets, read as gunicorn reads it (under the environment
    the test has set)."""
    values: dict = {}
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), values)  # noqa: S102 - our own config file
    return values


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_brings_up_web_worker_database_cache_and_proxy():
    services = compose()["services"]
    assert {"db", "redis", "migrate", "web", "worker", "proxy"} <= set(services)
    assert services["web"]["command"] == ["gunicorn", "twinning.wsgi"]
    assert services["worker"]["command"] == ["python", "manage.py", "run_worker"]
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker", "db", "redis", "proxy"):
        assert services[name]["restart"] == "unless-stopped", name
    env = services["web"]["environment"]
    assert env["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert env["CACHE_URL"].startswith("redis://redis:")
    assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]


def test_compose_mounts_the_nginx_files_that_exist_and_never_the_private_folder():
    proxy = compose()["services"]["proxy"]
    mounted = [volume.split(":") for volume in proxy["volumes"]]
    for source, *_ in mounted:
        if source.startswith("./"):
            assert (ROOT / source).is_file(), source
    assert ["media", "/srv/twinning/media", "ro"] in mounted
    assert not any("private" in source for source, *_ in mounted)


def test_compose_commands_are_commands_of_the_portal():
    known = set(get_commands())
    migrate = compose()["services"]["migrate"]["command"][-1]
    for used in re.findall(r"manage\.py (\w+)", migrate):
        assert used in known, used
    assert "run_worker" in known


def test_dockerfile_builds_what_production_needs_and_runs_as_a_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for needed in (
        "libpango-1.0-0",
        "gettext",
        "compilemessages",
        "collectstatic",
        "postgresql-client",
    ):
        assert needed in dockerfile, needed
    assert re.search(r"^USER twinning$", dockerfile, re.MULTILINE)
    assert dockerfile.rstrip().endswith('CMD ["gunicorn", "twinning.wsgi"]')
    assert "/health/live" in dockerfile


def test_gunicorn_configuration_scales_with_the_machine_and_recycles_workers(monkeypatch):
    import multiprocessing

    for name in ("GUNICORN_WORKERS", "GUNICORN_BIND", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: 4)
    values = gunicorn_settings()
    assert values["workers"] == 9
    assert values["timeout"] == 30
    assert values["max_requests"] > 0 and values["max_requests_jitter"] > 0
    assert values["forwarded_allow_ips"] == "127.0.0.1,::1"
    # gunicorn reads only names it knows; a typo would be ignored silently.
    from gunicorn.config import KNOWN_SETTINGS

    known = {setting.name for setting in KNOWN_SETTINGS}
    tree = ast.parse((ROOT / "gunicorn.conf.py").read_text())
    assigned = {t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets}
    assert {name for name in assigned if not name.startswith("_")} <= known


def test_gunicorn_preloads_the_application_unless_told_not_to(monkeypatch):
    from gunicorn.config import KNOWN_SETTINGS

    monkeypatch.delenv("GUNICORN_PRELOAD", raising=False)
    assert gunicorn_settings()["preload_app"] is True
    monkeypatch.setenv("GUNICORN_PRELOAD", "false")
    assert gunicorn_settings()["preload_app"] is False
    # The hook that imports the views before forking is one gunicorn calls.
    tree = ast.parse((ROOT / "gunicorn.conf.py").read_text())
    hooks = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert hooks <= {setting.name for setting in KNOWN_SETTINGS}
    assert "when_ready" in hooks


@pytest.mark.skipif(connection.vendor != "postgresql", reason="contrib.postgres's type lookup")
@pytest.mark.django_db(transaction=True)
def test_gunicorn_master_reads_the_database_types_once_for_every_worker():
    """Each process's first connection asks PostgreSQL for two type OIDs: the master asks
    before forking, so a worker's first request makes only its own queries; it leaves no
    connection open for the workers to share."""
    from types import SimpleNamespace

    from django.contrib.postgres.signals import get_citext_oids, get_hstore_oids

    values = gunicorn_settings()
    get_hstore_oids.cache_clear()
    get_citext_oids.cache_clear()
    connection.close()
    try:
        values["when_ready"](SimpleNamespace(cfg=SimpleNamespace(preload_app=True)))
    finally:
        gc.unfreeze()
    assert get_hstore_oids.cache_info().currsize == get_citext_oids.cache_info().currsize == 1
    assert connection.connection is None
    with CaptureQueriesContext(connection) as queries:
        connection.ensure_connection()
    assert not [q for q in queries.captured_queries if "pg_type" in q["sql"]]


def _access_logger(**settings):
    """gunicorn's logger as this configuration makes it, with `settings` on top; not set
    up, which would configure this process's logging."""
    from gunicorn.config import Config

    values = gunicorn_settings()
    config = Config()
    for name in ("accesslog", "logconfig_dict", "logger_class"):
        if name in values:
            config.set(name, values[name])
    for name, value in settings.items():
        config.set(name, value)
    logger = object.__new__(config.logger_class)
    logger.cfg = config
    return logger


def test_gunicorn_writes_its_own_access_line_only_when_asked(monkeypatch):
    monkeypatch.delenv("GUNICORN_ACCESSLOG", raising=False)
    # Logging set up by a dict (JSON lines) alone no longer turns gunicorn's access log on.
    assert _access_logger().access_log_enabled is False
    monkeypatch.setenv("GUNICORN_ACCESSLOG", "-")
    assert _access_logger().access_log_enabled is True


def test_gunicorn_sends_access_lines_to_syslog_when_syslog_takes_them(monkeypatch):
    monkeypatch.delenv("GUNICORN_ACCESSLOG", raising=False)
    assert _access_logger(syslog=True).access_log_enabled is True
    redirected_off = _access_logger(syslog=True, disable_redirect_access_to_syslog=True)
    assert redirected_off.access_log_enabled is False
