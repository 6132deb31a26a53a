import pytest

from partnerships.admin.registry import MunicipalityResource
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


# --- Every partnerships admin page opens with data present ---------------------------------


@pytest.fixture
def admin_world(memo_world):
    """Requests, officials, a memorandum, municipalities in two countries and a partnership."""
    from tests.factories import CooperationRequestFactory, OfficialFactory

    PartnershipFactory(municipality_a=memo_world.a, municipality_b=memo_world.c)
    CooperationRequestFactory(from_municipality=memo_world.c, to_municipality=memo_world.b)
    OfficialFactory(municipality=memo_world.c, status="applied")
    return memo_world


def _admin_objects(world):
    from partnerships.models import Official, Partnership

    return {
        "cooperationrequest": world.request,
        "official": Official.objects.filter(municipality=world.a).first(),
        "memorandum": world.memorandum,
        "municipality": world.b,
        "partnership": Partnership.objects.first(),
    }


@pytest.mark.parametrize(
    "model", ["cooperationrequest", "official", "memorandum", "municipality", "partnership"]
)
# (not "page": pytest-playwright would take it for its browser page fixture)
@pytest.mark.parametrize("view", ["changelist", "change", "history"])
def test_partnerships_admin_pages_open_with_data(staff_client, admin_world, model, view):
    obj = _admin_objects(admin_world)[model]
    base = f"/uk/admin/partnerships/{model}/"
    url = {
        "changelist": base,
        "change": f"{base}{obj.pk}/change/",
        "history": f"{base}{obj.pk}/history/",
    }[view]
    response = staff_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("country", ["UA", "PL", "DE"])
def test_request_changelist_filters_by_either_country(staff_client, admin_world, country):
    response = staff_client.get(f"/uk/admin/partnerships/cooperationrequest/?country={country}")
    assert response.status_code == 200
    expected = {"UA": 2, "PL": 2, "DE": 0}[country]
    assert response.context["cl"].result_count == expected


def test_official_changelist_filters_by_country_name(staff_client, admin_world):
    response = staff_client.get("/uk/admin/partnerships/official/")
    country_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == "country"
    )
    assert country_filter.lookup_choices == [("PL", "Польща"), ("UA", "Україна")]
    filtered = staff_client.get("/uk/admin/partnerships/official/?country=PL")
    assert [o.municipality for o in filtered.context["cl"].result_list] == [admin_world.b]


# --- The admin cannot bypass the workflow's rules ------------------------------------------


def test_requests_cannot_be_added_in_admin(staff_client, admin_world):
    assert staff_client.get("/uk/admin/partnerships/cooperationrequest/add/").status_code == 403
    changelist = staff_client.get("/uk/admin/partnerships/cooperationrequest/")
    assert "/uk/admin/partnerships/cooperationrequest/add/" not in changelist.content.decode()


def _change_form_data(response):
    """What the change form would post back, from its bound initial values."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    return data


def test_request_change_form_cannot_change_status_sides_or_sender(staff_client, admin_world):
    from partnerships.models import CooperationRequest

    request = admin_world.request
    url = f"/uk/admin/partnerships/cooperationrequest/{request.pk}/change/"
    data = _change_form_data(staff_client.get(url))
    other = admin_world.c
    data.update(
        status="withdrawn",
        from_municipality=str(other.pk),
        to_municipality=str(other.pk),
        created_by=str(admin_world.official_c.pk),
        message="Corrected by the ministry.",
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    saved = CooperationRequest.objects.get(pk=request.pk)
    assert (
        saved.status,
        saved.from_municipality,
        saved.to_municipality,
        saved.created_by,
        saved.message,
    ) == (
        request.status,
        request.from_municipality,
        request.to_municipality,
        request.created_by,
        "Corrected by the ministry.",
    )


def test_official_change_form_cannot_change_user_municipality_or_status(staff_client, admin_world):
    from partnerships.models import Official

    official = Official.objects.get(user=admin_world.official_a)
    url = f"/uk/admin/partnerships/official/{official.pk}/change/"
    data = _change_form_data(staff_client.get(url))
    data.update(
        user=str(admin_world.user.pk),
        municipality=str(admin_world.c.pk),
        status="revoked",
        position="Mayor",
    )
    assert staff_client.post(url, data).status_code == 302
    saved = Official.objects.get(pk=official.pk)
    assert (saved.user, saved.municipality, saved.status, saved.position) == (
        admin_world.official_a,
        admin_world.a,
        "approved",
        "Mayor",
    )


def test_official_added_in_admin_respects_one_active_record_per_user(staff_client, admin_world):
    from partnerships.models import Official

    add = "/uk/admin/partnerships/official/add/"
    data = {
        "user": str(admin_world.official_a.pk),  # already approved for A
        "municipality": str(admin_world.c.pk),
        "position": "Secretary",
        "work_email": "sec@example.org",
        "language": "uk",
    }
    before = Official.objects.count()
    response = staff_client.post(add, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["user"] == [
        "Цей користувач уже має заявку на розгляді або схвалений запис. Спершу відхиліть або відкличте його."
    ]
    assert Official.objects.count() == before
    # Someone without an active record is added as an application, never approved directly.
    response = staff_client.post(
        add, {**data, "user": str(admin_world.user.pk), "status": "approved"}
    )
    assert response.status_code == 302
    added = Official.objects.get(user=admin_world.user)
    assert (added.municipality, added.status) == (admin_world.c, "applied")


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


def _edit(staff_client, municipality, **changes):
    url = f"/uk/admin/partnerships/municipality/{municipality.pk}/change/"
    data = {**_change_form_data(staff_client.get(url)), **changes, "_save": "Save"}
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    municipality.refresh_from_db()


def test_staff_correcting_a_ukrainian_name_marks_it_edited(staff_client, krakow):
    _edit(staff_client, krakow, name_uk="Королівський Краків")
    assert (krakow.name_uk, krakow.name_uk_source) == ("Королівський Краків", "edited")
    assert list(Municipality.objects.search("Корол")) == [krakow]


def test_staff_editing_another_field_keeps_the_name_source(staff_client, krakow):
    _edit(staff_client, krakow, population="800000")
    assert (krakow.population, krakow.name_uk_source) == (800_000, "established")


def test_changelist_filters_by_the_source_of_the_ukrainian_name(staff_client, krakow):
    from tests.factories import ForeignMunicipalityFactory

    baboszewo = ForeignMunicipalityFactory(
        name_uk="Бабошево", name_uk_source="transcribed", name_en="Baboszewo", country="PL"
    )
    url = "/uk/admin/partnerships/municipality/"
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
