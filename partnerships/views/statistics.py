"""Statistics of the registry: partnerships by oblast, country, year and kind."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries

from core.caching import cached_render
from partnerships.caching import registry_generation
from partnerships.charts import bar_chart
from partnerships.choices import MunicipalityKind
from partnerships.models import Municipality, Partnership, Region

KIND_LABELS = dict(MunicipalityKind.choices)


def _partnership_counts(side_field: str, *, ukrainian: bool):
    """Count partnerships by a field of the Ukrainian (or foreign) side, both ways round."""
    totals: dict = {}
    for side in ("municipality_a", "municipality_b"):
        side_filter = {f"{side}__country": "UA"}
        rows = Partnership.objects.order_by()
        rows = rows.filter(**side_filter) if ukrainian else rows.exclude(**side_filter)
        for key, count in rows.values_list(f"{side}__{side_field}").annotate(n=Count("pk")):
            totals[key] = totals.get(key, 0) + count
    return totals


@require_safe
def statistics_page(request):
    # The same for every reader: rendered once per registry generation.
    key = f"statistics:{registry_generation()}:{get_language()}"
    content = cached_render(key, "partnerships/statistics_content.html", _statistics, request)
    return render(
        request,
        "partnerships/statistics.html",
        {"content": content, "crumbs": [(_("Statistics"), "")]},
    )


def _statistics() -> dict:
    by_region = _partnership_counts("region", ukrainian=True)
    regions = {region.pk: region for region in Region.objects.all()}
    region_rows = sorted(
        ((regions[pk], count) for pk, count in by_region.items() if pk in regions),
        key=lambda row: (-row[1], row[0].name),
    )
    by_country = sorted(
        _partnership_counts("country", ukrainian=False).items(), key=lambda row: (-row[1], row[0])
    )
    list_url = reverse("partnerships:municipality-list")
    country_rows = [
        (countries.name(code), count, f"{list_url}?country={code}") for code, count in by_country
    ]
    kinds = Municipality.objects.order_by().values_list("kind").annotate(n=Count("pk"))
    by_year = (
        Partnership.objects.filter(since__isnull=False)
        .annotate(year=ExtractYear("since"))
        .order_by("year")
        .values_list("year")
        .annotate(n=Count("pk"))
    )
    return {
        "region_chart": bar_chart([(r.name, c, r.get_absolute_url()) for r, c in region_rows]),
        "country_chart": bar_chart(country_rows[:25]),
        "country_total": len(country_rows),
        "year_chart": bar_chart([(str(year), n, "") for year, n in by_year]),
        "kind_rows": [(KIND_LABELS.get(kind, _("kind not known")), n) for kind, n in kinds],
    }
