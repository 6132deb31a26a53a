"""Admin of requests for cooperation, with their events."""

from datetime import timedelta

from django.contrib import admin
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from partnerships.models import (
    CooperationRequest,
    Message,
    Region,
    RequestEvent,
)

from .registry import country_choices


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ("kind", "actor", "at", "note")
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


class MessageInline(admin.TabularInline):
    """The conversation, for the audit: hidden messages too; hiding is done on the page."""

    model = Message
    extra = 0
    can_delete = False
    fields = (
        "created_at",
        "author",
        "municipality",
        "body",
        "attachment_name",
        "hidden_at",
        "hidden_by",
    )
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class CountryFilter(admin.SimpleListFilter):
    """Either side of the request is in the country."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # Two small DISTINCT queries, merged here: a UNION would inherit the model's
        # default ordering ("-created_at"), which is not a column of the union.
        codes: set[str] = set()
        for side in ("from_municipality__country", "to_municipality__country"):
            codes.update(
                CooperationRequest.objects.order_by().values_list(side, flat=True).distinct()
            )
        return country_choices(codes)

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Q(from_municipality__country=self.value())
                | Q(to_municipality__country=self.value())
            )
        return queryset


class OblastFilter(admin.SimpleListFilter):
    title = _("oblast")
    parameter_name = "oblast"

    def lookups(self, request, model_admin):
        return [(region.slug, region.name) for region in Region.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Q(from_municipality__region__slug=self.value())
                | Q(to_municipality__region__slug=self.value())
            )
        return queryset


class AgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        return [
            ("7", _("last 7 days")),
            ("30", _("last 30 days")),
            ("old", _("older than 30 days")),
        ]

    def queryset(self, request, queryset):
        month_ago = timezone.now() - timedelta(days=30)
        if (value := self.value()) in {"7", "30"}:
            return queryset.filter(created_at__gte=timezone.now() - timedelta(days=int(value)))
        if self.value() == "old":
            return queryset.filter(created_at__lt=month_ago)
        return queryset


@admin.register(CooperationRequest)
class CooperationRequestAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "form", "created_at", "answered_at", "created_by"]
    list_filter = ["status", "form", CountryFilter, OblastFilter, AgeFilter]
    list_select_related = ["from_municipality", "to_municipality", "created_by"]
    search_fields = [
        "from_municipality__name_uk",
        "from_municipality__name_en",
        "to_municipality__name_uk",
        "to_municipality__name_en",
        "message",
    ]
    filter_horizontal = ["areas"]
    # Requests come from the portal, and their status changes only through the
    # services (answered by the partner's officials, withdrawn by the sender's),
    # which keep the timeline, the memorandum and the mails in step. Staff may
    # correct the texts.
    readonly_fields = [
        "status",
        "from_municipality",
        "to_municipality",
        "created_by",
        "created_at",
        "updated_at",
        "answered_at",
    ]
    inlines = [RequestEventInline, MessageInline]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False
