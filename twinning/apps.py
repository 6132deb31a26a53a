from urllib.parse import urlsplit

from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import post_migrate


def name_the_site(sender, **kwargs):
    """Keep the Sites record (used in account mails and the sitemap) on the portal's address."""
    from django.contrib.sites.models import Site

    Site.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.PORTAL_BASE_URL).netloc, "name": "Twinning portal"},
    )


class TwinningConfig(AppConfig):
    name = "twinning"

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)

        # Sent for the sites app, after it has made its default record.
        post_migrate.connect(name_the_site, sender=apps.get_app_config("sites"))
