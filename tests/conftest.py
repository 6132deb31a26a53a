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
