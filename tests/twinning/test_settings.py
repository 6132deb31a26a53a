"""The settings: what production refuses or requires, the security headers, the proxy,
and SQLite in development (parallel writers wait for each other instead of failing)."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connection, connections, transaction
from django.urls import reverse

from tests.concurrency import needs_postgresql
from tests.fresh import python_output

ROOT = Path(settings.BASE_DIR)
needs_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite options apply to SQLite only"
)


def run_check(env: dict, *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "check", *(args or ("--deploy", "--fail-level", "WARNING"))],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "twinning.settings",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- Production -------------------------------------------------------------------------------


def test_production_settings_refuse_to_start_without_a_secret_key():
    for env in ({"DJANGO_SECRET_KEY": ""}, {"DJANGO_SECRET_KEY": "   "}):
        result = run_check(env, "--database", "default")
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr and "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_check(
        {
            "DJANGO_SECRET_KEY": "x" * 60 + "-production-like-key-!@#$%",
            "DJANGO_ALLOWED_HOSTS": "portal.example.org",
        }
    )
    assert result.returncode == 0, result.stderr + result.stdout
    # Without CACHE_URL the per-process cache is pointed out, as information only.
    assert "twinning.I001" in result.stderr + result.stdout


def test_trusted_proxy_count_comes_from_the_environment():
    def read(extra):
        code = "import twinning.settings as s; print(s.ALLAUTH_TRUSTED_PROXY_COUNT)"
        env = {"DJANGO_SECRET_KEY": "x", **extra}
        return python_output(code, env, drop=("ALLAUTH_TRUSTED_PROXY_COUNT",)).strip()

    assert read({}) == "0"
    assert read({"ALLAUTH_TRUSTED_PROXY_COUNT": "1"}) == "1"


@pytest.mark.django_db
def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "style-src 'self'" in policy


# --- SQLite -----------------------------------------------------------------------------------


@needs_sqlite
def test_sqlite_transactions_take_the_write_lock_at_begin_and_wait_for_it():
    options = connection.settings_dict["OPTIONS"]
    assert (options["transaction_mode"], options["timeout"]) == ("IMMEDIATE", 20)


@needs_sqlite
def test_two_sqlite_writers_at_once_both_succeed(tmp_path, django_db_blocker):
    """Two transactions that read, then write (like signing) on a file database.

    Started as DEFERRED, both take a read lock, and the second to write gets
    "database is locked" at once (SQLite cannot wait: it would deadlock). With
    BEGIN IMMEDIATE the second waits at BEGIN until the first commits.
    """
    wrapper = connections["default"].__class__
    settings_dict = {**connection.settings_dict, "NAME": str(tmp_path / "race.sqlite3")}
    django_db_blocker.unblock()  # a database of its own, outside the test database
    setup = wrapper(settings_dict, alias="race")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE signing (n integer)")
    setup.close()
    start = threading.Barrier(2)
    results = []

    def sign():
        connections["race"] = wrapper(settings_dict, alias="race")
        try:
            start.wait()
            with transaction.atomic(using="race"), connections["race"].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM signing")
                time.sleep(0.3)
                cursor.execute("INSERT INTO signing VALUES (1)")
            results.append("ok")
        except OperationalError as error:
            results.append(str(error))
        finally:
            connections["race"].close()

    threads = [threading.Thread(target=sign) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    django_db_blocker.restore()
    assert results == ["ok", "ok"]


@needs_postgresql
def test_postgresql_statements_have_a_time_limit_and_no_jit(db):
    """No query runs on after gunicorn gave up on its request (DATABASE_STATEMENT_TIMEOUT_MS)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "20s"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
