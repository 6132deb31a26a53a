"""System checks for a production configuration (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Without CACHE_URL production falls back to a per-process memory cache.

    Info, not Warning: a single-process deployment is valid, and `check --deploy
    --fail-level WARNING` must pass with only a secret key and allowed hosts.
    """
    if settings.DEBUG or settings.CACHES.get("default", {}).get("BACKEND") != LOCMEM:
        return []
    return [
        checks.Info(
            "The default cache is in process memory (LocMemCache): sign-in rate limits "
            "and cached pages are kept per process, so with several workers or servers "
            "each counts on its own.",
            hint="Set CACHE_URL to a shared cache, e.g. redis://127.0.0.1:6379/1.",
            id="twinning.I001",
        )
    ]
