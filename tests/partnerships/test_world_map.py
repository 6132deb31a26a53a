"""The map's base layer: country shapes from the vendored Natural Earth atlas, with
Ukraine in its internationally recognised borders."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from partnerships.management.commands.build_world_map import TARGET

SHAPES = Path(settings.BASE_DIR) / TARGET
CRIMEA = {"Simferopol": (34.1024, 44.9521), "Sevastopol": (33.5254, 44.6166)}
UKRAINE = "804"


def inside_ring(point: tuple[float, float], ring: list[list[float]]) -> bool:
    """Even-odd ray casting: does the ray to the east cross the ring an odd number of times?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def inside(point: tuple[float, float], geometry: dict) -> bool:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return any(
        inside_ring(point, outer) and not any(inside_ring(point, hole) for hole in holes)
        for outer, *holes in polygons
    )


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return json.loads(SHAPES.read_text(encoding="utf-8"))["features"]


@pytest.mark.parametrize("city", CRIMEA)
def test_crimea_lies_in_ukraine_and_in_no_other_country(countries, city):
    holders = [c["properties"]["name"] for c in countries if inside(CRIMEA[city], c["geometry"])]
    assert holders == ["Ukraine"]


def test_kyiv_and_paris_lie_where_they_should(countries):
    by_name = {c["properties"]["name"]: c["geometry"] for c in countries}
    assert inside((30.5234, 50.4501), by_name["Ukraine"])
    assert inside((2.3522, 48.8566), by_name["France"])
    assert not inside((2.3522, 48.8566), by_name["Ukraine"])


def test_the_committed_shapes_are_what_the_command_builds(tmp_path):
    rebuilt = tmp_path / "countries.geojson"
    call_command("build_world_map", output=rebuilt, stdout=io.StringIO())
    assert rebuilt.read_bytes() == SHAPES.read_bytes()
