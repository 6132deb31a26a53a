"""The site's deploy checks."""

from django.core import checks


def test_deploy_check_points_out_a_per_process_cache(settings):
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
