from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.languages import content_language


def country_codes(text: str) -> set[str]:
    """ "FR, DE pl" → {"FR", "DE", "PL"}: the country lists staff type in the admin."""
    return {
        code.strip().upper()
        for code in text.replace(";", ",").replace(" ", ",").split(",")
        if code.strip()
    }


class FundingProgrammeQuerySet(models.QuerySet):
    def current(self):
        return self.filter(active=True)


class FundingProgramme(models.Model):
    """A programme a pair of municipalities may apply to, with its rule as data: at least
    `min_countries` different countries, all among `eligible_countries` (empty: any),
    at least `min_member_countries` of them among `member_countries`."""

    name_uk = models.CharField(_("name in Ukrainian"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    link = models.URLField(_("link to the call"))
    min_countries = models.PositiveSmallIntegerField(_("at least this many countries"), default=2)
    eligible_countries = models.TextField(
        _("eligible countries"),
        blank=True,
        help_text=_("ISO codes separated by commas (FR, DE, UA); empty: every country."),
    )
    member_countries = models.TextField(
        _("countries of which some are required"),
        blank=True,
        help_text=_("ISO codes separated by commas, such as the EU member states."),
    )
    min_member_countries = models.PositiveSmallIntegerField(
        _("at least this many of those"), default=0
    )
    active = models.BooleanField(_("shown as a hint"), default=True)

    objects = FundingProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_countries__gte=1), name="funding_programme_min_countries_positive"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """In the reader's content language (core.languages), else in English."""
        return getattr(self, f"name_{content_language()}", "") or self.name_en

    def admits(self, countries: set[str]) -> bool:
        """May municipalities of these countries apply together?"""
        eligible = country_codes(self.eligible_countries)
        if len(countries) < self.min_countries:
            return False
        if eligible and not countries <= eligible:
            return False
        return len(countries & country_codes(self.member_countries)) >= self.min_member_countries
