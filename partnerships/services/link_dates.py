"""When imported partnerships began, where the data set says: an optional `since` column
of twin_links.csv with a year (2016) or a date (2016-05-14). A date staff set in the
admin is kept; a link without one in the data stays undated."""

import csv
import re
from datetime import date
from pathlib import Path

from partnerships.models import Municipality, Partnership

YEAR = re.compile(r"^\d{4}$")


def parse_since(text: str) -> date:
    """A year is read as its first day (pages show imported links by year); ValueError
    for anything else."""
    if YEAR.match(text):
        return date(int(text), 1, 1)
    return date.fromisoformat(text)


def fill_link_dates(path: Path, by_key: dict[str, Municipality]) -> list[str]:
    """Give undated partnerships the date their row states; return the problems, each
    with its line, as load_registry reports them."""
    problems: list[str] = []
    wanted: dict[tuple[int, int], date] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            text = (row.get("since") or "").strip()
            first, second = (
                by_key.get(row.get("hromada_katottg", "")),
                by_key.get(row.get("foreign_key", "")),
            )
            if not text or first is None or second is None:
                continue
            try:
                since = parse_since(text)
            except ValueError:
                problems.append(f"{path.name}, line {line}: 'since' is not a year or a date")
                continue
            low, high = sorted([first.pk, second.pk])
            wanted[low, high] = since
    undated = [
        partnership
        for partnership in Partnership.objects.filter(since__isnull=True).only(
            "pk", "municipality_a_id", "municipality_b_id"
        )
        if (partnership.municipality_a_id, partnership.municipality_b_id) in wanted
    ]
    for partnership in undated:
        partnership.since = wanted[partnership.municipality_a_id, partnership.municipality_b_id]
    Partnership.objects.bulk_update(undated, ["since"], batch_size=500)
    return problems
