"""Charts as data for SVG templates (sizes are attributes, so the CSP allows them): bars
across, columns per month in groups, and Ukraine's oblasts as a grid of tiles."""

from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format

ROW_HEIGHT = 28
LABEL_WIDTH = 260
BAR_AREA = 420


@dataclass
class Bar:
    label: str
    value: float
    url: str
    y: int
    width: int
    shown: str  # the value as the chart writes it


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = LABEL_WIDTH + BAR_AREA + 70

    @property
    def bar_x(self) -> int:
        return self.label_width + 8


def percent(value: float) -> str:
    return f"{number_format(value, 1)} %"


def bar_chart(rows: list[tuple[str, float, str]], *, in_percent: bool = False) -> BarChart:
    """rows: (label, value, link) in the order to draw them."""
    largest = 100 if in_percent else max((value for _l, value, _u in rows), default=0) or 1
    bars = [
        Bar(
            label,
            value,
            url,
            y=index * ROW_HEIGHT,
            width=max(1, round(value / largest * BAR_AREA)),
            shown=percent(value) if in_percent else intcomma(value),
        )
        for index, (label, value, url) in enumerate(rows)
    ]
    return BarChart(bars=bars, height=len(bars) * ROW_HEIGHT)


# --- Columns: a group per month, a column per series -------------------------------------

COLUMN_WIDTH = 12
GROUP_GAP = 16
COLUMN_AREA = 160
AXIS_HEIGHT = 44


@dataclass
class Column:
    series: int  # which series: its colour in the CSS (chart__column--N)
    x: int
    y: int
    height: int
    title: str  # what a pointer hovering over it reads


@dataclass
class ColumnGroup:
    label: str  # under the group; `note` (a year) below it, where one starts
    note: str
    x: int  # the middle of the group, where its label stands
    columns: list[Column]


@dataclass
class ColumnChart:
    groups: list[ColumnGroup]
    width: int
    largest: int
    baseline: int = COLUMN_AREA + 10
    height: int = COLUMN_AREA + 10 + AXIS_HEIGHT


def column_chart(rows: list[tuple[str, str, str, list[int]]], names: list[str]) -> ColumnChart:
    """rows: (title, label, note, one value per series) in the order to draw them; the
    title names the group where a pointer hovers; names: the series'."""
    largest = max((value for *_labels, values in rows for value in values), default=0) or 1
    group_width = COLUMN_WIDTH * len(names) + GROUP_GAP
    groups = []
    for index, (title, label, note, values) in enumerate(rows):
        left = 40 + index * group_width
        columns = []
        for series, value in enumerate(values):
            height = round(value / largest * COLUMN_AREA)
            columns.append(
                Column(
                    series,
                    x=left + series * COLUMN_WIDTH,
                    y=COLUMN_AREA + 10 - height,
                    height=height,
                    title=f"{title}: {names[series]}: {intcomma(value)}",
                )
            )
        middle = left + (group_width - GROUP_GAP) // 2
        groups.append(ColumnGroup(label, note, x=middle, columns=columns))
    return ColumnChart(groups=groups, width=40 + len(rows) * group_width + 10, largest=largest)


# --- Tiles: each oblast a square where it lies in the country ----------------------------

TILE = 76
# Row and column of each first-level unit by the first four characters of its KATOTTG code.
TILE_PLACES = {
    "UA07": (0, 1),  # Volyn
    "UA56": (0, 2),  # Rivne
    "UA18": (0, 3),  # Zhytomyr
    "UA32": (0, 4),  # Kyiv Oblast
    "UA74": (0, 5),  # Chernihiv
    "UA59": (0, 6),  # Sumy
    "UA46": (1, 0),  # Lviv
    "UA61": (1, 1),  # Ternopil
    "UA68": (1, 2),  # Khmelnytskyi
    "UA05": (1, 3),  # Vinnytsia
    "UA71": (1, 4),  # Cherkasy
    "UA53": (1, 5),  # Poltava
    "UA63": (1, 6),  # Kharkiv
    "UA44": (1, 7),  # Luhansk
    "UA21": (2, 0),  # Zakarpattia
    "UA26": (2, 1),  # Ivano-Frankivsk
    "UA73": (2, 2),  # Chernivtsi
    "UA51": (2, 3),  # Odesa
    "UA35": (2, 4),  # Kirovohrad
    "UA12": (2, 5),  # Dnipropetrovsk
    "UA14": (2, 6),  # Donetsk
    "UA48": (3, 4),  # Mykolaiv
    "UA65": (3, 5),  # Kherson
    "UA23": (3, 6),  # Zaporizhzhia
    "UA01": (4, 5),  # Crimea
}
# Shades from none to most: the share (per cent) at which each one starts.
TILE_LEVELS = (0, 10, 25, 50, 75)


@dataclass
class Tile:
    label: str
    shown: str
    url: str
    x: int
    y: int
    level: int  # its shade in the CSS (tiles__tile--N)


@dataclass
class TileGrid:
    tiles: list[Tile]
    size: int = TILE
    width: int = 8 * TILE
    height: int = 5 * TILE

    @property
    def levels(self) -> list[tuple[int, str]]:
        """The legend: each shade and the shares it stands for."""
        bounds = [*TILE_LEVELS[1:], 100]
        return [
            (level, f"{start}–{end} %")
            for level, (start, end) in enumerate(zip(TILE_LEVELS, bounds, strict=True))
        ]


def tile_grid(rows: list[tuple[str, str, float, str]]) -> TileGrid:
    """rows: (KATOTTG code, short name, share in per cent, link); units with no place on
    the grid (the cities with special status) are left to the table."""
    tiles = []
    for code, label, value, url in rows:
        place = TILE_PLACES.get(code[:4])
        if place is None:
            continue
        level = sum(1 for start in TILE_LEVELS[1:] if value >= start)
        row, column = place
        tiles.append(Tile(label, percent(value), url, column * TILE, row * TILE, level))
    return TileGrid(tiles)
