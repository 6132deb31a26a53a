import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolate(settings, tmp_path):
    """Uploads go to a temporary folder; every test starts in the default language."""
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.activate("uk")
    yield
    translation.deactivate()
