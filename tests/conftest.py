import pytest
from django.core.cache import cache
from django.utils import translation


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
