"""The registry load: every file in order, in one transaction, bad rows reported."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Model

from partnerships.caching import registry_changed
from partnerships.models import Municipality, Region
from partnerships.services.link_dates import fill_link_dates
from partnerships.services.occupation import mark_occupied_regions
from partnerships.services.registry import links, municipalities
from partnerships.services.registry.files import (
    FOREIGN_NAMES,
    BadRow,
    Row,
    check_length,
    check_lengths,
    required,
    rows,
)
from partnerships.services.registry.municipalities import MUNICIPALITY_FIELDS, ForeignNames
from partnerships.services.registry.records import Progress, Report, upsert


class RegistryLoader:
    def __init__(self, data_dir: Path, progress: Progress | None = None):
        self.data_dir = data_dir
        self.progress: Progress = progress or (lambda label, done, total: None)
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

    def _read[T](
        self, file_name: str, parse: Callable[[Row], T], key: Callable[[T], Any]
    ) -> list[T]:
        """Parsed rows; bad ones and repeated keys are reported with their line and skipped."""
        parsed: list[T] = []
        seen: dict[Any, int] = {}
        for line, row in rows(self.data_dir / file_name):
            try:
                item = parse(row)
                if isinstance(item, Model):
                    check_lengths(item)
                if key(item) in seen:
                    raise BadRow(f"repeats the key of line {seen[key(item)]}")
            except BadRow as error:
                self.problem(file_name, line, str(error))
                continue
            seen[key(item)] = line
            parsed.append(item)
        return parsed

    def _upsert(
        self, label: str, model: type[Model], wanted: list[Any], key: str, fields: list[str]
    ) -> None:
        def progress(done: int, total: int) -> None:
            self.progress(label, done, total)

        upsert(self.report.tally(label), progress, model, wanted, key, fields)

    def load_regions(self) -> dict[str, Region]:
        wanted = self._read("oblasts.csv", municipalities.region, key=lambda region: region.code)
        self._upsert("regions", Region, wanted, "code", ["name_uk", "name_en", "kind"])
        return {region.code: region for region in Region.objects.all()}

    def load_hromadas(self, regions: dict[str, Region]) -> dict[str, Municipality]:
        def parse(row: Row) -> Municipality:
            return municipalities.community(row, regions)

        # Kyiv and Sevastopol are not hromadas in KATOTTG; they load beside them.
        wanted = [
            *self._read("hromadas.csv", parse, key=lambda m: m.registry_key),
            *self._read("special_status_cities.csv", parse, key=lambda m: m.registry_key),
        ]
        return self._upsert_municipalities("communities", wanted, regions)

    def foreign_names(self) -> dict[str, ForeignNames]:
        """Ukrainian and native names by foreign key (foreign_names.csv, if present)."""
        path = self.data_dir / FOREIGN_NAMES
        found: dict[str, ForeignNames] = {}
        if not path.exists():
            return found
        for line, row in rows(path):
            try:
                key = required(row, "key")
                names = municipalities.foreign_names(row, line)
                if key in found:
                    raise BadRow(f"repeats the key of line {found[key].line}")
                check_length(Municipality, "name_uk", names.name_uk)
                check_length(Municipality, "name_native", names.name_native)
            except BadRow as error:
                self.problem(FOREIGN_NAMES, line, str(error))
                continue
            found[key] = names
        return found

    def load_foreign(self) -> dict[str, Municipality]:
        names = self.foreign_names()
        parse = municipalities.foreign_parser(names)
        wanted = self._read("foreign_municipalities.csv", parse, key=lambda m: m.registry_key)
        known = {m.registry_key for m in wanted}
        for key, given in names.items():
            if key not in known:
                self.problem(FOREIGN_NAMES, given.line, f"no foreign municipality {key!r}")
        return self._upsert_municipalities("foreign municipalities", wanted, {})

    def load_links(self, by_key: dict[str, Municipality]) -> None:
        def parse(row: Row) -> links.Link:
            return links.link(row, by_key)

        found = dict(self._read("twin_links.csv", parse, key=lambda link: link[0]))
        links.save_links(found, self.report.tally("partnerships"), self.progress)

    def _upsert_municipalities(
        self, label: str, wanted: list[Municipality], regions: dict[str, Region]
    ) -> dict[str, Municipality]:
        municipalities.prepare(wanted, regions)
        self._upsert(label, Municipality, wanted, "registry_key", MUNICIPALITY_FIELDS)
        return municipalities.by_key(wanted)
