"""The database unreachable: 503 with Retry-After and a page in the reader's language;
the first request once it is back succeeds. The settings that bound each wait."""

import pytest
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from tests.concurrency import needs_postgresql
from tests.fresh import python_output
from tests.smtp import free_port


@pytest.fixture
def database_down(django_db_blocker):
    """Point the connection at a port nothing listens on, as when PostgreSQL is stopped;
    `back()` points it at the server again."""
    original = connection.settings_dict["PORT"]
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["PORT"] = str(free_port())

        def back():
            connection.close()
            connection.settings_dict["PORT"] = original

        try:
            yield back
        finally:
            back()


@needs_postgresql
@pytest.mark.parametrize(
    ("language", "phrase"),
    [("uk", "Портал ненадовго недоступний"), ("en", "The portal is briefly unavailable")],
)
def test_pages_answer_503_while_the_database_is_down_then_200(database_down, language, phrase):
    client = Client(raise_request_exception=False)
    for path in (f"/{language}/", f"/{language}/municipalities/", f"/{language}/news/"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert response["Retry-After"] == "30"
        page = response.content.decode()
        assert phrase in page
        assert f'<html lang="{language}">' in page
    database_down()
    assert client.get(f"/{language}/").status_code == 200


@needs_postgresql
def test_readiness_fails_while_the_database_is_down(database_down):
    response = Client().get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error: OperationalError"
    database_down()
    assert Client().get("/health/ready").json()["checks"]["database"] == "ok"


def test_a_database_fault_outside_a_view_gets_the_503_page_too(db):
    from twinning.middleware import server_error

    request = RequestFactory().get("/en/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"

    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(request).status_code == 500


@needs_postgresql
def test_postgresql_connections_carry_the_statement_and_connect_timeouts(db, settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        shown = cursor.fetchone()[0]
    assert shown == f"{settings.DATABASE_STATEMENT_TIMEOUT_MS // 1000}s"
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 5
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_database_timeouts_come_from_the_environment():
    code = (
        "import twinning.settings as s; d = s.DATABASES['default']; "
        "print(s.DATABASE_STATEMENT_TIMEOUT_MS, d['OPTIONS']['options'], "
        "d['OPTIONS']['connect_timeout'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    env = {
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_DEBUG": "false",
        "DATABASE_URL": "postgres://portal@db.internal:5432/twinning",
        "DATABASE_STATEMENT_TIMEOUT_MS": "7000",
        "DATABASE_CONNECT_TIMEOUT": "3",
    }
    assert python_output(code, env, drop=("DJANGO_", "DATABASE_")).split() == [
        "7000",
        "-c",
        "statement_timeout=7000",
        "-c",
        "jit=off",
        "3",
        "60",
        "True",
    ]
