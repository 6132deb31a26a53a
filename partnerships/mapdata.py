"""The interactive map's data: municipalities and partnerships as GeoJSON.

Two queries whatever the registry's size: every municipality (with its oblast) and
every partnership as a pair of ids; a filter adds its own look-ups and the ids it
matches. The rest is worked out here, so the view can cache the result per
registry generation (partnerships.caching).

A filtered map shows what matches and, fainter, their partners, with the lines
between them; `focus` highlights one municipality with its partners, and with
`focus_only` the map shows nothing else (the profile's small map).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import get_language
from django_countries import countries

from core.text import sort_key
from partnerships.filters import MunicipalityFilter
from partnerships.models import Municipality, Partnership
from partnerships.models.municipality import OCCUPIED_REGION_CODES, UKRAINE

# The directory's filters the map offers (the rest are about the list's order and size).
MAP_FILTERS = ("region", "country", "kind", "offers", "needs", "no_foreign_partner")


class MapFilter(MunicipalityFilter):
    """The directory's filters, those that make sense on a map, and one highlighted
    municipality (by slug)."""

    filters: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {name: self.filters[name] for name in MAP_FILTERS}

    def matching_ids(self) -> set[int] | None:
        """Ids of what the filters match; None when no filter is set."""
        values = {name: self.form.cleaned_data.get(name) for name in MAP_FILTERS}
        if not any(values.values()):
            return None
        queryset = self.filter_queryset(Municipality.objects.order_by())
        return set(queryset.values_list("pk", flat=True))


@dataclass(frozen=True)
class Place:
    pk: int
    name: str
    slug: str
    country: str
    region: str
    occupied: bool
    longitude: float
    latitude: float


def _places() -> tuple[dict[int, Place], dict[int, str]]:
    """The municipalities with coordinates, and every municipality's country."""
    english = (get_language() or "uk")[:2] != "uk"
    rows = Municipality.objects.order_by().values_list(
        "pk",
        "name_uk",
        "name_en",
        "slug",
        "country",
        "region__name_uk",
        "region__name_en",
        "region__code",
        "latitude",
        "longitude",
    )
    places, country_of = {}, {}
    for pk, name_uk, name_en, slug, country, region_uk, region_en, code, lat, lon in rows:
        country_of[pk] = str(country)
        if lat is None or lon is None:
            continue
        places[pk] = Place(
            pk=pk,
            name=(name_en or name_uk) if english else (name_uk or name_en),
            slug=slug,
            country=str(country),
            region=((region_en or region_uk) if english else (region_uk or region_en)) or "",
            occupied=code in OCCUPIED_REGION_CODES,
            longitude=float(lon),
            latitude=float(lat),
        )
    return places, country_of


# The properties a point carries, short: thousands of points travel to a phone
# (static/js/map.js reads them). n: name; p: index into the collection's "places"
# (oblast or country); s: slug (the page turns it into the profile's address); c: its
# partners, when it has any. Flags only where they hold, as 1: ua (Ukrainian), fp (a
# partner in another country), dim (shown as a match's partner, not a match itself),
# hl (highlighted), x (in temporarily occupied territory: no cooperation).
# Partnerships are two MultiLineStrings: the highlighted ones (hl) and the rest.
DECIMALS = 5  # ~1 m: the registry's coordinates are no finer


def _position(place: Place) -> list[float]:
    return [round(place.longitude, DECIMALS), round(place.latitude, DECIMALS)]


def map_collection(matching: set[int] | None, focus: Municipality | None, focus_only: bool) -> dict:
    """The GeoJSON FeatureCollection the map draws (see the module's docstring)."""
    places, country_of = _places()
    pairs = list(Partnership.objects.order_by("pk").values_list("municipality_a", "municipality_b"))
    partners: dict[int, set[int]] = defaultdict(set)
    foreign_partner: set[int] = set()
    for a, b in pairs:
        partners[a].add(b)
        partners[b].add(a)
    for a, b in pairs:
        if country_of[a] != country_of[b]:
            foreign_partner.update((a, b))

    highlighted: set[int] = set()
    if focus is not None:
        highlighted = {focus.pk, *partners[focus.pk]}
    if focus is not None and focus_only:
        matching = {focus.pk}
        shown = highlighted & set(places)
    elif matching is not None:
        # A match's partners are shown beside it, fainter: the other end of its lines.
        context = {p for pk in matching for p in partners[pk]}
        shown = (matching | highlighted | context) & set(places)
    else:
        shown = set(places)
    lines = pairs if matching is None else [(a, b) for a, b in pairs if {a, b} & matching]

    place_names: dict[str, int] = {}
    features: list[dict] = []
    for pk in sorted(shown, key=lambda pk: sort_key(places[pk].name)):
        place = places[pk]
        where = place.region or str(countries.name(place.country))
        properties: dict = {
            "n": place.name,
            "p": place_names.setdefault(where, len(place_names)),
            "s": place.slug,
        }
        flags = {
            "c": len(partners[pk]),
            "ua": int(place.country == UKRAINE),
            "fp": int(pk in foreign_partner),
            "dim": int(matching is not None and pk not in matching),
            "hl": int(pk in highlighted),
            "x": int(place.occupied),
        }
        properties.update((name, value) for name, value in flags.items() if value)
        features.append(
            {
                "type": "Feature",
                "id": pk,
                "geometry": {"type": "Point", "coordinates": _position(place)},
                "properties": properties,
            }
        )
    drawn: dict[bool, list] = {True: [], False: []}
    for a, b in lines:
        if a in shown and b in shown:
            bright = focus is not None and focus.pk in (a, b)
            drawn[bright].append([_position(places[a]), _position(places[b])])
    for bright, segments in drawn.items():
        if segments:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "MultiLineString", "coordinates": segments},
                    "properties": {"hl": 1} if bright else {},
                }
            )
    return {"type": "FeatureCollection", "places": list(place_names), "features": features}
