"""Registry rows as regions and municipalities: names by kind, Ukrainian names of foreign
municipalities, and slugs that never change once published."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify
from django_countries import countries

from core.transcription import to_ukrainian
from partnerships.choices import MunicipalityKind, NameSource, RegionKind
from partnerships.models import Municipality, Region
from partnerships.models.municipality import DERIVED_FIELDS
from partnerships.services.registry.files import BadRow, Row, decimal, integer, required

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


@dataclass
class ForeignNames:
    """A row of foreign_names.csv."""

    name_uk: str
    name_native: str
    source: str
    line: int


def region(row: Row) -> Region:
    kind = required(row, "kind")
    if kind not in RegionKind.values:
        raise BadRow(f"unknown kind {kind!r}")
    return Region(
        code=required(row, "code"),
        name_uk=required(row, "name_uk"),
        name_en=required(row, "name_en"),
        slug=slugify(row["name_en"]),
        kind=kind,
    )


def community(row: Row, regions: dict[str, Region]) -> Municipality:
    """A hromada or a city with special status."""
    kind = row.get("kind", "")
    if kind not in KIND_WORDS and kind not in NAMED_ALONE:
        raise BadRow(f"unknown kind {kind!r}")
    found = regions.get(row.get("oblast_code", ""))
    if found is None:
        raise BadRow(f"unknown oblast code {row.get('oblast_code')!r}")
    word_uk, word_en = KIND_WORDS.get(kind, ("", ""))
    return Municipality(
        registry_key=required(row, "katottg"),
        code=row["katottg"],
        name_uk=f"{required(row, 'name_uk')} {word_uk}".strip(),
        name_en=f"{required(row, 'name_en')} {word_en}".strip(),
        name_native="",
        center_uk=row.get("center_uk", ""),
        center_en=row.get("center_en", ""),
        country="UA",
        region_id=found.pk,
        kind=kind,
        population=integer(row, "population"),
        area_km2=decimal(row, "area_km2", 0, 10_000_000),
        latitude=decimal(row, "lat", 44, 53),
        longitude=decimal(row, "lon", 22, 41),
    )


def foreign_names(row: Row, line: int) -> ForeignNames:
    source = row.get("source", "") or NameSource.ESTABLISHED
    if source not in {NameSource.ESTABLISHED, NameSource.TRANSCRIBED}:
        raise BadRow(f"unknown source {source!r}")
    return ForeignNames(row.get("name_uk", ""), row.get("name_native", ""), source, line)


def foreign_parser(names: dict[str, ForeignNames]) -> Callable[[Row], Municipality]:
    """Reads a foreign municipality's row; its Ukrainian name is the one staff edited,
    else the one in foreign_names.csv, else the rule's transcription."""
    edited = dict(
        Municipality.objects.foreign()
        .filter(name_uk_source=NameSource.EDITED)
        .values_list("registry_key", "name_uk")
    )

    def ukrainian_name(key: str, name: str, country: str) -> tuple[str, str]:
        if key in edited:
            return edited[key], NameSource.EDITED
        given = names.get(key)
        if given is not None and given.name_uk:
            return given.name_uk, given.source
        return to_ukrainian(name, country), NameSource.TRANSCRIBED

    def parse(row: Row) -> Municipality:
        country = required(row, "country").upper()
        if country not in countries or country == "UA":
            raise BadRow(f"unknown or Ukrainian country code {country!r}")
        name = required(row, "name")
        key = required(row, "key")
        name_uk, source = ukrainian_name(key, name, country)
        given = names.get(key)
        return Municipality(
            registry_key=key,
            code="",
            name_uk=name_uk,
            name_uk_source=source,
            name_en=name,
            name_native=(given.name_native if given else "") or row.get("name_native", ""),
            center_uk="",
            center_en="",
            country=country,
            region_id=None,
            kind=MunicipalityKind.MUNICIPALITY,
            population=None,
            area_km2=None,
            latitude=decimal(row, "lat", -90, 90),
            longitude=decimal(row, "lon", -180, 180),
            slug=slugify(row["key"]),
        )

    return parse


def prepare(wanted: list[Municipality], regions: dict[str, Region]) -> None:
    """Fills the derived fields and gives each new municipality a slug no other has."""
    taken = set(Municipality.objects.values_list("slug", flat=True))
    known = set(
        Municipality.objects.filter(registry_key__in=[m.registry_key for m in wanted]).values_list(
            "registry_key", flat=True
        )
    )
    names = Counter(slugify(m.name_en) for m in wanted if not m.slug)
    region_slugs: dict[int | None, str] = {
        found.pk: found.slug.removesuffix("-oblast") for found in regions.values()
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


def by_key(wanted: list[Municipality]) -> dict[str, Municipality]:
    """The saved municipalities (pk and key only) by their registry key."""
    return {
        m.registry_key: m
        for m in Municipality.objects.filter(
            registry_key__in=[m.registry_key for m in wanted]
        ).only("pk", "registry_key")
    }
