from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MunicipalityKind(models.TextChoices):
    URBAN = "urban", _("urban community")
    SETTLEMENT = "settlement", _("settlement community")
    RURAL = "rural", _("rural community")
    MUNICIPALITY = "municipality", _("municipality")


class RegionKind(models.TextChoices):
    OBLAST = "oblast", _("oblast")
    AUTONOMOUS_REPUBLIC = "autonomous_republic", _("autonomous republic")
    SPECIAL_CITY = "special_city", _("city with special status")


class PartnershipKind(models.TextChoices):
    TWINNING = "twinning", pgettext_lazy("partnership kind", "twinning")
    PARTNERSHIP = "partnership", pgettext_lazy("partnership kind", "partnership")
    COOPERATION = "cooperation", pgettext_lazy("partnership kind", "cooperation")


class PartnershipSource(models.TextChoices):
    IMPORTED = "imported", _("imported from public sources")
    PORTAL = "portal", _("agreed on the portal")
