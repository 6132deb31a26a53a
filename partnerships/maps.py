"""Maps drawn on the server as SVG: no tiles, no other host, no JavaScript.

The registry's own coordinates draw the background (1,469 community centres
trace Ukraine's shape), and partnerships are lines on top of it.
"""

import math
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class Frame:
    """An equirectangular view, scaled by the cosine of its middle latitude."""

    slug: str
    west: float
    east: float
    south: float
    north: float
    width: int = 1000

    @property
    def x_scale(self) -> float:
        return self.width / (self.east - self.west)

    @property
    def y_scale(self) -> float:
        middle = math.radians((self.north + self.south) / 2)
        return self.x_scale / max(math.cos(middle), 0.5)

    @property
    def height(self) -> int:
        return round((self.north - self.south) * self.y_scale)

    def project(self, latitude, longitude) -> tuple[float, float] | None:
        if latitude is None or longitude is None:
            return None
        lat, lon = float(latitude), float(longitude)
        if not (self.south <= lat <= self.north and self.west <= lon <= self.east):
            return None
        return round((lon - self.west) * self.x_scale, 1), round(
            (self.north - lat) * self.y_scale, 1
        )


FRAMES = {
    frame.slug: frame
    for frame in (
        Frame("europe", west=-11, east=45, south=34, north=62),
        Frame("world", west=-170, east=180, south=-50, north=72, width=1200),
    )
}
DEFAULT_FRAME = FRAMES["europe"]


@dataclass
class MapPoint:
    x: float
    y: float
    label: str
    url: str
    ukrainian: bool


@dataclass
class MapLine:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class PartnershipMap:
    frame: Frame
    points: list[MapPoint] = field(default_factory=list)
    lines: list[MapLine] = field(default_factory=list)
    highlight: MapPoint | None = None
    outside: list = field(default_factory=list)

    @property
    def background_url(self) -> str:
        return reverse("partnerships:map-background", kwargs={"frame": self.frame.slug})


def _point(frame: Frame, municipality) -> MapPoint | None:
    spot = frame.project(municipality.latitude, municipality.longitude)
    if spot is None:
        return None
    return MapPoint(
        *spot, municipality.name, municipality.get_absolute_url(), municipality.is_ukrainian
    )


def profile_map(municipality, partners) -> PartnershipMap | None:
    """The municipality and lines to each partner; None when it has no coordinates."""
    frame = DEFAULT_FRAME
    centre = _point(frame, municipality)
    if centre is None and partners:
        frame = FRAMES["world"]
        centre = _point(frame, municipality)
    if centre is None:
        return None
    drawn = PartnershipMap(frame=frame, highlight=centre)
    for partner in partners:
        spot = _point(frame, partner)
        if spot is None:
            drawn.outside.append(partner)
            continue
        drawn.points.append(spot)
        drawn.lines.append(MapLine(centre.x, centre.y, spot.x, spot.y))
    return drawn


def partnerships_map(frame: Frame, partnerships) -> PartnershipMap:
    """Every partnership as a line, every partner as a linked point."""
    drawn = PartnershipMap(frame=frame)
    seen = {}
    for partnership in partnerships:
        ends = []
        for municipality in (partnership.municipality_a, partnership.municipality_b):
            if municipality.pk not in seen:
                seen[municipality.pk] = _point(frame, municipality)
                if seen[municipality.pk] is None:
                    drawn.outside.append(municipality)
                else:
                    drawn.points.append(seen[municipality.pk])
            ends.append(seen[municipality.pk])
        if None not in ends:
            drawn.lines.append(MapLine(ends[0].x, ends[0].y, ends[1].x, ends[1].y))
    return drawn
