import calendar
import contextlib
from datetime import date

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from partnerships.choices import PartnershipHealth, PartnershipKind, PartnershipSource

from .municipality import Municipality


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class PartnershipQuerySet(models.QuerySet):
    def involving(self, municipality: Municipality):
        return self.filter(Q(municipality_a=municipality) | Q(municipality_b=municipality))

    def involving_slug(self, slug: str):
        return self.filter(Q(municipality_a__slug=slug) | Q(municipality_b__slug=slug))

    def between(self, first: Municipality, second: Municipality):
        low, high = sorted([first.pk, second.pk])
        return self.filter(municipality_a_id=low, municipality_b_id=high)

    def for_map(self):
        fields = ("name_uk", "name_en", "slug", "country", "latitude", "longitude")
        return self.select_related("municipality_a", "municipality_b").only(
            *(f"{side}__{name}" for side in ("municipality_a", "municipality_b") for name in fields)
        )

    def with_parties(self):
        return self.select_related("municipality_a__region", "municipality_b__region")

    def with_health(self, *, today: date | None = None):
        """Annotate `health` (PartnershipHealth): suspended when a side is in temporarily
        occupied territory or staff suspended it; active when it began, or has a published
        activity or a yearly report both sides agreed to, within PARTNERSHIP_ACTIVE_MONTHS
        before `today` (a memorandum signed last week is not a quiet partnership); quiet
        otherwise. The one place the rule
        is written."""
        today = today or timezone.localdate()
        since = months_before(today, settings.PARTNERSHIP_ACTIVE_MONTHS)
        recent = (
            apps.get_model("partnerships", "Activity")
            .objects.published()
            .filter(partnership=OuterRef("pk"), happened_on__gte=since)
        )
        reported = (
            apps.get_model("partnerships", "YearlyDocument")
            .objects.reports()
            .agreed()
            .filter(partnership=OuterRef("pk"), agreed_at__date__gte=since)
        )
        suspended = (
            Q(municipality_a__occupied_since__isnull=False)
            | Q(municipality_b__occupied_since__isnull=False)
            | ~Q(suspended_reason="")
        )
        return self.annotate(
            health=Case(
                When(suspended, then=Value(PartnershipHealth.SUSPENDED)),
                When(
                    Q(since__gte=since) | Exists(recent) | Exists(reported),
                    then=Value(PartnershipHealth.ACTIVE),
                ),
                default=Value(PartnershipHealth.QUIET),
                output_field=models.CharField(),
            )
        )

    def quiet(self, *, today: date | None = None):
        return self.with_health(today=today).filter(health=PartnershipHealth.QUIET)

    def newest(self):
        """Dated ones (signed on the portal) first, newest first; imported ones carry no
        date and follow by when they were recorded."""
        return self.order_by(F("since").desc(nulls_last=True), "-created_at", "-pk")

    def recent(self, limit: int, *, per_municipality: int = 2) -> list["Partnership"]:
        """The newest `limit` partnerships with no municipality in more than
        `per_municipality` of them: one query over a bounded window of the newest."""
        chosen: list[Partnership] = []
        seen: dict[int, int] = {}
        for partnership in self.newest().with_parties()[: limit * 20]:
            sides = (partnership.municipality_a_id, partnership.municipality_b_id)
            if any(seen.get(pk, 0) >= per_municipality for pk in sides):
                continue
            for pk in sides:
                seen[pk] = seen.get(pk, 0) + 1
            chosen.append(partnership)
            if len(chosen) == limit:
                break
        return chosen


class Partnership(models.Model):
    """An established partnership between two municipalities, in either direction.

    The pair is stored with the smaller id first, and the database refuses
    anything else, so (A, B) and (B, A) can never both exist.
    """

    municipality_a = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="partnerships_as_a",
    )
    municipality_b = models.ForeignKey(
        Municipality,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="partnerships_as_b",
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=PartnershipKind.choices, default=PartnershipKind.TWINNING
    )
    since = models.DateField(_("since"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=16,
        choices=PartnershipSource.choices,
        default=PartnershipSource.IMPORTED,
    )
    source_note = models.CharField(
        _("source details"),
        max_length=200,
        blank=True,
        help_text=_("Where this partnership is documented."),
    )
    suspended_reason = models.CharField(
        _("suspended by staff, because"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the partnership's page. Leave empty unless it is suspended."),
    )
    reminded_at = models.DateTimeField(
        _("last reminded that it is quiet"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(municipality_a__lt=F("municipality_b")), name="partnership_pair_ordered"
            ),
            models.UniqueConstraint(
                fields=["municipality_a", "municipality_b"], name="partnership_pair_unique"
            ),
        ]
        indexes = [models.Index(fields=["created_at"], name="partnership_created")]

    def __str__(self) -> str:
        return f"{self.municipality_a} — {self.municipality_b}"

    def save(self, *args, **kwargs):
        self._order_pair()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partnership-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.municipality_a_id and self.municipality_a_id == self.municipality_b_id:
            raise ValidationError(_("A municipality cannot be its own partner."))
        self._order_pair()

    def _order_pair(self):
        # Normalise the unordered pair; the check constraint backs this up.
        if (
            self.municipality_a_id
            and self.municipality_b_id
            and self.municipality_a_id > self.municipality_b_id
        ):
            self.municipality_a, self.municipality_b = self.municipality_b, self.municipality_a

    @property
    def documented_in(self) -> str:
        """Where an imported partnership is documented, in the reader's language."""
        note = self.source_note
        if note == "wikipedia":
            return str(_("Wikipedia list of twin towns"))
        if note.startswith("news "):
            day = note.removeprefix("news ")
            with contextlib.suppress(ValueError):  # not a date: shown as written
                day = date_format(date.fromisoformat(day), "d.m.Y")
            return _("ministry news of %(date)s") % {"date": day}
        return note

    @property
    def source_text(self) -> str:
        """The source and, for an imported one, where it is documented: the punctuation
        between them is the language's (French puts a space before the colon)."""
        source = self.get_source_display()
        if not self.source_note:
            return str(source)
        return pgettext("partnership source: where documented", "%(source)s: %(documented)s") % {
            "source": source,
            "documented": self.documented_in,
        }

    @property
    def is_suspended(self) -> bool:
        """A side is in temporarily occupied territory (load the parties with with_parties)."""
        return self.municipality_a.is_occupied or self.municipality_b.is_occupied

    @property
    def health_status(self) -> PartnershipHealth | None:
        """The `health` annotation (PartnershipQuerySet.with_health) as a choice, if read."""
        value = getattr(self, "health", None)
        return PartnershipHealth(value) if value else None

    @property
    def suspension_reason(self) -> str:
        """Why it is suspended, in the reader's language where the portal wrote it."""
        if self.is_suspended:
            return str(_("temporarily occupied territory"))
        return self.suspended_reason

    def partner_of(self, municipality: Municipality) -> Municipality:
        return (
            self.municipality_b
            if municipality.pk == self.municipality_a_id
            else self.municipality_a
        )
