"""Admin of the registry: regions, areas of cooperation, municipalities, partnerships."""

from typing import cast

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export import fields, resources
from import_export.admin import ImportExportModelAdmin
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.admin.coordinates import CoordinatePicker
from partnerships.choices import NameSource, PartnershipHealth
from partnerships.models import (
    CooperationArea,
    Municipality,
    Partnership,
    PartnershipQuerySet,
    Region,
)


def country_choices(codes) -> list[tuple[str, str]]:
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
            "name_uk_source",
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

    def before_save_instance(self, instance, row, **kwargs):
        # A Ukrainian name corrected in an imported file counts as edited by staff.
        if instance.pk and not instance.is_ukrainian:
            stored = Municipality.objects.filter(pk=instance.pk).values_list("name_uk", flat=True)
            mark_edited_if_renamed(instance, stored.first())


def mark_edited_if_renamed(municipality: Municipality, stored_name_uk: str | None) -> None:
    """Staff changed a foreign municipality's Ukrainian name: load_registry keeps it from now on."""
    if not municipality.is_ukrainian and (municipality.name_uk or "") != (stored_name_uk or ""):
        municipality.name_uk_source = NameSource.EDITED


class PartnerCountFilter(admin.SimpleListFilter):
    title = _("partnerships")
    parameter_name = "partners"

    def lookups(self, request, model_admin):
        return [("0", _("none")), ("1", _("one or more")), ("5", _("five or more"))]

    def queryset(self, request, queryset):
        if self.value() == "0":
            return queryset.filter(partner_count=0)
        if (value := self.value()) in {"1", "5"}:
            return queryset.filter(partner_count__gte=int(value))
        return queryset


class OccupiedFilter(admin.SimpleListFilter):
    title = _("temporarily occupied territory")
    parameter_name = "occupied"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.occupied()
        if self.value() == "no":
            return queryset.not_occupied()
        return queryset


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin, ImportExportModelAdmin, TranslationAdmin):
    """History (who edited a profile) first in the MRO: it adds its own URLs and
    records the editing user; import/export and the translated fields follow."""

    resource_classes = [MunicipalityResource]
    list_display = [
        "name",
        "name_uk_source",
        "country",
        "region",
        "kind",
        "population",
        "partners",
        "open_to_partners",
    ]
    list_filter = [
        "open_to_partners",
        OccupiedFilter,
        "kind",
        "name_uk_source",
        PartnerCountFilter,
        "region",
        "country",
    ]
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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "latitude":
            kwargs["widget"] = CoordinatePicker(attrs={"step": "0.00001"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if "name_uk" in form.changed_data:
            stored = form.initial.get("name_uk") if change else None
            mark_edited_if_renamed(obj, stored)
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        # SQLite folds case for ASCII only: also match the normalised names.
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            found = found | queryset.search(search_term)
        return found, may_have_duplicates

    @admin.display(description=_("partnerships"), ordering="partner_count")
    def partners(self, municipality):
        return municipality.partner_count


class HealthFilter(admin.SimpleListFilter):
    title = _("health")
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return PartnershipHealth.choices

    def queryset(self, request, queryset):
        if self.value() in PartnershipHealth.values:
            return queryset.filter(health=self.value())
        return queryset


class OblastFilter(admin.SimpleListFilter):
    """The oblast of the Ukrainian side (of either side, for two Ukrainian communities)."""

    title = _("oblast")
    parameter_name = "oblast"

    def lookups(self, request, model_admin):
        return [(region.slug, region.name) for region in Region.objects.order_by("name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Q(municipality_a__region__slug=self.value())
                | Q(municipality_b__region__slug=self.value())
            )
        return queryset


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    """The quiet partnerships by oblast: filter on health "quiet" and an oblast. Staff set
    the date of an imported partnership (since) and may suspend one with a reason."""

    list_display = ["__str__", "kind", "since", "source", "source_note", "health", "created_at"]
    list_filter = [HealthFilter, OblastFilter, "kind", "source"]
    list_select_related = ["municipality_a", "municipality_b"]
    search_fields = [
        "municipality_a__name_uk",
        "municipality_a__name_en",
        "municipality_b__name_uk",
        "municipality_b__name_en",
    ]
    autocomplete_fields = ["municipality_a", "municipality_b"]
    date_hierarchy = "created_at"
    readonly_fields = ["created_at", "reminded_at"]

    def get_queryset(self, request):
        return cast(PartnershipQuerySet, super().get_queryset(request)).with_health()

    @admin.display(description=_("health"), ordering="health")
    def health(self, partnership):
        return PartnershipHealth(partnership.health).label
