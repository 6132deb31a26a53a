"""The interactive map's GeoJSON: what it holds, its filters, its queries and its cache."""

import gzip
import json

import pytest
from django.urls import reverse

from partnerships.choices import MunicipalityKind
from tests.factories import (
    CooperationAreaFactory,
    ForeignMunicipalityFactory,
    MunicipalityFactory,
    OfficialFactory,
    PartnershipFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("partnerships:map-data")


def geojson(client, **params) -> dict:
    response = client.get(reverse("partnerships:map-data"), params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def points(collection: dict) -> dict[str, dict]:
    return {
        f["properties"]["s"]: f for f in collection["features"] if f["geometry"]["type"] == "Point"
    }


def lines(collection: dict, *, highlighted: bool | None = None) -> list[list]:
    """Every partnership drawn, as its two positions (highlighted ones, or the others)."""
    return [
        segment
        for f in collection["features"]
        if f["geometry"]["type"] == "MultiLineString"
        and highlighted in (None, bool(f["properties"].get("hl")))
        for segment in f["geometry"]["coordinates"]
    ]


def flag(feature: dict, name: str) -> bool:
    """A flag is there (as 1) only where it holds."""
    value = feature["properties"].get(name)
    assert value in (None, 1)
    return value == 1


def assert_valid_geojson(collection: dict) -> None:
    """RFC 7946: a FeatureCollection of Features, positions as [longitude, latitude]."""
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        assert geometry["type"] in {"Point", "MultiLineString"}
        if geometry["type"] == "Point":
            positions = [geometry["coordinates"]]
        else:
            assert all(len(line) >= 2 for line in geometry["coordinates"])
            positions = [p for line in geometry["coordinates"] for p in line]
        for longitude, latitude in positions:
            assert isinstance(longitude, float) and -180 <= longitude <= 180
            assert isinstance(latitude, float) and -90 <= latitude <= 90


def test_every_placed_municipality_is_a_point_and_every_partnership_a_line(client):
    partnership = PartnershipFactory(municipality_a__latitude=49.2, municipality_a__longitude=37.25)
    lonely = MunicipalityFactory()
    unplaced = ForeignMunicipalityFactory(latitude=None, longitude=None)
    collection = geojson(client)
    assert_valid_geojson(collection)
    shown = points(collection)
    ukrainian, foreign = partnership.municipality_a, partnership.municipality_b
    assert set(shown) == {ukrainian.slug, foreign.slug, lonely.slug}
    assert unplaced.slug not in shown
    assert shown[ukrainian.slug]["geometry"]["coordinates"] == [37.25, 49.2]
    card = shown[ukrainian.slug]["properties"]
    assert card["n"] == ukrainian.name_uk
    assert collection["places"][card["p"]] == ukrainian.region.name_uk
    assert card["c"] == 1
    assert flag(shown[ukrainian.slug], "ua") and flag(shown[ukrainian.slug], "fp")
    assert not flag(shown[foreign.slug], "ua")
    assert not flag(shown[lonely.slug], "fp")
    assert "c" not in shown[lonely.slug]["properties"]  # no partner: nothing to carry
    (line,) = lines(collection)
    assert line[0] == [37.25, 49.2]


def test_coordinates_are_rounded_to_five_decimals(client):
    MunicipalityFactory(latitude=49.123456789, longitude=37.987654321)
    (point,) = points(geojson(client)).values()
    assert point["geometry"]["coordinates"] == [37.98765, 49.12346]


def test_the_page_turns_slugs_into_profile_addresses(client):
    html = client.get(reverse("partnerships:map")).content.decode()
    profile = reverse("partnerships:municipality-detail", kwargs={"slug": "slug-placeholder"})
    assert f'data-profile-url="{profile}"' in html


def test_a_partner_at_home_is_not_a_foreign_partner(client):
    PartnershipFactory(municipality_b=MunicipalityFactory())
    collection = geojson(client)
    assert [flag(p, "fp") for p in points(collection).values()] == [False, False]


def test_names_and_places_follow_the_language(client, english):
    municipality = MunicipalityFactory()
    foreign = ForeignMunicipalityFactory()
    collection = geojson(client)
    shown, places = points(collection), collection["places"]
    assert shown[municipality.slug]["properties"]["n"] == municipality.name_en
    assert places[shown[municipality.slug]["properties"]["p"]] == municipality.region.name_en
    assert places[shown[foreign.slug]["properties"]["p"]] == "Germany"


def test_a_filter_shows_its_matches_with_their_partners_fainter(client):
    region = RegionFactory()
    inside = PartnershipFactory(municipality_a__region=region)
    outside = PartnershipFactory()
    collection = geojson(client, region=region.slug)
    shown = points(collection)
    assert set(shown) == {inside.municipality_a.slug, inside.municipality_b.slug}
    assert not flag(shown[inside.municipality_a.slug], "dim")
    assert flag(shown[inside.municipality_b.slug], "dim")
    assert outside.municipality_a.slug not in shown
    assert len(lines(collection)) == 1


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("country", "PL", {"polish"}),
        ("kind", MunicipalityKind.RURAL, {"rural"}),
        ("offers", "energy", {"offers"}),
        ("needs", "energy", {"needs"}),
        ("no_foreign_partner", "on", {"rural", "offers", "needs"}),
    ],
)
def test_each_filter_of_the_map(client, name, value, expected):
    energy = CooperationAreaFactory(slug="energy")
    polish = ForeignMunicipalityFactory(slug="polish", country="PL")
    twinned = PartnershipFactory(municipality_b=polish)
    MunicipalityFactory(slug="rural", kind=MunicipalityKind.RURAL)
    MunicipalityFactory(slug="offers").offers.add(energy)
    MunicipalityFactory(slug="needs").needs.add(energy)
    collection = geojson(client, **{name: value})
    matched = {slug for slug, p in points(collection).items() if not flag(p, "dim")}
    assert matched == expected
    if name == "country":
        assert twinned.municipality_a.slug in points(collection)  # the partner, fainter


def test_a_highlighted_municipality_and_its_partners(client):
    focus = PartnershipFactory().municipality_a
    second = PartnershipFactory(municipality_a=focus).municipality_b
    other = PartnershipFactory()
    partner_of_partner = MunicipalityFactory()
    PartnershipFactory(municipality_a=partner_of_partner, municipality_b=second)
    collection = geojson(client, focus=focus.slug)
    highlighted = {s for s, p in points(collection).items() if flag(p, "hl")}
    assert highlighted == {focus.slug, second.slug, *[p.slug for p in focus_partners(focus)]}
    assert other.municipality_a.slug in points(collection)  # the rest stays, not highlighted
    assert len(lines(collection, highlighted=True)) == 2

    only = geojson(client, focus=focus.slug, focus_only="1")
    assert set(points(only)) == highlighted
    assert partner_of_partner.slug not in points(only)
    assert len(lines(only)) == 2
    assert all(flag(p, "dim") == (s != focus.slug) for s, p in points(only).items())


def focus_partners(municipality):
    from partnerships.models import Partnership

    return [p.partner_of(municipality) for p in Partnership.objects.involving(municipality)]


@pytest.mark.parametrize(
    "params",
    [{"region": "atlantis"}, {"country": "XX"}, {"kind": "castle"}, {"focus": "nowhere"}],
)
def test_bad_filters_are_a_clear_400(client, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert set(json.loads(response.content)["errors"]) == set(params)


@pytest.mark.parametrize("size", [2, 20])
def test_map_data_takes_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    region = RegionFactory()
    for _ in range(size):
        PartnershipFactory(municipality_a__region=region)
    # Municipalities, partnerships; with a filter also the region's slug and the matches.
    with django_assert_num_queries(2):
        client.get(URL)
    with django_assert_num_queries(4):
        client.get(URL, {"region": region.slug, "no_foreign_partner": "on"})
    with django_assert_num_queries(0):
        client.get(URL)  # cached until the registry changes


def test_map_data_is_dropped_when_the_registry_changes(client):
    PartnershipFactory()
    assert len(lines(geojson(client))) == 1
    newcomer = PartnershipFactory()
    collection = geojson(client)
    assert len(lines(collection)) == 2
    assert newcomer.municipality_b.slug in points(collection)
    newcomer.municipality_b.delete()
    assert newcomer.municipality_b.slug not in points(geojson(client))


def test_a_repeat_visit_is_a_304_until_the_registry_changes(client):
    PartnershipFactory()
    first = client.get(URL)
    assert first["Cache-Control"] == "public, no-cache"  # asked again on every visit
    etag = first["ETag"]
    again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    newcomer = PartnershipFactory()
    changed = client.get(URL, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert newcomer.municipality_b.slug in points(json.loads(changed.content))


def test_a_browser_that_takes_gzip_gets_the_same_data_compressed(client):
    PartnershipFactory()
    plain = client.get(URL)
    packed = client.get(URL, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert packed["ETag"] == plain["ETag"]


def test_map_page_passes_its_filter_to_the_data_and_keeps_it_in_the_form(client):
    region = RegionFactory()
    MunicipalityFactory(region=region)
    html = client.get(reverse("partnerships:map"), {"region": region.slug}).content.decode()
    assert f'data-geojson="{URL}?region={region.slug}"' in html
    assert f'<option value="{region.slug}" selected>' in html
    assert 'class="map-fallback"' in html  # the drawing stays for readers without scripts


def test_only_officials_get_the_cooperate_action_and_not_for_their_own(client):
    official = OfficialFactory()
    assert "data-official" not in client.get(reverse("partnerships:map")).content.decode()
    client.force_login(official.user)
    html = client.get(reverse("partnerships:map")).content.decode()
    assert f'data-official="{official.municipality_id}"' in html
    assert 'data-cooperate="/uk/municipalities/slug-placeholder/cooperate/"' in html
