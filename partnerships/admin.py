from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .choices import OfficialStatus
from .models import (
    CooperationArea,
    CooperationRequest,
    Municipality,
    Official,
    Partnership,
    Region,
    RequestEvent,
)
from .services.officials import OfficialError, official_decide


def _country_choices(codes) -> list[tuple[str, str]]:
    """(code, localised name) pairs sorted by name, for country list filters."""
    return sorted(((code, countries.name(code)) for code in codes if code), key=lambda c: c[1])


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ["name", "kind", "code", "municipality_count"]
    list_filter = ["kind"]
    search_fields = ["name_uk", "name_en", "code"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(municipality_total=Count("municipalities"))

    @admin.display(description=_("municipalities"), ordering="municipality_total")
    def municipality_count(self, region):
        return region.municipality_total


@admin.register(CooperationArea)
class CooperationAreaAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_uk", "name_en", "slug"]


class MunicipalityResource(resources.ModelResource):
    """CSV/XLSX columns for staff: ids are slugs, so a file can be edited by hand."""

    region = fields.Field(
        attribute="region", column_name="region", widget=ForeignKeyWidget(Region, field="slug")
    )
    offers = fields.Field(
        attribute="offers",
        column_name="offers",
        widget=ManyToManyWidget(CooperationArea, field="slug"),
    )
    needs = fields.Field(
        attribute="needs",
        column_name="needs",
        widget=ManyToManyWidget(CooperationArea, field="slug"),
    )

    class Meta:
        model = Municipality
        import_id_fields = ["slug"]
        skip_unchanged = True
        report_skipped = True
        fields = [
            "slug",
            "name_uk",
            "name_en",
            "name_native",
            "center_uk",
            "center_en",
            "code",
            "country",
            "region",
            "kind",
            "population",
            "area_km2",
            "latitude",
            "longitude",
            "website",
            "email",
            "description_uk",
            "description_en",
            "offers",
            "needs",
            "open_to_partners",
        ]

    def get_queryset(self):
        return super().get_queryset().select_related("region").prefetch_related("offers", "needs")


class PartnerCountFilter(admin.SimpleListFilter):
    title = _("partnerships")
    parameter_name = "partners"

    def lookups(self, request, model_admin):
        return [("0", _("none")), ("1", _("one or more")), ("5", _("five or more"))]

    def queryset(self, request, queryset):
        if self.value() == "0":
            return queryset.filter(partner_count=0)
        if self.value() in {"1", "5"}:
            return queryset.filter(partner_count__gte=int(self.value()))
        return queryset


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin, ImportExportModelAdmin, TranslationAdmin):
    """History (who edited a profile) first in the MRO: it adds its own URLs and
    records the editing user; import/export and the translated fields follow."""

    resource_classes = [MunicipalityResource]
    list_display = [
        "name",
        "country",
        "region",
        "kind",
        "population",
        "partners",
        "open_to_partners",
    ]
    list_filter = ["open_to_partners", "kind", PartnerCountFilter, "region", "country"]
    list_select_related = ["region"]
    search_fields = ["name_uk", "name_en", "name_native", "center_uk", "center_en", "code", "slug"]
    autocomplete_fields = ["region"]
    filter_horizontal = ["offers", "needs"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["created_at", "updated_at"]
    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).with_partner_count()

    def get_search_results(self, request, queryset, search_term):
        # SQLite folds case for ASCII only: also match the normalised names.
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found = found | queryset.search(search_term)
        return found, may_have_duplicates

    @admin.display(description=_("partnerships"), ordering="partner_count")
    def partners(self, municipality):
        return municipality.partner_count


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "since", "source", "source_note", "created_at"]
    list_filter = ["kind", "source"]
    list_select_related = ["municipality_a", "municipality_b"]
    search_fields = [
        "municipality_a__name_uk",
        "municipality_a__name_en",
        "municipality_b__name_uk",
        "municipality_b__name_en",
    ]
    autocomplete_fields = ["municipality_a", "municipality_b"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at"]


# --- Officials and requests for cooperation (issue 3) -------------------------


class OfficialAdminForm(forms.ModelForm):
    """Staff may record an application themselves; it starts as "applied"."""

    class Meta:
        model = Official
        fields = [
            "user",
            "municipality",
            "position",
            "work_email",
            "phone",
            "note",
            "language",
            "decision_note",
        ]

    def clean(self):
        cleaned = super().clean()
        user = cleaned.get("user")
        # The status field is read-only here, so Django's constraint validation skips
        # official_one_active_record_per_user: say it as a form error, not a 500.
        if (
            self.instance.pk is None
            and user is not None
            and Official.objects.active().filter(user=user).exists()
        ):
            self.add_error(
                "user",
                _("This user already has a pending or approved record. Reject or revoke it first."),
            )
        return cleaned


class OfficialCountryFilter(admin.SimpleListFilter):
    """The official's municipality is in the country; choices are country names, not codes."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return _country_choices(
            Official.objects.order_by().values_list("municipality__country", flat=True).distinct()
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(municipality__country=self.value())
        return queryset


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    """The queue of applications: filter on "applied", select, approve or reject."""

    list_display = [
        "user",
        "municipality",
        "status",
        "position",
        "work_email",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status", "language", OfficialCountryFilter]
    list_select_related = ["user", "municipality", "decided_by"]
    search_fields = [
        "user__email",
        "work_email",
        "municipality__name_uk",
        "municipality__name_en",
        "position",
    ]
    form = OfficialAdminForm
    autocomplete_fields = ["user", "municipality"]
    # The status changes only through the actions below, which call the service
    # (state machine, decision fields, e-mail); who acts for which municipality is
    # fixed once applied: a different user or municipality is a new application.
    readonly_fields = ["status", "decided_by", "decided_at", "created_at"]
    actions = ["approve", "reject", "revoke"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields += ["user", "municipality"]
        return fields

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(request, queryset, OfficialStatus.APPROVED)

    @admin.action(description=_("Reject the selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, OfficialStatus.REJECTED)

    @admin.action(description=_("Revoke the selected officials"), permissions=["change"])
    def revoke(self, request, queryset):
        self._decide(request, queryset, OfficialStatus.REVOKED)

    def _decide(self, request, queryset, status):
        done, refused = 0, []
        for official in queryset:
            try:
                official_decide(official=official, status=status, by=request.user)
            except OfficialError as error:
                refused.append(str(error))
            else:
                done += 1
        if done:
            self.message_user(
                request,
                _("%(count)d record(s) are now “%(status)s”; the applicants were e-mailed.")
                % {"count": done, "status": OfficialStatus(status).label},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.WARNING)


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "actor", "at", "note"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


class CountryFilter(admin.SimpleListFilter):
    """Either side of the request is in the country."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        # Two small DISTINCT queries, merged here: a UNION would inherit the model's
        # default ordering ("-created_at"), which is not a column of the union.
        codes = set()
        for side in ("from_municipality__country", "to_municipality__country"):
            codes.update(
                CooperationRequest.objects.order_by().values_list(side, flat=True).distinct()
            )
        return _country_choices(codes)

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
        if self.value() in {"7", "30"}:
            return queryset.filter(
                created_at__gte=timezone.now() - timedelta(days=int(self.value()))
            )
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
    inlines = [RequestEventInline]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False


from . import admin_memoranda  # noqa: E402, F401  (memoranda admin, issue 4)
