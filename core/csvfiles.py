"""CSV for spreadsheets: the one writer every download uses.

A spreadsheet runs a text cell that starts with = + - @ (or a tab or carriage return
before one) as a formula: a municipality named "=HYPERLINK(…)" would become a link
in whoever opens the file. Such text cells get a leading apostrophe, as OWASP
recommends ("CSV Injection"); numbers, dates and empty cells are written as they are,
so -5 stays the number -5.
"""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Text that a spreadsheet would run, made text again; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer's writerow/writerows, with every text cell through `safe_cell`."""

    def __init__(self, out: Any) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Any) -> SafeWriter:
    """A CSV writer into `out` (a file, an HttpResponse, or anything with write())."""
    return SafeWriter(out)
