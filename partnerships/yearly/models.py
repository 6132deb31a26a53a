from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.agreement import SideAgreement, side_in_pair
from partnerships.choices import MemorandumLanguage
from partnerships.models.partnership import Partnership


class YearlyKind(models.TextChoices):
    PLAN = "plan", _("yearly plan")
    REPORT = "report", _("yearly report")


class YearlyStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    AGREED = "agreed", _("agreed by both sides")


class YearlyDocumentQuerySet(models.QuerySet):
    def agreed(self):
        return self.filter(status=YearlyStatus.AGREED)

    def reports(self):
        return self.filter(kind=YearlyKind.REPORT)

    def visible_to(self, user, side_id: int | None):
        """Agreed ones for everyone; drafts too for the two sides' officials and staff."""
        if side_id is not None or getattr(user, "is_staff", False):
            return self
        return self.agreed()

    def for_timeline(self):
        return self.order_by("-year", "kind")

    def for_detail(self):
        return self.select_related(
            "partnership__municipality_a__region", "partnership__municipality_b__region"
        ).prefetch_related("agreements__municipality", "agreements__user")


class YearlyDocument(models.Model):
    """A partnership's plan or report for one year, drafted by either side's officials
    and public once both sides agreed to its current version.

    Every saved text is a version (`version`, one historical row each, with its author);
    status and agreement changes are written with `QuerySet.update()`, so the history
    holds text versions only.
    """

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="yearly_documents",
    )
    kind = models.CharField(_("kind"), max_length=8, choices=YearlyKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # Ukrainian and the partner's language side by side, like the memorandum: the
    # second language is chosen once, when the document opens (second_language).
    language = models.CharField(
        _("second language"),
        max_length=2,
        choices=MemorandumLanguage.choices,
        default=MemorandumLanguage.ENGLISH,
    )
    text_uk = models.TextField(
        _("text (Ukrainian)"),
        blank=True,
        help_text=_("A plan: the goals for each area of cooperation. A report: what was done."),
    )
    text_other = models.TextField(_("text (second language)"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=8, choices=YearlyStatus.choices, default=YearlyStatus.DRAFT
    )
    agreed_at = models.DateTimeField(_("agreed by both sides at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["status", "agreed_at", "updated_at"])

    objects = YearlyDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly plan or report")
        verbose_name_plural = _("yearly plans and reports")
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "year"], name="yearly_document_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=YearlyKind.values), name="yearly_document_kind"
            ),
            models.CheckConstraint(
                condition=Q(version__gte=1), name="yearly_document_version_positive"
            ),
            models.CheckConstraint(
                condition=Q(language__in=MemorandumLanguage.values),
                name="yearly_document_language",
            ),
            models.CheckConstraint(
                condition=~Q(status=YearlyStatus.AGREED) | Q(agreed_at__isnull=False),
                name="yearly_document_agreed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["kind", "status", "agreed_at"], name="yearly_health")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}: {self.partnership}"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:yearly-detail", kwargs={"pk": self.pk})

    @property
    def is_agreed(self) -> bool:
        return self.status == YearlyStatus.AGREED

    @property
    def is_report(self) -> bool:
        return self.kind == YearlyKind.REPORT

    def side_of(self, municipality_id: int | None) -> str | None:
        partnership = self.partnership
        return side_in_pair(
            municipality_id, partnership.municipality_a_id, partnership.municipality_b_id
        )


class YearlyAgreement(SideAgreement):
    """One side's agreement to one version of a yearly plan or report."""

    document = models.ForeignKey(
        YearlyDocument,
        verbose_name=_("yearly plan or report"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )

    class Meta(SideAgreement.Meta):
        verbose_name = _("agreement to a yearly plan or report")
        verbose_name_plural = _("agreements to yearly plans and reports")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "municipality"], name="yearly_agreement_one_per_side"
            ),
        ]
