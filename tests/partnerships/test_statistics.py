"""The statistics: counted from the registry, cached per registry generation."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_statistics_counts_partnerships_by_oblast_and_country(client):
    first = PartnershipFactory()
    PartnershipFactory(municipality_a=first.municipality_a)
    response = client.get(reverse("partnerships:statistics"))
    bars = response.context["region_chart"].bars
    assert [(bar.label, bar.value) for bar in bars] == [(first.municipality_a.region.name, 2)]
    assert [(bar.label, bar.value) for bar in response.context["country_chart"].bars] == [
        ("Німеччина", 2)
    ]


def test_statistics_chart_partnerships_by_year_agreed(client, django_assert_max_num_queries):
    PartnershipFactory(since=datetime.date(2024, 5, 1))
    PartnershipFactory(since=datetime.date(2026, 3, 1))
    PartnershipFactory(since=datetime.date(2026, 9, 1))
    PartnershipFactory()  # imported, no date
    with django_assert_max_num_queries(7):
        response = client.get(reverse("partnerships:statistics"))
    assert [(b.label, b.value) for b in response.context["year_chart"].bars] == [
        ("2024", 1),
        ("2026", 2),
    ]
