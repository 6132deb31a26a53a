"""Reading the registry's CSV files: their columns, their rows and the values in them."""

import csv
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db.models import Model


class BadRow(ValueError):
    """A row that cannot be loaded; the message says why."""


class BadFile(ValueError):
    """A file that cannot be read at all; the whole load is rolled back."""


type Row = dict[str, str]

# Columns each file must have; anything else in a file is ignored.
COLUMNS = {
    "oblasts.csv": {"code", "name_uk", "name_en", "kind"},
    "hromadas.csv": {"katottg", "name_uk", "name_en", "kind", "oblast_code"},
    "special_status_cities.csv": {"katottg", "name_uk", "name_en", "kind", "oblast_code"},
    "foreign_municipalities.csv": {"key", "name", "country"},
    "twin_links.csv": {"hromada_katottg", "foreign_key"},
    "foreign_names.csv": {"key", "name_uk"},
}
# Optional: Ukrainian names of foreign municipalities; without it the rule transcribes.
FOREIGN_NAMES = "foreign_names.csv"
# PositiveIntegerField's range on every database.
MAX_INTEGER = 2_147_483_647
# Markers the sources use for "no value".
MISSING = {"NA", "N/A", "NULL", "-"}


def rows(path: Path) -> Iterable[tuple[int, Row]]:
    """(line number, row) of a file, values cleaned; BadFile if it cannot be read."""
    # utf-8-sig: a spreadsheet program may have saved the file with a byte-order mark.
    with path.open(newline="", encoding="utf-8-sig") as handle:
        try:
            reader = csv.DictReader(handle)
            missing = COLUMNS.get(path.name, set()) - set(reader.fieldnames or [])
            if missing:
                raise BadFile(f"{path.name} lacks the columns {', '.join(sorted(missing))}")
            # Line 1 is the header, so the first data row is line 2.
            for line, row in enumerate(reader, start=2):
                yield line, {key: _clean(value) for key, value in row.items() if key}
        except UnicodeDecodeError as error:
            raise BadFile(f"{path.name} is not UTF-8 text ({error.reason})") from error


def _clean(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value.upper() in MISSING else value


def required(row: Row, name: str) -> str:
    if not row.get(name):
        raise BadRow(f"'{name}' is empty")
    return row[name]


def decimal(row: Row, name: str, low: float, high: float) -> Decimal | None:
    text = row.get(name, "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise BadRow(f"'{name}' is not a number: {text!r}") from error
    if not value.is_finite() or not low <= value <= high:
        raise BadRow(f"'{name}' is out of range: {text}")
    return value


def integer(row: Row, name: str) -> int | None:
    text = row.get(name, "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise BadRow(f"'{name}' is not a whole number: {text!r}")
    if int(text) > MAX_INTEGER:
        raise BadRow(f"'{name}' is out of range: {text}")
    return int(text)


def check_length(model: type[Model], name: str, value: str) -> None:
    """Text longer than its column would fail on PostgreSQL (SQLite stores it silently)."""
    limit = getattr(model._meta.get_field(name), "max_length", None)
    if limit is not None and len(value) > limit:
        raise BadRow(f"'{name}' is longer than {limit} characters")


def check_lengths(instance: Model) -> None:
    for column in instance._meta.concrete_fields:
        value = getattr(instance, column.attname, None)
        if isinstance(value, str) and column.max_length and len(value) > column.max_length:
            raise BadRow(f"'{column.name}' is longer than {column.max_length} characters")
