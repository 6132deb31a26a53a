"""Load the public registry data (data/*.csv) into the database, idempotently.

Rows are matched on their key in the data set (KATOTTG code, foreign key,
pair of keys), so a second run updates what changed and creates nothing new.
"""

import csv
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify
from django_countries import countries

from core.transcription import to_ukrainian
from partnerships.caching import registry_changed
from partnerships.choices import (
    MunicipalityKind,
    NameSource,
    PartnershipKind,
    PartnershipSource,
    RegionKind,
)
from partnerships.models import Municipality, Partnership, Region
from partnerships.models.municipality import DERIVED_FIELDS
from partnerships.services.link_dates import fill_link_dates
from partnerships.services.occupation import mark_occupied_regions

KIND_WORDS = {
    MunicipalityKind.URBAN: ("міська громада", "urban hromada"),
    MunicipalityKind.SETTLEMENT: ("селищна громада", "settlement hromada"),
    MunicipalityKind.RURAL: ("сільська громада", "rural hromada"),
    "": ("громада", "hromada"),
}
# A city with special status is called by its name alone ("Київ", "Kyiv").
NAMED_ALONE = {MunicipalityKind.SPECIAL_CITY}
# Fields the data set owns; what officials edit (description, areas, ...) is left alone.
MUNICIPALITY_FIELDS = [
    "name_uk",
    "name_uk_source",
    "name_en",
    "name_native",
    "center_uk",
    "center_en",
    "code",
    "country",
    "region_id",
    "kind",
    "population",
    "area_km2",
    "latitude",
    "longitude",
    *DERIVED_FIELDS,
]


class BadRow(ValueError):
    """A row that cannot be loaded; the message says why."""


class BadFile(ValueError):
    """A file that cannot be read at all; the whole load is rolled back."""


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


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


Progress = Callable[[str, int, int], None]


def _rows(path: Path) -> Iterable[tuple[int, dict]]:
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


# Markers the sources use for "no value".
MISSING = {"NA", "N/A", "NULL", "-"}


def _clean(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value.upper() in MISSING else value


def _required(row: dict, name: str) -> str:
    if not row.get(name):
        raise BadRow(f"'{name}' is empty")
    return row[name]


def _decimal(row: dict, name: str, low: float, high: float) -> Decimal | None:
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


def _integer(row: dict, name: str) -> int | None:
    text = row.get(name, "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        raise BadRow(f"'{name}' is not a whole number: {text!r}")
    if int(text) > MAX_INTEGER:
        raise BadRow(f"'{name}' is out of range: {text}")
    return int(text)


def _check_lengths(instance) -> None:
    """Text longer than its column would fail on PostgreSQL (SQLite stores it silently)."""
    for column in instance._meta.concrete_fields:
        value = getattr(instance, column.attname, None)
        if isinstance(value, str) and column.max_length and len(value) > column.max_length:
            raise BadRow(f"'{column.name}' is longer than {column.max_length} characters")


class RegistryLoader:
    def __init__(self, data_dir: Path, progress: Progress | None = None):
        self.data_dir = data_dir
        self.progress = progress or (lambda label, done, total: None)
        self.report = Report()

    def problem(self, file_name: str, line: int, message: str) -> None:
        self.report.problems.append(f"{file_name}, line {line}: {message}")

    @transaction.atomic
    def load(self) -> Report:
        regions = self.load_regions()
        by_key = self.load_hromadas(regions)
        mark_occupied_regions()
        by_key.update(self.load_foreign())
        self.load_links(by_key)
        self.report.problems += fill_link_dates(self.data_dir / "twin_links.csv", by_key)
        # Bulk writes send no signals: drop the cached registry pages here.
        registry_changed()
        return self.report

    def _read(self, file_name: str, parse, key) -> list:
        """Parsed rows; bad ones and repeated keys are reported with their line and skipped."""
        parsed, seen = [], {}
        for line, row in _rows(self.data_dir / file_name):
            try:
                item = parse(row)
                if hasattr(item, "_meta"):
                    _check_lengths(item)
                if key(item) in seen:
                    raise BadRow(f"repeats the key of line {seen[key(item)]}")
            except BadRow as error:
                self.problem(file_name, line, str(error))
                continue
            seen[key(item)] = line
            parsed.append(item)
        return parsed

    def load_regions(self) -> dict[str, Region]:
        def parse(row):
            kind = _required(row, "kind")
            if kind not in RegionKind.values:
                raise BadRow(f"unknown kind {kind!r}")
            return Region(
                code=_required(row, "code"),
                name_uk=_required(row, "name_uk"),
                name_en=_required(row, "name_en"),
                slug=slugify(row["name_en"]),
                kind=kind,
            )

        wanted = self._read("oblasts.csv", parse, key=lambda region: region.code)
        self._upsert("regions", Region, wanted, "code", ["name_uk", "name_en", "kind"])
        return {region.code: region for region in Region.objects.all()}

    def load_hromadas(self, regions: dict[str, Region]) -> dict[str, Municipality]:
        def parse(row):
            kind = row.get("kind", "")
            if kind not in KIND_WORDS and kind not in NAMED_ALONE:
                raise BadRow(f"unknown kind {kind!r}")
            region = regions.get(row.get("oblast_code", ""))
            if region is None:
                raise BadRow(f"unknown oblast code {row.get('oblast_code')!r}")
            word_uk, word_en = KIND_WORDS.get(kind, ("", ""))
            return Municipality(
                registry_key=_required(row, "katottg"),
                code=row["katottg"],
                name_uk=f"{_required(row, 'name_uk')} {word_uk}".strip(),
                name_en=f"{_required(row, 'name_en')} {word_en}".strip(),
                name_native="",
                center_uk=row.get("center_uk", ""),
                center_en=row.get("center_en", ""),
                country="UA",
                region_id=region.pk,
                kind=kind,
                population=_integer(row, "population"),
                area_km2=_decimal(row, "area_km2", 0, 10_000_000),
                latitude=_decimal(row, "lat", 44, 53),
                longitude=_decimal(row, "lon", 22, 41),
            )

        # Kyiv and Sevastopol are not hromadas in KATOTTG; they load beside them.
        wanted = [
            *self._read("hromadas.csv", parse, key=lambda m: m.registry_key),
            *self._read("special_status_cities.csv", parse, key=lambda m: m.registry_key),
        ]
        return self._upsert_municipalities("communities", wanted, regions)

    def foreign_names(self) -> dict[str, dict]:
        """Ukrainian and native names by foreign key (foreign_names.csv, if present)."""
        path = self.data_dir / FOREIGN_NAMES
        found: dict[str, dict] = {}
        if not path.exists():
            return found
        for line, row in _rows(path):
            try:
                key = _required(row, "key")
                source = row.get("source", "") or NameSource.ESTABLISHED
                if source not in {NameSource.ESTABLISHED, NameSource.TRANSCRIBED}:
                    raise BadRow(f"unknown source {source!r}")
                if key in found:
                    raise BadRow(f"repeats the key of line {found[key]['line']}")
                names = {
                    "name_uk": row.get("name_uk", ""),
                    "name_native": row.get("name_native", ""),
                    "source": source,
                    "line": line,
                }
                for field in ("name_uk", "name_native"):
                    limit = getattr(Municipality._meta.get_field(field), "max_length", None)
                    if limit is not None and len(names[field]) > limit:
                        raise BadRow(f"'{field}' is longer than {limit} characters")
            except BadRow as error:
                self.problem(FOREIGN_NAMES, line, str(error))
                continue
            found[key] = names
        return found

    def load_foreign(self) -> dict[str, Municipality]:
        names = self.foreign_names()
        # A Ukrainian name that staff corrected stays as they wrote it.
        edited = dict(
            Municipality.objects.foreign()
            .filter(name_uk_source=NameSource.EDITED)
            .values_list("registry_key", "name_uk")
        )

        def ukrainian_name(key: str, name: str, country: str) -> tuple[str, str]:
            if key in edited:
                return edited[key], NameSource.EDITED
            given = names.get(key, {})
            if given.get("name_uk"):
                return given["name_uk"], given["source"]
            return to_ukrainian(name, country), NameSource.TRANSCRIBED

        def parse(row):
            country = _required(row, "country").upper()
            if country not in countries or country == "UA":
                raise BadRow(f"unknown or Ukrainian country code {country!r}")
            name = _required(row, "name")
            key = _required(row, "key")
            name_uk, source = ukrainian_name(key, name, country)
            return Municipality(
                registry_key=key,
                code="",
                name_uk=name_uk,
                name_uk_source=source,
                name_en=name,
                name_native=names.get(key, {}).get("name_native") or row.get("name_native", ""),
                center_uk="",
                center_en="",
                country=country,
                region_id=None,
                kind=MunicipalityKind.MUNICIPALITY,
                population=None,
                area_km2=None,
                latitude=_decimal(row, "lat", -90, 90),
                longitude=_decimal(row, "lon", -180, 180),
                slug=slugify(row["key"]),
            )

        wanted = self._read("foreign_municipalities.csv", parse, key=lambda m: m.registry_key)
        known = {m.registry_key for m in wanted}
        for key, given in names.items():
            if key not in known:
                self.problem(FOREIGN_NAMES, given["line"], f"no foreign municipality {key!r}")
        return self._upsert_municipalities("foreign municipalities", wanted, {})

    def load_links(self, by_key: dict[str, Municipality]) -> None:
        def parse(row):
            first = by_key.get(_required(row, "hromada_katottg"))
            second = by_key.get(_required(row, "foreign_key"))
            if first is None or second is None:
                raise BadRow("refers to a municipality that is not in the registry")
            if first.pk == second.pk:
                raise BadRow("links a municipality to itself")
            low, high = sorted([first.pk, second.pk])
            return (low, high), row.get("source", "")

        links = dict(self._read("twin_links.csv", parse, key=lambda link: link[0]))
        existing = {
            (a, b): (pk, note)
            for pk, a, b, note in Partnership.objects.values_list(
                "pk", "municipality_a_id", "municipality_b_id", "source_note"
            )
        }
        tally = self.report.tallies.setdefault("partnerships", Tally())
        new, changed = [], []
        for index, ((low, high), note) in enumerate(links.items(), start=1):
            self.progress("partnerships", index, len(links))
            if (low, high) not in existing:
                new.append(
                    Partnership(
                        municipality_a_id=low,
                        municipality_b_id=high,
                        kind=PartnershipKind.TWINNING,
                        source=PartnershipSource.IMPORTED,
                        source_note=note,
                    )
                )
            elif existing[low, high][1] != note:
                changed.append(Partnership(pk=existing[low, high][0], source_note=note))
            else:
                tally.unchanged += 1
        Partnership.objects.bulk_create(new, batch_size=500)
        Partnership.objects.bulk_update(changed, ["source_note"], batch_size=500)
        tally.created += len(new)
        tally.updated += len(changed)

    def _upsert_municipalities(self, label, wanted, regions) -> dict[str, Municipality]:
        taken = set(Municipality.objects.values_list("slug", flat=True))
        known = set(
            Municipality.objects.filter(
                registry_key__in=[m.registry_key for m in wanted]
            ).values_list("registry_key", flat=True)
        )
        names = Counter(slugify(m.name_en) for m in wanted if not m.slug)
        region_slugs = {
            region.pk: region.slug.removesuffix("-oblast") for region in regions.values()
        }
        for municipality in wanted:
            municipality.fill_derived_fields()
            if municipality.registry_key in known:
                continue  # keeps its slug: published links stay valid
            if not municipality.slug:
                base = slugify(municipality.name_en)
                if names[base] > 1:
                    base = f"{base}-{region_slugs.get(municipality.region_id, 'ua')}"
                municipality.slug = base
            if municipality.slug in taken:
                municipality.slug = f"{municipality.slug}-{municipality.registry_key[-6:].lower()}"
            taken.add(municipality.slug)
        self._upsert(label, Municipality, wanted, "registry_key", MUNICIPALITY_FIELDS)
        return {
            m.registry_key: m
            for m in Municipality.objects.filter(
                registry_key__in=[m.registry_key for m in wanted]
            ).only("pk", "registry_key")
        }

    def _upsert(self, label, model, wanted, key, fields) -> None:
        tally = self.report.tallies.setdefault(label, Tally())
        existing = {
            getattr(obj, key): obj
            for obj in model.objects.filter(**{f"{key}__in": [getattr(w, key) for w in wanted]})
        }
        new, changed = [], []
        for index, item in enumerate(wanted, start=1):
            self.progress(label, index, len(wanted))
            current = existing.get(getattr(item, key))
            if current is None:
                new.append(item)
                continue
            differs = [name for name in fields if getattr(current, name) != getattr(item, name)]
            if differs:
                for name in differs:
                    setattr(current, name, getattr(item, name))
                changed.append(current)
            else:
                tally.unchanged += 1
        model.objects.bulk_create(new, batch_size=500)
        if changed:
            model.objects.bulk_update(changed, fields, batch_size=500)
        tally.created += len(new)
        tally.updated += len(changed)
