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
