from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.choices import CooperationForm, RequestEventKind, RequestStatus

from .municipality import CooperationArea, Municipality
from .official import Official


class CooperationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RequestStatus.SUBMITTED)

    def ended(self):
        """Declined or withdrawn: the pair may start again after the waiting period."""
        return self.filter(status__in=[RequestStatus.DECLINED, RequestStatus.WITHDRAWN])

    def involving(self, municipality: Municipality):
        return self.filter(Q(from_municipality=municipality) | Q(to_municipality=municipality))

    def between(self, first: Municipality, second: Municipality):
        low, high = sorted([first.pk, second.pk])
        return self.filter(pair_low=low, pair_high=high)

    def visible_to(self, user):
        """Requests the user may read: staff see all, officials their municipality's."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self
        municipality_ids = Official.objects.approved().filter(user=user).values("municipality")
        return self.filter(
            Q(from_municipality__in=municipality_ids) | Q(to_municipality__in=municipality_ids)
        )

    def with_parties(self):
        return self.select_related(
            "from_municipality__region", "to_municipality__region", "created_by", "memorandum"
        )

    def for_detail(self):
        """The request page: both parties, areas, and the timeline with its actors."""
        return self.with_parties().prefetch_related(
            "areas",
            models.Prefetch("events", queryset=RequestEvent.objects.select_related("actor")),
        )


class CooperationRequest(models.Model):
    """One municipality asks another to cooperate; the partner answers.

    `pair_low`/`pair_high` hold the two municipality ids in order, so the
    database can refuse a second open request for the same pair in either
    direction. They are filled in `save()`, and a check constraint makes sure
    they always match the two sides.

    One rule is not a constraint: no request where a partnership already
    exists spans two tables, so `services.requests.request_create` checks it
    while holding row locks on both municipalities.
    """

    from_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="requests_sent",
    )
    to_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("to"),
        on_delete=models.CASCADE,
        related_name="requests_received",
    )
    areas = models.ManyToManyField(
        CooperationArea,
        verbose_name=_("areas of cooperation"),
        related_name="cooperation_requests",
    )
    form = models.CharField(
        _("form of cooperation"), max_length=32, choices=CooperationForm.choices
    )
    message = models.TextField(_("message"))
    contact_person = models.CharField(
        _("contact person"),
        max_length=200,
        help_text=_("Name, position and how to reach them."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RequestStatus.choices,
        default=RequestStatus.SUBMITTED,
    )
    reply = models.TextField(_("reply"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="cooperation_requests_sent",
    )
    pair_low = models.BigIntegerField(editable=False)
    pair_high = models.BigIntegerField(editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = CooperationRequestQuerySet.as_manager()
    # Who changed what and when, for the ministry (the admin shows it under "History").
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("request for cooperation")
        verbose_name_plural = _("requests for cooperation")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_municipality=F("to_municipality")),
                name="cooperation_request_not_to_oneself",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        from_municipality__lt=F("to_municipality"),
                        pair_low=F("from_municipality"),
                        pair_high=F("to_municipality"),
                    )
                    | Q(
                        from_municipality__gt=F("to_municipality"),
                        pair_low=F("to_municipality"),
                        pair_high=F("from_municipality"),
                    )
                ),
                name="cooperation_request_pair_matches_sides",
            ),
            models.UniqueConstraint(
                fields=["pair_low", "pair_high"],
                condition=Q(status=RequestStatus.SUBMITTED),
                name="cooperation_request_one_open_per_pair",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="coop_request_status_created"),
            models.Index(fields=["pair_low", "pair_high"], name="coop_request_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.from_municipality} → {self.to_municipality}"

    def save(self, *args, **kwargs):
        self.fill_pair()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "pair_low", "pair_high"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("partnerships:request-detail", kwargs={"pk": self.pk})

    def fill_pair(self) -> None:
        if self.from_municipality_id and self.to_municipality_id:
            self.pair_low, self.pair_high = sorted(
                [self.from_municipality_id, self.to_municipality_id]
            )

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.SUBMITTED

    @property
    def is_accepted(self) -> bool:
        return self.status == RequestStatus.ACCEPTED

    @property
    def badge(self) -> str:
        """The state badge's style: declined and withdrawn apart, accepted or done green."""
        badges: dict[str, str] = {
            RequestStatus.ACCEPTED: "accepted",
            RequestStatus.COMPLETED: "accepted",
            RequestStatus.DECLINED: "declined",
            RequestStatus.WITHDRAWN: "withdrawn",
        }
        return badges.get(self.status, "waiting")


class RequestEvent(models.Model):
    """One step in the life of a request: who did what, and when."""

    request = models.ForeignKey(
        CooperationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("event"), max_length=16, choices=RequestEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
