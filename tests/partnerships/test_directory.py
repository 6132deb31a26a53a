"""The directory of municipalities: filters, search, sorting, pages, dropdowns."""

import pytest
from django.urls import reverse
from django.utils import translation

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


def test_directory_search_finds_a_foreign_municipality_by_its_ukrainian_name(client):
    ForeignMunicipalityFactory(
        name_uk="Краків", name_en="Kraków", name_native="Kraków", country="PL"
    )
    ForeignMunicipalityFactory(
        name_uk="Шеннев’єр-сюр-Марн",
        name_en="Chennevières-sur-Marne",
        name_native="Chennevières-sur-Marne",
        country="FR",
    )
    MunicipalityFactory(name_uk="Ізюмська міська громада")
    assert names(client.get(directory_url(), {"q": "Краків"})) == ["Краків"]
    assert names(client.get(directory_url(), {"q": "Krakow"})) == ["Краків"]
    assert names(client.get(directory_url(), {"q": "Шеннев'єр"})) == ["Шеннев’єр-сюр-Марн"]
    with translation.override("en"):
        english = directory_url()
    assert names(client.get(english, {"q": "Шенневʼєр"})) == ["Chennevières-sur-Marne"]


# Queries a Ukrainian reader types, and the registry keys they must find, on the real data.
REAL_QUERIES = {
    "Краків": {"pl-krakow"},
    "Варшава": {"pl-warsaw", "pl-ochota-warsaw", "pl-targowek-warsaw"},
    "Берлін": {"de-berlin", "de-berlin-pankow", "de-pankow-berlin"},
    "Андрихув": {"pl-andrychow"},
    "Шеннев'єр": {"fr-chennevieres-sur-marne"},
    "Шенневʼєр": {"fr-chennevieres-sur-marne"},
    "Шеннев’єр": {"fr-chennevieres-sur-marne"},
    "Вроцлав": {"pl-wroclaw"},
    # Found by sound at the start of a word: Люблинецька громада begins like Люблін.
    "Люблін": {"pl-lublin", "UA07060250000039902"},
    # Gdańsk is no partner, but "гданськ" is written inside these names (Бо-гданська).
    "Гданськ": {"pl-nowy-dwor-gdanski", "pl-starogard-gdanski", "UA21060010000011784"},
    "Мюнхен": {"de-munich"},
    "Париж": set(),
    "Вільнюс": {"lt-vilnius", "lt-vilnius-district-municipality"},
    "Рига": {"lv-riga", "UA59060090000012687"},  # Недригайлівська
    "Будапешт": None,  # the city and its 13 districts: checked below
    "Прага": {
        "cz-prague-6",
        "cz-prague-6-prague",
        "cz-prague-reporyje",
        "cz-reporyje-prague",
        "UA35080030000042560",  # Новопразька
    },
    "Жешув": {"pl-rzeszow"},  # the name in the press; the established one is Ряшів
    "Ряшів": {"pl-rzeszow", "sk-presov"},  # П-ряшів
    "Катовіце": {"pl-katowice"},
    "Krakow": {"pl-krakow"},
    "Warszawa": {"pl-warsaw"},
    "Chennevieres": {"fr-chennevieres-sur-marne"},
}


def test_directory_search_on_the_real_registry_finds_by_ukrainian_name_and_sound(client):
    from django.core.management import call_command

    from partnerships.models import Municipality

    call_command("load_registry", verbosity=0)
    for query, keys in REAL_QUERIES.items():
        found = set(Municipality.objects.search(query).values_list("registry_key", flat=True))
        if keys is None:
            assert "hu-budapest" in found and len(found) == 14, found
            assert all(key.startswith("hu-") for key in found)
        else:
            assert found == keys, query
    response = client.get(directory_url(), {"q": "Андрихув"})
    assert names(response) == ["Андрихув"]


def test_directory_search_by_sound_stays_precise_on_the_real_registry():
    """A short query matches by sound only at the start of a word, and never more than
    the names that begin like it: no query of three letters lists half the registry."""
    from django.core.management import call_command

    from core.text import normalise_for_search
    from core.transcription import to_latin_key
    from partnerships.models import Municipality

    call_command("load_registry", verbosity=0)
    total = Municipality.objects.count()
    for query in ["Кра", "Бер", "Сен", "Шен", "Ряш", "Рим", "Лід", "Мар"]:
        found = list(Municipality.objects.search(query))
        key = to_latin_key(query).strip()
        assert 0 < len(found) < total // 20, (query, len(found))
        for municipality in found:
            # Found as written, or by a word of one of its names that starts like the query.
            assert normalise_for_search(query) in municipality.search_text or (
                f" {key}" in municipality.search_key
            )
    assert (
        Municipality.objects.search("Ко").count()
        == Municipality.objects.filter(search_text__contains="ко").count()
    )


def test_cards_of_namesakes_show_their_centres(client):
    MunicipalityFactory(name_uk="Абрикосівська сільська громада", center_uk="Абрикосове")
    MunicipalityFactory(name_uk="Абрикосівська сільська громада", center_uk="Абрикосівка")
    body = client.get(directory_url(), {"q": "Абрикосівська"}).content.decode()
    assert "Центр: Абрикосове" in body
    assert "Центр: Абрикосівка" in body
