"""The registry in the admin: municipalities (lists, search, CSV in and out)."""

import pytest
from django.urls import reverse

from partnerships.admin.registry import MunicipalityResource
from partnerships.models import Municipality
from tests.factories import CooperationAreaFactory, MunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [3, 60])
def test_municipality_changelist_has_no_per_row_queries(
    staff_client, django_assert_max_num_queries, size
):
    for _ in range(size):
        PartnershipFactory()
    url = reverse("admin:partnerships_municipality_changelist")
    with django_assert_max_num_queries(12):
        response = staff_client.get(url, {"partners": "1"})
    assert response.status_code == 200


def test_municipality_admin_search_finds_cyrillic_names_in_any_case(staff_client):
    lviv = MunicipalityFactory(name_uk="Львівська міська громада", center_uk="Львів")
    MunicipalityFactory(name_uk="Одеська міська громада")
    url = reverse("admin:partnerships_municipality_changelist")
    response = staff_client.get(url, {"q": "львів"})
    assert list(response.context["cl"].result_list) == [lviv]


def test_municipality_csv_export_has_translated_names_and_area_slugs():
    partnership = PartnershipFactory()
    town = partnership.municipality_a
    town.offers.add(CooperationAreaFactory(slug="energy"))
    csv = MunicipalityResource().export().csv
    assert "name_uk,name_en" in csv
    assert f"{town.slug},{town.name_uk},{town.name_en}" in csv
    assert ",energy," in csv


def test_municipality_csv_import_updates_by_slug_without_duplicates():
    town = MunicipalityFactory()
    dataset = MunicipalityResource().export()
    dataset.dict = [{**row, "name_en": "Renamed"} for row in dataset.dict]
    result = MunicipalityResource().import_data(dataset, dry_run=False)
    assert not result.has_errors()
    assert Municipality.objects.count() == 1
    town.refresh_from_db()
    assert town.name_en == "Renamed"
