"""The interactive map's GeoJSON: what it holds, its filters, its queries and its cache."""

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
        f["properties"]["slug"]: f
        for f in collection["features"]
        if f["geometry"]["type"] == "Point"
    }


def lines(collection: dict) -> list[dict]:
    return [f for f in collection["features"] if f["geometry"]["type"] == "LineString"]


def assert_valid_geojson(collection: dict) -> None:
    """RFC 7946: a FeatureCollection of Features, positions as [longitude, latitude]."""
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        positions = (
            [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        )
        assert geometry["type"] in {"Point", "LineString"}
        assert geometry["type"] == "Point" or len(positions) >= 2
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
    assert card["name"] == ukrainian.name_uk
    assert card["place"] == ukrainian.region.name_uk
    assert card["url"] == ukrainian.get_absolute_url()
    assert card["partners"] == 1
    assert card["ua"] is True and card["foreign_partner"] is True
    assert shown[foreign.slug]["properties"]["ua"] is False
    assert shown[lonely.slug]["properties"]["foreign_partner"] is False
    (line,) = lines(collection)
    assert line["geometry"]["coordinates"][0] == [37.25, 49.2]


def test_a_partner_at_home_is_not_a_foreign_partner(client):
    PartnershipFactory(municipality_b=MunicipalityFactory())
    collection = geojson(client)
    assert [p["properties"]["foreign_partner"] for p in points(collection).values()] == [
        False,
        False,
    ]


def test_names_and_places_follow_the_language(client, english):
    municipality = MunicipalityFactory()
    foreign = ForeignMunicipalityFactory()
    shown = points(geojson(client))
    assert shown[municipality.slug]["properties"]["name"] == municipality.name_en
    assert shown[municipality.slug]["properties"]["place"] == municipality.region.name_en
    assert shown[foreign.slug]["properties"]["place"] == "Germany"


def test_a_filter_shows_its_matches_with_their_partners_fainter(client):
    region = RegionFactory()
    inside = PartnershipFactory(municipality_a__region=region)
    outside = PartnershipFactory()
    collection = geojson(client, region=region.slug)
    shown = points(collection)
    assert set(shown) == {inside.municipality_a.slug, inside.municipality_b.slug}
    assert shown[inside.municipality_a.slug]["properties"]["match"] is True
    assert shown[inside.municipality_b.slug]["properties"]["match"] is False
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
    matched = {slug for slug, p in points(collection).items() if p["properties"]["match"]}
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
    highlighted = {s for s, p in points(collection).items() if p["properties"].get("highlight")}
    assert highlighted == {focus.slug, second.slug, *[p.slug for p in focus_partners(focus)]}
    assert other.municipality_a.slug in points(collection)  # the rest stays, not highlighted
    assert sum(1 for line in lines(collection) if line["properties"].get("highlight")) == 2

    only = geojson(client, focus=focus.slug, focus_only="1")
    assert set(points(only)) == highlighted
    assert partner_of_partner.slug not in points(only)
    assert len(lines(only)) == 2
    assert all(p["properties"]["match"] == (s == focus.slug) for s, p in points(only).items())


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


def test_a_browser_may_keep_only_an_answer_of_the_current_generation(client):
    page = client.get(reverse("partnerships:map")).content.decode()
    generation = page.split(f"{URL}?v=", 1)[1].split('"', 1)[0]
    assert "max-age" in client.get(URL, {"v": generation})["Cache-Control"]
    assert client.get(URL, {"v": "old"})["Cache-Control"] == "no-cache"


def test_map_page_passes_its_filter_to_the_data_and_keeps_it_in_the_form(client):
    region = RegionFactory()
    MunicipalityFactory(region=region)
    html = client.get(reverse("partnerships:map"), {"region": region.slug}).content.decode()
    assert f'data-geojson="{URL}?region={region.slug}&amp;v=' in html
    assert f'<option value="{region.slug}" selected>' in html
    assert 'class="map-fallback"' in html  # the drawing stays for readers without scripts


def test_only_officials_get_the_cooperate_action_and_not_for_their_own(client):
    official = OfficialFactory()
    assert "data-official" not in client.get(reverse("partnerships:map")).content.decode()
    client.force_login(official.user)
    html = client.get(reverse("partnerships:map")).content.decode()
    assert f'data-official="{official.municipality_id}"' in html
    assert 'data-cooperate="/uk/municipalities/slug-placeholder/cooperate/"' in html
