"""Open data: the registry and its partnerships as CSV and JSON, streamed row by row."""

import csv
import json

from django.http import Http404, StreamingHttpResponse
from django.views.decorators.http import require_safe

from partnerships.models import Municipality, Partnership

MUNICIPALITY_COLUMNS = [
    "slug",
    "name_uk",
    "name_en",
    "name_native",
    "country",
    "region__code",
    "region__name_en",
    "kind",
    "code",
    "population",
    "area_km2",
    "latitude",
    "longitude",
    "website",
    "open_to_partners",
]
PARTNERSHIP_COLUMNS = [
    "municipality_a__slug",
    "municipality_b__slug",
    "kind",
    "since",
    "source",
    "source_note",
]
DATASETS = {
    "municipalities": (Municipality.objects.order_by("pk"), MUNICIPALITY_COLUMNS),
    "partnerships": (Partnership.objects.order_by("pk"), PARTNERSHIP_COLUMNS),
}
LICENCE_NOTE = "Foreign municipalities and twin links: CC BY-SA 4.0 (derived from Wikipedia)."


class _Echo:
    def write(self, value):
        return value


def _rows(queryset, columns):
    for row in queryset.values_list(*columns).iterator(chunk_size=1000):
        yield ["" if value is None else value for value in row]


@require_safe
def download(request, dataset: str, fmt: str):
    if dataset not in DATASETS or fmt not in {"csv", "json"}:
        raise Http404
    queryset, columns = DATASETS[dataset]
    # Column names in the files: the ORM's double underscores read as a dot.
    headers = [column.replace("__", ".") for column in columns]
    if fmt == "csv":
        stream, content_type = _csv_stream(queryset, columns, headers), "text/csv; charset=utf-8"
    else:
        stream, content_type = _json_stream(queryset, columns, headers), "application/json"
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{dataset}.{fmt}"'
    response["X-Licence"] = LICENCE_NOTE
    return response


def _csv_stream(queryset, columns, headers):
    writer = csv.writer(_Echo())
    yield writer.writerow(headers)
    for row in _rows(queryset, columns):
        yield writer.writerow(row)


def _json_stream(queryset, columns, headers):
    yield '{"licence": ' + json.dumps(LICENCE_NOTE) + ', "items": ['
    for index, row in enumerate(_rows(queryset, columns)):
        yield ("," if index else "") + json.dumps(
            dict(zip(headers, row, strict=True)), default=str, ensure_ascii=False
        )
    yield "]}"
