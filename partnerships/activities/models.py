import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.submit_once import submit_key_field, submitted_once
from partnerships.activities.cursor import ACTIVITY_RANK, page_starting_at
from partnerships.models.municipality import Municipality
from partnerships.models.partnership import Partnership


class ActivityKind(models.TextChoices):
    VISIT = "visit", _("visit")
    PROJECT = "project", _("project")
    HUMANITARIAN = "humanitarian", _("humanitarian delivery")
    EXCHANGE = "exchange", _("exchange")
    EVENT = "event", _("event")
    OTHER = "other", _("other")


class ActivityStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


def activity_photo_path(instance: "ActivityContribution", filename: str) -> str:
    # A generated name: the uploader's file name never reaches the disk.
    return f"activities/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ActivityStatus.PUBLISHED)

    def visible_to_side(self, municipality_id: int | None):
        """Published ones, and the drafts of the side the reader acts for."""
        drafts_of_side = Q(status=ActivityStatus.DRAFT, municipality_id=municipality_id)
        if municipality_id is None:
            return self.published()
        return self.filter(Q(status=ActivityStatus.PUBLISHED) | drafts_of_side)

    def involving(self, municipality: Municipality):
        return self.filter(
            Q(partnership__municipality_a=municipality)
            | Q(partnership__municipality_b=municipality)
        )

    def for_timeline(self):
        """Everything a timeline row shows, in a fixed number of queries."""
        contributions = ActivityContribution.objects.select_related("municipality").order_by(
            "created_at", "pk"
        )
        return (
            self.select_related("municipality")
            .prefetch_related(models.Prefetch("contributions", queryset=contributions))
            .order_by("-happened_on", "-pk")
        )

    def for_feed(self):
        return self.published().select_related(
            "municipality", "partnership__municipality_a", "partnership__municipality_b"
        )


class Activity(models.Model):
    """Something two partners did together, recorded by an official of one side."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("recorded by"),
        on_delete=models.CASCADE,
        related_name="activities_recorded",
        help_text=_("The side whose official recorded it; only that side publishes it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    happened_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="uk"
    )
    link = models.URLField(_("link"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # The creation form's one-time key: a second submit of it makes no second activity.
    submit_key = submit_key_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-happened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ActivityStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="activity_published_has_date",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="activity_has_a_title"),
            submitted_once("partnership", name="activity_submitted_once"),
        ]
        indexes = [
            models.Index(fields=["partnership", "status", "happened_on"], name="activity_timeline"),
            models.Index(fields=["status", "published_at"], name="activity_feed"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The partnership's timeline from this activity on, however old it is."""
        start = page_starting_at(self.happened_on, ACTIVITY_RANK, self.pk)
        return f"{self.partnership.get_absolute_url()}{start}#activity-{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.status == ActivityStatus.PUBLISHED


class ActivityContribution(models.Model):
    """A note or a photo (or both) added to an activity by an official of either side."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("added by"), on_delete=models.CASCADE, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to=activity_photo_path,
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # The form's one-time key: a second submit of the same addition makes no second one.
    submit_key = submit_key_field()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("addition to an activity")
        verbose_name_plural = _("additions to activities")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(note="") | ~Q(photo=""), name="activity_contribution_not_empty"
            ),
            submitted_once("activity", name="activity_contribution_submitted_once"),
        ]

    def __str__(self) -> str:
        return self.note[:60] or str(self.photo)
