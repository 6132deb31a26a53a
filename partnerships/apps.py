from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Municipalities and partnerships")

    def ready(self) -> None:
        from . import receivers_cache, receivers_memoranda  # noqa: F401  (connects receivers)
