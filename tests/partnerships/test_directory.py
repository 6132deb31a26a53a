"""The directory of municipalities: filters, search, sorting, pages, dropdowns."""

import pytest
from django.urls import reverse

from tests.bulk import bulk_registry
from tests.factories import (
    CooperationAreaFactory,
    ForeignMunicipalityFactory,
    MunicipalityFactory,
    PartnershipFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def directory_url() -> str:
    return reverse("partnerships:municipality-list")


def names(response) -> list[str]:
    return [m.name for m in response.context["object_list"]]


def test_directory_lists_municipalities_with_a_count(client):
    MunicipalityFactory(name_uk="Ізюмська міська громада")
    MunicipalityFactory(name_uk="Андрихівська громада")
    response = client.get(directory_url())
    assert response.status_code == 200
    assert response.context["paginator"].count == 2
    assert names(response) == ["Андрихівська громада", "Ізюмська міська громада"]


@pytest.mark.parametrize("size", [10, 1000])
def test_directory_query_count_is_flat(client, django_assert_num_queries, size):
    bulk_registry(size)
    # areas (to validate the filter), count, countries, oblasts, areas offered and needed
    # (the two dropdowns), the page, and the page's areas offered and needed
    with django_assert_num_queries(9):
        response = client.get(
            directory_url(), {"offers": "energy", "sort": "-partners", "q": "громада"}
        )
    assert response.status_code == 200
    assert len(response.context["object_list"]) == min(size, 24)


def test_directory_filters_combine(client):
    kharkiv = RegionFactory(slug="kharkiv-oblast")
    energy = CooperationAreaFactory(slug="energy")
    match = MunicipalityFactory(region=kharkiv, population=40_000, kind="urban")
    match.needs.add(energy)
    MunicipalityFactory(region=kharkiv, population=500, kind="urban").needs.add(energy)
    MunicipalityFactory(population=40_000, kind="urban").needs.add(energy)
    MunicipalityFactory(
        region=kharkiv, population=40_000, kind="urban", open_to_partners=False
    ).needs.add(energy)
    response = client.get(
        directory_url(),
        {
            "region": "kharkiv-oblast",
            "needs": "energy",
            "population_min": "10000",
            "open": "on",
            "kind": "urban",
            "country": "UA",
        },
    )
    assert names(response) == [match.name]


def test_directory_finds_municipalities_without_a_foreign_partner(client):
    twinned = MunicipalityFactory(name_uk="А-громада")
    lonely = MunicipalityFactory(name_uk="Б-громада")
    PartnershipFactory(municipality_a=twinned)
    response = client.get(directory_url(), {"no_foreign_partner": "on", "country": "UA"})
    assert names(response) == [lonely.name]


def test_directory_search_finds_any_name(client):
    MunicipalityFactory(
        name_uk="Ізюмська міська громада",
        name_en="Iziumska urban hromada",
        center_uk="Ізюм",
        center_en="Izium",
    )
    MunicipalityFactory(name_uk="Балаклійська міська громада")
    assert names(client.get(directory_url(), {"q": "IZIUM"})) == ["Ізюмська міська громада"]
    assert names(client.get(directory_url(), {"q": "ізюм"})) == ["Ізюмська міська громада"]


def test_directory_sorts_by_population_with_unknown_last(client):
    MunicipalityFactory(name_uk="Мала", population=100)
    MunicipalityFactory(name_uk="Велика", population=90_000)
    MunicipalityFactory(name_uk="Невідома", population=None)
    assert names(client.get(directory_url(), {"sort": "-population"})) == [
        "Велика",
        "Мала",
        "Невідома",
    ]
    assert names(client.get(directory_url(), {"sort": "population"})) == [
        "Мала",
        "Велика",
        "Невідома",
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"population_min": "abc"},
        {"population_min": "1e400"},
        {"population_max": "-5"},
        {"region": "atlantis"},
        {"offers": "'; DROP TABLE partnerships_municipality; --"},
        {"country": "XX"},
        {"kind": "castle"},
        {"sort": "password"},
        {"q": "x" * 5000},
        {"q": "\x00"},
    ],
)
def test_directory_ignores_a_bad_filter_with_a_message(client, params):
    MunicipalityFactory()
    response = client.get(directory_url(), params)
    assert response.status_code == 200
    assert response.context["paginator"].count == 1
    messages = [str(m) for m in response.context["messages"]]
    assert any("ignored" in m or "проігноровано" in m for m in messages), messages


@pytest.mark.parametrize("number", ["2", "abc", "0", "-1", "99999999999999999999"])
def test_directory_page_out_of_range_is_404(client, number):
    MunicipalityFactory()
    assert client.get(directory_url(), {"page": number}).status_code == 404


def test_directory_paginates(client):
    for _ in range(25):
        MunicipalityFactory()
    first = client.get(directory_url())
    second = client.get(directory_url(), {"page": "2"})
    assert len(first.context["object_list"]) == 24
    assert len(second.context["object_list"]) == 1


def test_directory_dropdowns_are_in_alphabet_order_and_skip_empty_oblasts(client):
    for name in ("Харківська область", "Вінницька область", "Івано-Франківська область"):
        MunicipalityFactory(region=RegionFactory(name_uk=name))
    RegionFactory(name_uk="Київ")  # no community: nothing to find there
    ForeignMunicipalityFactory(country="AU")
    ForeignMunicipalityFactory(country="AM")
    form = client.get(directory_url()).context["filter"].form
    assert [label for _v, label in form.fields["region"].choices][1:] == [
        "Вінницька область",
        "Івано-Франківська область",
        "Харківська область",
    ]
    assert [label for _v, label in form.fields["country"].choices][1:] == [
        "Австралія",
        "Вірменія",
        "Україна",
    ]
