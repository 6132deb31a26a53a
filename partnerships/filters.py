import django_filters
from django import forms
from django.db.models import Exists, F, OrderBy, OuterRef
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.listing import ANY, AlphabeticalChoiceFilter
from core.text import sort_key

from .choices import MunicipalityKind
from .models import CooperationArea, Municipality, Region

SORTS = {
    "name": _("Name, A to Z"),
    "-name": _("Name, Z to A"),
    "-population": _("Largest population first"),
    "population": _("Smallest population first"),
    "-partners": _("Most partners first"),
    "-created": _("Newest in the registry first"),
}


def country_choices():
    present = set(Municipality.objects.order_by().values_list("country", flat=True).distinct())
    return sorted(
        ((code, name) for code, name in countries if code in present), key=lambda c: sort_key(c[1])
    )


class MunicipalityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Name"),
        method="filter_search",
        max_length=100,
        help_text=_("In Ukrainian, English or the native language."),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, empty_label=ANY
    )
    region = AlphabeticalChoiceFilter(
        label=_("Oblast"),
        # Kyiv and Sevastopol are not communities in the codifier: no municipality to find.
        queryset=Region.objects.filter(Exists(Municipality.objects.filter(region=OuterRef("pk")))),
        to_field_name="slug",
        empty_label=ANY,
    )
    offers = django_filters.ModelChoiceFilter(
        label=_("Offers"),
        queryset=CooperationArea.objects.all(),
        to_field_name="slug",
        empty_label=ANY,
    )
    needs = django_filters.ModelChoiceFilter(
        label=_("Needs"),
        queryset=CooperationArea.objects.all(),
        to_field_name="slug",
        empty_label=ANY,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=MunicipalityKind.choices, empty_label=ANY
    )
    population_min = django_filters.NumberFilter(
        label=_("Population from"),
        field_name="population",
        lookup_expr="gte",
        min_value=0,
        max_value=100_000_000,
    )
    population_max = django_filters.NumberFilter(
        label=_("Population up to"),
        field_name="population",
        lookup_expr="lte",
        min_value=0,
        max_value=100_000_000,
    )
    open = django_filters.BooleanFilter(
        label=_("Only open to new partners"),
        field_name="open_to_partners",
        widget=forms.CheckboxInput,
        method="filter_open",
    )
    no_foreign_partner = django_filters.BooleanFilter(
        label=_("No foreign partner yet"),
        widget=forms.CheckboxInput,
        method="filter_no_foreign_partner",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=list(SORTS.items()), method="filter_sort", empty_label=None
    )

    class Meta:
        model = Municipality
        fields: list[str] = []

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_open(self, queryset, name, value):
        return queryset.open_to_partners() if value else queryset

    def filter_no_foreign_partner(self, queryset, name, value):
        return queryset.without_foreign_partner() if value else queryset

    def filter_sort(self, queryset, name, value):
        return queryset  # applied last, in `qs`, so every filter sees the same ordering

    @property
    def qs(self):
        queryset = super().qs.with_partner_count()
        sort = (
            self.form.cleaned_data.get("sort") if self.is_bound and self.form.is_valid() else None
        )
        name = "sort_key_en" if get_language() == "en" else "sort_key_uk"
        orderings: dict[str, list[str | OrderBy]] = {
            "name": [name, "pk"],
            "-name": [F(name).desc(), "-pk"],
            "population": [F("population").asc(nulls_last=True), "pk"],
            "-population": [F("population").desc(nulls_last=True), "pk"],
            "-partners": [F("partner_count").desc(), name, "pk"],
            "-created": ["-created_at", "-pk"],
        }
        return queryset.order_by(*orderings[sort or "name"])
