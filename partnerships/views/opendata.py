"""Open data: the registry and its partnerships as CSV and JSON, streamed row by row, and
a Frictionless Data Package (datapackage.json) that describes both files."""

import json
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from core import csvfiles
from partnerships.choices import MunicipalityKind, PartnershipKind, PartnershipSource
from partnerships.models import Municipality, Partnership


@dataclass(frozen=True)
class Column:
    field: str  # the ORM's path; its double underscores read as a dot in the files
    type: str  # a Table Schema type
    description: str
    values: tuple[str, ...] = ()  # the only values it takes, if it is a choice

    @property
    def name(self) -> str:
        return self.field.replace("__", ".")


MUNICIPALITY_COLUMNS = [
    Column("slug", "string", "Key of the municipality on the portal (its profile's address)."),
    Column("name_uk", "string", "Name in Ukrainian."),
    Column("name_en", "string", "Name in English."),
    Column("name_native", "string", "Name as the municipality writes it, if neither above."),
    Column("country", "string", "ISO 3166-1 alpha-2 country code."),
    Column("region__code", "string", "KATOTTG code of the oblast (Ukraine only)."),
    Column("region__name_en", "string", "The oblast's name in English (Ukraine only)."),
    Column("kind", "string", "Kind of municipality.", tuple(MunicipalityKind.values)),
    Column("code", "string", "KATOTTG code of the community (Ukraine only)."),
    Column("population", "integer", "Population of the community's centre, 1 January 2022."),
    Column("area_km2", "number", "Area in square kilometres."),
    Column("latitude", "number", "Latitude of the centre, WGS 84 degrees."),
    Column("longitude", "number", "Longitude of the centre, WGS 84 degrees."),
    Column("website", "string", "Official website."),
    Column("open_to_partners", "boolean", "Whether it looks for new partners."),
]
PARTNERSHIP_COLUMNS = [
    Column("municipality_a__slug", "string", "One municipality (its slug in municipalities)."),
    Column("municipality_b__slug", "string", "The other municipality."),
    Column("kind", "string", "Kind of partnership.", tuple(PartnershipKind.values)),
    Column("since", "date", "When it was agreed (imported partnerships carry no date)."),
    Column(
        "source",
        "string",
        "Imported from the public data set, or agreed on the portal.",
        tuple(PartnershipSource.values),
    ),
    Column("source_note", "string", "Where it is documented."),
]
DATASETS = {
    "municipalities": (Municipality.objects.order_by("pk"), MUNICIPALITY_COLUMNS),
    "partnerships": (Partnership.objects.order_by("pk"), PARTNERSHIP_COLUMNS),
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
LICENCE_NOTE = "Foreign municipalities and twin links: CC BY-SA 4.0 (derived from Wikipedia)."
LICENCES = {
    "municipalities": [
        {
            "name": "CC-BY-SA-4.0",
            "path": "https://creativecommons.org/licenses/by-sa/4.0/",
            "title": "Foreign municipalities: derived from Wikipedia's lists of twin towns",
        },
        {
            "name": "ODbL-1.0",
            "path": "https://opendatacommons.org/licenses/odbl/1-0/",
            "title": "Coordinates and areas of the communities: © OpenStreetMap contributors",
        },
        {
            "name": "MIT",
            "path": "https://opensource.org/license/mit",
            "title": "Communities: the KATOTTG codifier and KSE-Loc-Data-Hub, © 2021 Andriy V. Koval",
        },
    ],
    "partnerships": [
        {
            "name": "CC-BY-SA-4.0",
            "path": "https://creativecommons.org/licenses/by-sa/4.0/",
            "title": "Twin links: derived from Wikipedia's lists of twin towns",
        }
    ],
}


class _Echo:
    def write(self, value):
        return value


def _typed(value):
    """A value as JSON has it: a decimal is a number, a date its ISO form."""
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _rows(queryset, columns: list[Column]):
    yield from queryset.values_list(*(c.field for c in columns)).iterator(chunk_size=1000)


@require_safe
def download(request, dataset: str, fmt: str):
    if dataset not in DATASETS or fmt not in FORMATS:
        raise Http404
    queryset, columns = DATASETS[dataset]
    stream = (_csv_stream if fmt == "csv" else _json_stream)(queryset, columns)
    response = StreamingHttpResponse(stream, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{dataset}.{fmt}"'
    response["X-Licence"] = LICENCE_NOTE
    return response


def _csv_stream(queryset, columns: list[Column]):
    writer = csvfiles.writer(_Echo())
    yield writer.writerow([column.name for column in columns])
    for row in _rows(queryset, columns):
        # No value is an empty cell (the data package's missingValues).
        yield writer.writerow(["" if value is None else value for value in row])


def _json_stream(queryset, columns: list[Column]):
    names = [column.name for column in columns]
    yield '{"licence": ' + json.dumps(LICENCE_NOTE) + ', "items": ['
    for index, row in enumerate(_rows(queryset, columns)):
        # Blank text is no value: null, like a missing number.
        item = {
            name: None if value == "" else _typed(value)
            for name, value in zip(names, row, strict=True)
        }
        yield ("," if index else "") + json.dumps(item, ensure_ascii=False)
    yield "]}"


def _field(column: Column) -> dict:
    field: dict[str, object] = {
        "name": column.name,
        "type": column.type,
        "description": column.description,
    }
    if column.values:
        field["constraints"] = {"enum": list(column.values)}
    return field


@require_safe
def datapackage(request):
    """The Frictionless Data Package of the CSV files: columns, types and licences."""
    resources = [
        {
            "name": dataset,
            "path": request.build_absolute_uri(
                reverse("partnerships:open-data", kwargs={"dataset": dataset, "fmt": "csv"})
            ),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "licenses": LICENCES[dataset],
            "schema": {
                "fields": [_field(column) for column in columns],
                "missingValues": [""],
            },
        }
        for dataset, (_queryset, columns) in DATASETS.items()
    ]
    package = {
        "profile": "data-package",
        "name": "twinning-portal-registry",
        "title": "Ukrainian communities, foreign municipalities and their partnerships",
        "licenses": LICENCES["municipalities"],
        "resources": resources,
    }
    response = JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response
