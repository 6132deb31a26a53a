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


# --- Ukrainian names of foreign municipalities: their source, and staff corrections ---------


@pytest.fixture
def krakow(db):
    from tests.factories import ForeignMunicipalityFactory

    return ForeignMunicipalityFactory(
        name_uk="Краків",
        name_uk_source="established",
        name_en="Kraków",
        name_native="Kraków",
        country="PL",
    )


def _edit(staff_client, change_form_data, municipality, **changes):
    url = reverse("admin:partnerships_municipality_change", args=[municipality.pk])
    data = {**change_form_data(staff_client.get(url)), **changes, "_save": "Save"}
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    municipality.refresh_from_db()


def test_staff_correcting_a_ukrainian_name_marks_it_edited(staff_client, change_form_data, krakow):
    _edit(staff_client, change_form_data, krakow, name_uk="Королівський Краків")
    assert (krakow.name_uk, krakow.name_uk_source) == ("Королівський Краків", "edited")
    assert list(Municipality.objects.search("Корол")) == [krakow]


def test_staff_editing_another_field_keeps_the_name_source(staff_client, change_form_data, krakow):
    _edit(staff_client, change_form_data, krakow, population="800000")
    assert (krakow.population, krakow.name_uk_source) == (800_000, "established")


def test_changelist_filters_by_the_source_of_the_ukrainian_name(staff_client, krakow):
    from tests.factories import ForeignMunicipalityFactory

    baboszewo = ForeignMunicipalityFactory(
        name_uk="Бабошево", name_uk_source="transcribed", name_en="Baboszewo", country="PL"
    )
    url = reverse("admin:partnerships_municipality_changelist")
    response = staff_client.get(url, {"name_uk_source__exact": "transcribed"})
    assert list(response.context["cl"].result_list) == [baboszewo]
    assert "транскрибовано за правилом" in response.content.decode()


def test_csv_import_of_a_corrected_ukrainian_name_marks_it_edited(krakow):
    dataset = MunicipalityResource().export()
    dataset.dict = [{**row, "name_uk": "Krakau по-українськи"} for row in dataset.dict]
    result = MunicipalityResource().import_data(dataset, dry_run=False)
    assert not result.has_errors()
    krakow.refresh_from_db()
    assert (krakow.name_uk, krakow.name_uk_source) == ("Krakau по-українськи", "edited")


def test_csv_import_of_unchanged_names_keeps_their_source(krakow):
    dataset = MunicipalityResource().export()
    dataset.dict = [{**row, "population": "800000"} for row in dataset.dict]
    assert not MunicipalityResource().import_data(dataset, dry_run=False).has_errors()
    krakow.refresh_from_db()
    assert krakow.name_uk_source == "established"


def test_staff_place_a_municipality_by_picking_a_point_on_the_map(
    staff_client, change_form_data, krakow
):
    url = reverse("admin:partnerships_municipality_change", args=[krakow.pk])
    html = staff_client.get(url).content.decode()
    assert 'data-map="picker" data-latitude="id_latitude" data-longitude="id_longitude"' in html
    assert "js/map.js" in html and "vendor/leaflet/leaflet.js" in html
    # The picker writes into the two fields; what the form posts is saved.
    _edit(staff_client, change_form_data, krakow, latitude="50.06143", longitude="19.93658")
    assert (str(krakow.latitude), str(krakow.longitude)) == ("50.06143", "19.93658")
