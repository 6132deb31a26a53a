from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from .municipality import UKRAINE, Municipality
from .official import Application, Decision, interface_languages

# What the applicant says about the municipality, in the order forms and the admin show it.
PROPOSED_FIELDS = (
    "name",
    "name_native",
    "country",
    "region_name",
    "website",
    "email_domain",
    "population",
    "latitude",
    "longitude",
)


class ProposalStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("proposal status", "pending")
    APPROVED = "approved", pgettext_lazy("proposal status", "approved")
    REJECTED = "rejected", pgettext_lazy("proposal status", "rejected")


class MunicipalityProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ProposalStatus.PENDING)

    def for_queue(self):
        return self.select_related("user", "decided_by", "municipality")


class MunicipalityProposal(Application, Decision):
    """A foreign municipality that is not in the registry, proposed by someone who
    acts for it, with their application to act for it.

    Nothing enters the registry until staff approve: then the municipality and the
    applicant's approved official record are created together. Rejected and
    approved rows stay as history; a user has at most one pending proposal.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="municipality_proposals",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    # The municipality, as the applicant describes it.
    name = models.CharField(_("name"), max_length=200)
    name_native = models.CharField(_("name in the native language"), max_length=200, blank=True)
    country = CountryField(_("country"))
    region_name = models.CharField(_("region or province"), max_length=200, blank=True)
    website = models.URLField(_("website"))
    email_domain = models.CharField(_("official e-mail domain"), max_length=253)
    population = models.PositiveIntegerField(_("population"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    # The application to act for it (Application), as on an existing municipality's page;
    # a foreign applicant reads English by default.
    language = models.CharField(
        _("language for e-mails"), max_length=8, choices=interface_languages, default="en"
    )
    # The decision.
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality in the registry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)

    objects = MunicipalityProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposed municipality")
        verbose_name_plural = _("proposed municipalities")
        ordering = ["-created_at", "-id"]
        constraints = [
            # A double submit or two tabs make one proposal, not two.
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="proposal_one_pending_per_user",
            ),
            # Ukrainian communities are all in the registry already.
            models.CheckConstraint(condition=~Q(country=UKRAINE), name="proposal_not_ukrainian"),
            models.CheckConstraint(condition=Q(population__gt=0), name="proposal_population"),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90), name="proposal_latitude_range"
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180),
                name="proposal_longitude_range",
            ),
            # Approved means a municipality was created (it may be deleted later, hence
            # only the other direction is checked); pending has no decision yet.
            models.CheckConstraint(
                condition=Q(municipality__isnull=True) | Q(status="approved"),
                name="proposal_municipality_only_when_approved",
            ),
            models.CheckConstraint(
                condition=~Q(status="pending") | Q(decided_at__isnull=True),
                name="proposal_pending_undecided",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="proposal_status_created")]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:proposal-detail", kwargs={"pk": self.pk})

    @property
    def is_pending(self) -> bool:
        return self.status == ProposalStatus.PENDING

    @property
    def is_approved(self) -> bool:
        return self.status == ProposalStatus.APPROVED
