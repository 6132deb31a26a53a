"""Fixtures for every test: isolation, and the one set of roles the tests act as.

A, B and C are three municipalities with one approved official each: A is a
Ukrainian community, B a town abroad (in Poland), C an unrelated Ukrainian
community. A and B are the two sides of `open_request` (A → B) and of the
memorandum (tests/partnerships/conftest.py); C is the outsider.
"""

import shutil

import pytest
from django.core.cache import cache
from django.utils import translation

from tests.browser.support import SCREENSHOTS


def pytest_sessionstart(session):
    """The screenshots folder holds the pictures of the latest run only (the main
    process clears it; test workers only write to it)."""
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(SCREENSHOTS, ignore_errors=True)


def pytest_terminal_summary(terminalreporter):
    pictures = list(SCREENSHOTS.glob("*.png"))
    if pictures:
        terminalreporter.write_sep(
            "-", f"{len(pictures)} screenshots of key pages in {SCREENSHOTS}"
        )


@pytest.fixture(scope="session", autouse=True)
def _release_test_database(django_db_setup, django_db_blocker):
    """Threads of the live server can outlive their requests with a connection open, and
    PostgreSQL will not drop a database in use (pytest-django #429): end those sessions
    before the test database is torn down."""
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(autouse=True)
def _isolate(settings, tmp_path):
    """Uploads go to a temporary folder; every test starts in the default language
    with an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    translation.activate("uk")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Private uploads go to a temporary folder of their own, beside the public one."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def english(_isolate):
    """Pages under /en/ (reverse() gives English addresses), so messages are compared
    in the language they are written in."""
    translation.activate("en")


# --- Municipalities and their officials ----------------------------------------------------


@pytest.fixture
def municipality_a(db):
    from tests.factories import MunicipalityFactory

    return MunicipalityFactory(
        name_uk="Ізюмська громада", name_en="Izium Hromada", email="a@example.org"
    )


@pytest.fixture
def municipality_b(db):
    from tests.factories import ForeignMunicipalityFactory

    return ForeignMunicipalityFactory(
        name_uk="Ґрудзьондз",
        name_en="Grudziadz",
        name_native="Grudziądz",
        country="PL",
        email="b@example.org",
    )


@pytest.fixture
def municipality_c(db):
    from tests.factories import MunicipalityFactory

    return MunicipalityFactory(
        name_uk="Стороння громада", name_en="Outsider Hromada", email="c@example.org"
    )


@pytest.fixture
def official_a(municipality_a):
    from tests.factories import OfficialFactory

    return OfficialFactory(municipality=municipality_a, language="uk")


@pytest.fixture
def official_b(municipality_b):
    from tests.factories import OfficialFactory

    return OfficialFactory(municipality=municipality_b, language="en")


@pytest.fixture
def official_c(municipality_c):
    from tests.factories import OfficialFactory

    return OfficialFactory(municipality=municipality_c, language="en")


# --- People who act for no municipality ----------------------------------------------------


@pytest.fixture
def plain_user(db):
    """Signed up, e-mail verified, acting for no municipality."""
    from tests.factories import VerifiedUserFactory

    return VerifiedUserFactory()


@pytest.fixture
def verified_user(plain_user):
    """A reader: signed up, e-mail verified, acting for no municipality."""
    return plain_user


@pytest.fixture
def unverified_user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff_user(db):
    """The ministry: staff, with every permission in the admin."""
    from tests.factories import VerifiedUserFactory

    return VerifiedUserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def role_client(client, official_a, official_b, official_c, plain_user, staff_user):
    """role_client("official_a") → a client signed in as that role ("anonymous": signed out)."""
    users = {
        "anonymous": None,
        "plain": plain_user,
        "official_a": official_a.user,
        "official_b": official_b.user,
        "official_c": official_c.user,
        "staff": staff_user,
    }

    def sign_in(role):
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return sign_in


# --- A request between A and B -------------------------------------------------------------


@pytest.fixture
def open_request(official_a, official_b):
    """A's request to B, waiting for B's answer."""
    from tests.factories import CooperationAreaFactory, CooperationRequestFactory

    return CooperationRequestFactory(
        from_municipality=official_a.municipality,
        to_municipality=official_b.municipality,
        created_by=official_a.user,
        areas=[CooperationAreaFactory(slug="energy")],
    )
