"""The key of a row in a partnership's timeline (activities.timeline), and the address of
the timeline's page that starts at a given row. No model imports: the models use it."""

from dataclasses import dataclass
from datetime import date

PAGE_SIZE = 20

# Within one day: yearly documents first, then activities, then news (higher rank first).
YEARLY_RANK, ACTIVITY_RANK, NEWS_RANK = 3, 2, 1


@dataclass(frozen=True)
class Cursor:
    """The key of a row; the next page starts after it."""

    on: date
    rank: int
    pk: int

    def __str__(self) -> str:
        return f"{self.on.isoformat()}_{self.rank}_{self.pk}"

    @classmethod
    def parse(cls, text: str) -> "Cursor":
        """ValueError for anything but what __str__ writes."""
        day, rank, pk = text.split("_")
        if not (rank.isascii() and rank.isdigit() and pk.isascii() and pk.isdigit()):
            raise ValueError(text)
        if len(pk) > 18:
            raise ValueError(text)
        return cls(date.fromisoformat(day), int(rank), int(pk))


def page_starting_at(on: date, rank: int, pk: int) -> str:
    """The query string of the timeline's page whose first row is this one."""
    return f"?before={Cursor(on, rank, pk + 1)}"
