import pytest

from partnerships.admin import MunicipalityResource
from partnerships.models import Municipality
from tests.factories import (
    CooperationAreaFactory,
    MunicipalityFactory,
    PartnershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("size", [3, 60])
def test_municipality_changelist_has_no_per_row_queries(
    staff_client, django_assert_max_num_queries, size
):
    for _ in range(size):
        PartnershipFactory()
    with django_assert_max_num_queries(12):
        response = staff_client.get("/uk/admin/partnerships/municipality/?partners=1")
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/uk/admin/partnerships/partnership/",
        "/uk/admin/partnerships/region/",
        "/uk/admin/partnerships/cooperationarea/",
        "/uk/admin/partnerships/municipality/export/",
        "/uk/admin/partnerships/municipality/import/",
    ],
)
def test_admin_pages_open_for_staff(staff_client, path):
    PartnershipFactory()
    response = staff_client.get(path)
    assert response.status_code == 200


def test_admin_refuses_anonymous(client):
    response = client.get("/uk/admin/partnerships/municipality/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_csv_export_has_translated_names_and_area_slugs():
    partnership = PartnershipFactory()
    town = partnership.municipality_a
    town.offers.add(CooperationAreaFactory(slug="energy"))
    csv = MunicipalityResource().export().csv
    assert "name_uk,name_en" in csv
    assert f"{town.slug},{town.name_uk},{town.name_en}" in csv
    assert ",energy," in csv


def test_csv_import_updates_by_slug_without_duplicates():
    town = MunicipalityFactory()
    dataset = MunicipalityResource().export()
    dataset.dict = [{**row, "name_en": "Renamed"} for row in dataset.dict]
    result = MunicipalityResource().import_data(dataset, dry_run=False)
    assert not result.has_errors()
    assert Municipality.objects.count() == 1
    town.refresh_from_db()
    assert town.name_en == "Renamed"


def test_admin_search_finds_cyrillic_names_in_any_case(staff_client):
    lviv = MunicipalityFactory(name_uk="Львівська міська громада", center_uk="Львів")
    MunicipalityFactory(name_uk="Одеська міська громада")
    response = staff_client.get("/uk/admin/partnerships/municipality/", {"q": "львів"})
    assert list(response.context["cl"].result_list) == [lviv]
