import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from core.caching import MAX_AGE
from partnerships.caching import registry_generation
from partnerships.choices import MunicipalityKind
from partnerships.mapdata import MapFilter, map_collection
from partnerships.maps import DEFAULT_FRAME, FRAMES, partnerships_map
from partnerships.models import Municipality, Partnership

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
    filters = MapFilter(request.GET or None, queryset=Municipality.objects.none())
    filters.form.is_valid()
    focus = _focus(request)
    return render(
        request,
        "partnerships/map.html",
        {
            "figure": mark_safe(figure),
            "frame": frame,
            "frames": FRAMES.values(),
            "filters": filters,
            "focus": focus,
            "data_query": request.GET.urlencode(),
            "registry_generation": registry_generation(),
            "tiles": settings.MAP_TILES,
            "crumbs": [(_("Map"), "")],
        },
    )


def _focus(request) -> Municipality | None:
    slug = request.GET.get("focus", "")
    if not slug:
        return None
    return Municipality.objects.filter(slug=slug[:120]).first()


@require_safe
@gzip_page  # public data, no secret to leak: a tenth of the size on a phone's line
def map_data(request):
    """The interactive map's GeoJSON (partnerships.mapdata), cached per registry
    generation, language and filter."""
    filters = MapFilter(request.GET, queryset=Municipality.objects.none())
    if not filters.form.is_valid():
        return JsonResponse({"errors": filters.form.errors}, status=400)
    query = sorted(
        (name, value)
        for name, value in request.GET.items()
        if name in {*filters.filters, "focus", "focus_only"} and value
    )
    digest = hashlib.sha256(json.dumps(query).encode()).hexdigest()
    key = f"map-data:{registry_generation()}:{get_language()}:{digest}"
    body = cache.get(key)
    if body is None:
        focus = _focus(request)
        if request.GET.get("focus") and focus is None:
            errors = {"focus": [_("There is no such municipality.")]}
            return JsonResponse({"errors": errors}, status=400)
        collection = map_collection(
            filters.matching_ids(), focus, focus_only=bool(request.GET.get("focus_only"))
        )
        body = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
        cache.set(key, body, MAX_AGE)
    response = HttpResponse(body, content_type="application/geo+json")
    # The page asks with the generation it was drawn in (v): such an answer never changes.
    current = request.GET.get("v") == registry_generation()
    response["Cache-Control"] = f"public, max-age={MAX_AGE}" if current else "no-cache"
    return response


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
