import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolate(settings, tmp_path):
    """Uploads go to a temporary folder; every test starts in the default language."""
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.activate("uk")
    yield
    translation.deactivate()


# ---------------------------------------------------------------------------
# News (news app): reader roles
# ---------------------------------------------------------------------------
@pytest.fixture
def verified_user(db):
    from tests.factories import VerifiedUserFactory

    return VerifiedUserFactory()


@pytest.fixture
def unverified_user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def staff_user(db):
    from tests.factories import VerifiedUserFactory

    return VerifiedUserFactory(is_staff=True, is_superuser=True)
