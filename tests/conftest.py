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


# --- Roles for the cooperate workflow (issue 3) -----------------------------------------
# A, B and C are three municipalities with one approved official each; A and B
# are the two sides of `open_request` (A → B), C is unrelated.


@pytest.fixture
def municipality_a(db):
    from tests.factories import MunicipalityFactory

    return MunicipalityFactory(email="a@example.org")


@pytest.fixture
def municipality_b(db):
    from tests.factories import ForeignMunicipalityFactory

    return ForeignMunicipalityFactory(email="b@example.org")


@pytest.fixture
def municipality_c(db):
    from tests.factories import ForeignMunicipalityFactory

    return ForeignMunicipalityFactory(email="c@example.org")


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


@pytest.fixture
def plain_user(db):
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
    from tests.factories import VerifiedUserFactory

    return VerifiedUserFactory(is_staff=True, is_superuser=True)


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


@pytest.fixture
def open_request(official_a, official_b):
    from tests.factories import CooperationAreaFactory, CooperationRequestFactory

    return CooperationRequestFactory(
        from_municipality=official_a.municipality,
        to_municipality=official_b.municipality,
        created_by=official_a.user,
        areas=[CooperationAreaFactory(slug="energy")],
    )


# --- Memoranda: one accepted request with its memorandum open -----------------------------
@pytest.fixture
def memo_world(db):
    """An accepted request between A (Ukraine) and B (abroad) with its memorandum open.

    Roles: officials of A and B (the parties), an official of an unrelated C,
    a plain signed-in user, staff. The memorandum is opened the way the
    accept service does it: by the request_accepted signal.
    """
    from types import SimpleNamespace

    from partnerships.models import CooperationRequest, Memorandum
    from partnerships.signals import request_accepted
    from tests.factories import (
        AcceptedRequestFactory,
        ApprovedOfficialFactory,
        CooperationAreaFactory,
        ForeignMunicipalityFactory,
        MunicipalityFactory,
        UserFactory,
    )

    a = MunicipalityFactory(name_uk="Ізюмська громада", name_en="Izium Hromada")
    b = ForeignMunicipalityFactory(
        name_uk="Ґрудзьондз", name_en="Grudziadz", name_native="Grudziądz", country="PL"
    )
    c = MunicipalityFactory(name_uk="Стороння громада", name_en="Outsider Hromada")
    official_a = ApprovedOfficialFactory(municipality=a).user
    official_b = ApprovedOfficialFactory(municipality=b).user
    official_c = ApprovedOfficialFactory(municipality=c).user
    areas = [
        CooperationAreaFactory(slug="memo-energy", name_uk="Енергетика", name_en="Energy"),
        CooperationAreaFactory(slug="memo-education", name_uk="Освіта", name_en="Education"),
    ]
    request = AcceptedRequestFactory(
        from_municipality=a,
        to_municipality=b,
        areas=areas,
        contact_person="Олена Коваль, радниця з міжнародних зв'язків, olena@example.org",
    )
    request_accepted.send(sender=CooperationRequest, cooperation_request=request, actor=official_b)
    return SimpleNamespace(
        a=a,
        b=b,
        c=c,
        request=request,
        memorandum=Memorandum.objects.get(request=request),
        official_a=official_a,
        official_b=official_b,
        official_c=official_c,
        user=UserFactory(),
        staff=UserFactory(is_staff=True),
    )


# --- Private files (signed memorandum scans) -----------------------------------------------
@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Private uploads go to a temporary folder of their own, beside the public one."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
