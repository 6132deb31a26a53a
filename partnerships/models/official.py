from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from partnerships.choices import OfficialStatus

from .municipality import Municipality

ACTIVE_STATUSES = [OfficialStatus.APPLIED, OfficialStatus.APPROVED]


def interface_languages() -> list[tuple[str, Any]]:
    # A callable, so a language added to settings needs no migration.
    return settings.LANGUAGES


class OfficialQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=OfficialStatus.APPROVED)

    def pending(self):
        return self.filter(status=OfficialStatus.APPLIED)

    def active(self):
        """Applied or approved: what counts against "one municipality per user"."""
        return self.filter(status__in=ACTIVE_STATUSES)

    def for_queue(self):
        return self.select_related("user", "municipality__region", "decided_by")


# The fields of an Application, in the order forms and the admin show them.
APPLICATION_FIELDS = ("position", "work_email", "phone", "note", "language")


class Application(models.Model):
    """What someone who applies to act for a municipality says about themselves: on an
    official's record and on a proposed municipality alike."""

    position = models.CharField(pgettext_lazy("job title", "position"), max_length=200)
    work_email = models.EmailField(_("work e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Mails to the applicant go out in this language: the one the application was
    # written in, changeable by staff.
    language = models.CharField(
        _("language for e-mails"), max_length=8, choices=interface_languages, default="uk"
    )

    class Meta:
        abstract = True


class Decision(models.Model):
    """The ministry's decision on an application: who, when, and why."""

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        abstract = True


class Official(Application, Decision):
    """A user's claim to act for one municipality, and the ministry's decision on it.

    Rejected and revoked rows are kept as history, so a user may have several
    rows; the database allows at most one that is applied or approved.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="official_records",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="officials",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OfficialStatus.choices,
        default=OfficialStatus.APPLIED,
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("Anything that helps the ministry verify you.")
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    objects = OfficialQuerySet.as_manager()
    # Who changed what and when, for the ministry (the admin shows it under "History").
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="official_one_active_record_per_user",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status"], name="official_municipality_status"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.municipality}"

    @property
    def is_approved(self) -> bool:
        return self.status == OfficialStatus.APPROVED

    @property
    def is_revoked(self) -> bool:
        return self.status == OfficialStatus.REVOKED
