import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from tests.concurrency import needs_postgresql

ROOT = Path(settings.BASE_DIR)


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


def test_deploy_check_points_out_a_per_process_cache(settings):
    from django.core import checks

    def messages():
        found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.caches])
        return [(type(m), m.id) for m in found if m.id.startswith("twinning.")]

    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert messages() == [(checks.Info, "twinning.I001")]
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
        }
    }
    assert messages() == []
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.DEBUG = True
    assert messages() == []


@needs_postgresql
def test_postgresql_statements_have_a_time_limit_and_no_jit(db):
    """No query runs on after gunicorn gave up on its request (DATABASE_STATEMENT_TIMEOUT)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "10s"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
