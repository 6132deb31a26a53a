import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from partnerships.choices import MunicipalityKind
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
