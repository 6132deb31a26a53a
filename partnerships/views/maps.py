import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe
from django_countries import countries

from core.caching import cached_render
from partnerships.caching import registry_generation
from partnerships.charts import bar_chart
from partnerships.choices import MunicipalityKind
from partnerships.maps import DEFAULT_FRAME, FRAMES, partnerships_map
from partnerships.models import Municipality, Partnership, Region

KIND_LABELS = dict(MunicipalityKind.choices)


def _registry_version() -> str:
    """Changes whenever a partnership or a municipality does: the map's cache key."""
    partnerships = Partnership.objects.aggregate(total=Count("pk"), last=Max("created_at"))
    municipalities = Municipality.objects.aggregate(last=Max("updated_at"))
    stamp = f"{partnerships['total']}:{partnerships['last']}:{municipalities['last']}"
    return hashlib.sha256(stamp.encode()).hexdigest()[:16]


@require_safe
def map_page(request):
    frame = FRAMES.get(request.GET.get("frame", DEFAULT_FRAME.slug))
    if frame is None:
        raise Http404(_("There is no such map view."))
    # Drawing ~900 partnerships costs more than the rest of the page: cache
    # the figure until the registry changes.
    key = f"map-figure:{frame.slug}:{get_language()}:{_registry_version()}"
    figure = cache.get(key)
    if figure is None:
        figure = render_to_string(
            "partnerships/map_figure.html",
            {
                "map": partnerships_map(frame, Partnership.objects.for_map().order_by("pk")),
                "leaders": Municipality.objects.ukrainian()
                .with_partner_count()
                .filter(partner_count__gt=0)
                .select_related("region")
                .order_by("-partner_count", "sort_key_uk")[:10],
            },
        )
        cache.set(key, figure, 60 * 60)
    return render(
        request,
        "partnerships/map.html",
        {
            "figure": mark_safe(figure),
            "frame": frame,
            "frames": FRAMES.values(),
            "crumbs": [(_("Map"), "")],
        },
    )


@require_safe
@cache_page(60 * 60)
def map_background(request, frame: str):
    """Every municipality with coordinates as a faint dot: the map's land."""
    chosen = FRAMES.get(frame)
    if chosen is None:
        raise Http404(_("There is no such map view."))
    coordinates = Municipality.objects.filter(
        latitude__isnull=False, longitude__isnull=False
    ).values_list("latitude", "longitude", "country")
    dots = []
    for latitude, longitude, country in coordinates:
        spot = chosen.project(latitude, longitude)
        if spot:
            dots.append((*spot, country == "UA"))
    response = render(
        request,
        "partnerships/map_background.svg",
        {"frame": chosen, "dots": dots},
        content_type="image/svg+xml",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
@cache_page(10 * 60)
def map_lines(request, frame: str):
    """The partnership lines alone, for pictures that need no links (home page)."""
    chosen = FRAMES.get(frame)
    if chosen is None:
        raise Http404(_("There is no such map view."))
    drawn = partnerships_map(chosen, Partnership.objects.for_map().order_by("pk"))
    return render(
        request, "partnerships/map_lines.svg", {"map": drawn}, content_type="image/svg+xml"
    )


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
