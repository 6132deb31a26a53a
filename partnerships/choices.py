from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MunicipalityKind(models.TextChoices):
    URBAN = "urban", _("urban community")
    SETTLEMENT = "settlement", _("settlement community")
    RURAL = "rural", _("rural community")
    MUNICIPALITY = "municipality", _("municipality")
    # Kyiv and Sevastopol: first-level units of KATOTTG, municipalities all the same.
    SPECIAL_CITY = "special_city", _("city with special status")


class NameSource(models.TextChoices):
    """Where a foreign municipality's Ukrainian name comes from."""

    ESTABLISHED = "established", _("established Ukrainian form")
    TRANSCRIBED = "transcribed", _("transcribed by rule")
    EDITED = "edited", _("edited by staff")


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


class OfficialStatus(models.TextChoices):
    APPLIED = "applied", pgettext_lazy("official status", "applied")
    APPROVED = "approved", pgettext_lazy("official status", "approved")
    REJECTED = "rejected", pgettext_lazy("official status", "rejected")
    REVOKED = "revoked", pgettext_lazy("official status", "revoked")


class CooperationForm(models.TextChoices):
    TWINNING = "twinning", pgettext_lazy("form of cooperation", "twinning")
    PARTNERSHIP_AGREEMENT = "partnership_agreement", _("partnership agreement")
    PROJECT_COOPERATION = "project_cooperation", _("project cooperation")
    HUMANITARIAN_HELP = "humanitarian_help", _("humanitarian help")


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("request status", "submitted")
    ACCEPTED = "accepted", pgettext_lazy("request status", "accepted")
    DECLINED = "declined", pgettext_lazy("request status", "declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("request status", "withdrawn")
    # Terminal: the memorandum that followed acceptance has been signed.
    COMPLETED = "completed", pgettext_lazy("request status", "memorandum signed")


class RequestEventKind(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("request event", "submitted")
    ACCEPTED = "accepted", pgettext_lazy("request event", "accepted")
    DECLINED = "declined", pgettext_lazy("request event", "declined")
    WITHDRAWN = "withdrawn", pgettext_lazy("request event", "withdrawn")
    NOTE = "note", pgettext_lazy("request event", "note")
    SIGNED = "signed", pgettext_lazy("request event", "memorandum signed")


class MemorandumLanguage(models.TextChoices):
    """The language a memorandum is written in beside Ukrainian."""

    POLISH = "pl", _("Polish")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class MemorandumSide(models.TextChoices):
    """Party A sent the request, party B accepted it."""

    A = "a", pgettext_lazy("memorandum side", "party A")
    B = "b", pgettext_lazy("memorandum side", "party B")


class MemorandumStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("memorandum status", "draft")
    FINAL = "final", pgettext_lazy("memorandum status", "agreed by both sides")
    SIGNED = "signed", pgettext_lazy("memorandum status", "signed")


class PartnershipHealth(models.TextChoices):
    ACTIVE = "active", _("active")
    QUIET = "quiet", _("quiet")
    SUSPENDED = "suspended", _("suspended")
