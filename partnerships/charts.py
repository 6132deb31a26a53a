"""Horizontal bar charts as data for an SVG template (sizes are attributes, so CSP allows them)."""

from dataclasses import dataclass

ROW_HEIGHT = 28
LABEL_WIDTH = 260
BAR_AREA = 420


@dataclass
class Bar:
    label: str
    value: int
    url: str
    y: int
    width: int


@dataclass
class BarChart:
    bars: list[Bar]
    height: int
    label_width: int = LABEL_WIDTH
    width: int = LABEL_WIDTH + BAR_AREA + 70

    @property
    def bar_x(self) -> int:
        return self.label_width + 8


def bar_chart(rows: list[tuple[str, int, str]]) -> BarChart:
    """rows: (label, value, link) in the order to draw them."""
    largest = max((value for _label, value, _url in rows), default=0) or 1
    bars = [
        Bar(
            label, value, url, y=index * ROW_HEIGHT, width=max(1, round(value / largest * BAR_AREA))
        )
        for index, (label, value, url) in enumerate(rows)
    ]
    return BarChart(bars=bars, height=len(bars) * ROW_HEIGHT)
