import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.csp import CSP
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from core.caching import MAX_AGE, cached_render
from core.responses import compressed_body, conditional_response
from partnerships.caching import registry_generation
from partnerships.choices import MunicipalityKind
from partnerships.mapdata import MapFilter, map_collection
from partnerships.maps import DEFAULT_FRAME, FRAMES, partnerships_map
from partnerships.models import Municipality, Partnership

KIND_LABELS = dict(MunicipalityKind.choices)
# The linked drawing is shown in a frame of the map page: our own pages may frame it.
FRAMED_BY_OUR_PAGES: dict = {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF]}


@require_safe
def map_page(request):
    frame = FRAMES.get(request.GET.get("frame", DEFAULT_FRAME.slug))
    if frame is None:
        raise Http404(_("There is no such map view."))
    generation = registry_generation()
    # Counting and listing the leaders costs more than the rest of the page: cached per
    # registry generation. The linked drawing is its own address (map_drawing).
    figure = cached_render(
        f"map-figure:{frame.slug}:{get_language()}:{generation}",
        "partnerships/map_figure.html",
        lambda: {
            "map": partnerships_map(frame, Partnership.objects.for_map().order_by("pk")),
            "drawing_url": _drawing_url(frame, generation),
            "leaders": Municipality.objects.ukrainian()
            .with_partner_count()
            .filter(partner_count__gt=0)
            .select_related("region")
            .order_by("-partner_count", "sort_key_uk")[:10],
        },
        None,  # the same for every reader
    )
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
            "registry_generation": generation,
            "tiles": settings.MAP_TILES,
            "crumbs": [(_("Map"), "")],
        },
    )


def _drawing_url(frame, generation: str) -> str:
    url = reverse("partnerships:map-drawing", kwargs={"frame": frame.slug})
    return f"{url}?v={generation}"


@require_safe
@xframe_options_sameorigin
@csp_override(FRAMED_BY_OUR_PAGES)
def map_drawing(request, frame: str):
    """The map page's linked drawing, for readers without scripts: every partnership a
    line, every partner a link to its profile. A document of its own, so the page does
    not carry it to the readers whose browser draws the interactive map."""
    chosen = FRAMES.get(frame)
    if chosen is None:
        raise Http404(_("There is no such map view."))
    generation = registry_generation()
    body = cached_render(
        f"map-drawing:{chosen.slug}:{get_language()}:{generation}",
        "partnerships/map_drawing.svg",
        lambda: {"map": partnerships_map(chosen, Partnership.objects.for_map().order_by("pk"))},
        None,  # the same for every reader
    )
    response = HttpResponse(body, content_type="image/svg+xml")
    # The page asks with the generation it was drawn in (v): such an answer never changes.
    current = request.GET.get("v") == generation
    response["Cache-Control"] = f"public, max-age={MAX_AGE}" if current else "no-cache"
    return response


def _focus(request) -> Municipality | None:
    slug = request.GET.get("focus", "")
    if not slug:
        return None
    return Municipality.objects.filter(slug=slug[:120]).first()


@require_safe
def map_data(request):
    """The interactive map's GeoJSON (partnerships.mapdata), cached per registry
    generation, language and filter, already compressed and with its ETag: a browser
    asks again on every visit and gets a 304 while the registry is unchanged."""
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
    entry = cache.get(key)
    if entry is None:
        focus = _focus(request)
        if request.GET.get("focus") and focus is None:
            errors = {"focus": [_("There is no such municipality.")]}
            return JsonResponse({"errors": errors}, status=400)
        collection = map_collection(
            filters.matching_ids(), focus, focus_only=bool(request.GET.get("focus_only"))
        )
        entry = compressed_body(json.dumps(collection, ensure_ascii=False, separators=(",", ":")))
        cache.set(key, entry, MAX_AGE)
    return conditional_response(request, entry, "application/geo+json")


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
