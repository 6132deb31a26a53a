from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Municipalities and partnerships")

    def ready(self) -> None:
        # Cached pages forget the registry when it changes (partnerships.caching).
        from core.notifications.service import register_mail_language_source

        from . import caching  # noqa: F401  (connects its receivers)
        from .notifications import OFFICIAL_LANGUAGE

        # An official's mails go out in their official language setting.
        register_mail_language_source(OFFICIAL_LANGUAGE)
