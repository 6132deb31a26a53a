"""A municipality's public profile: names, figures, partners, map, and what stays private."""

import pytest
from django.urls import reverse
from django.utils import translation

from partnerships.models import Partnership
from tests.bulk import bulk_registry
from tests.factories import ForeignMunicipalityFactory, MunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_profile_shows_names_figures_and_partners_both_ways(client):
    izium = MunicipalityFactory(
        name_uk="Ізюмська міська громада",
        name_en="Iziumska urban hromada",
        population=44979,
        description_uk="Місто на Сіверському Донці.",
    )
    tukums = ForeignMunicipalityFactory(name_uk="Tukums", name_en="Tukums", country="LV")
    andrychow = ForeignMunicipalityFactory(name_uk="Andrychów", name_en="Andrychów", country="PL")
    Partnership.objects.create(municipality_a=izium, municipality_b=tukums)
    Partnership.objects.create(municipality_a=andrychow, municipality_b=izium)

    response = client.get(izium.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Ізюмська міська громада</h1>" in html
    assert "Місто на Сіверському Донці." in html
    assert "44\xa0979" in html or "44 979" in html
    # Partners are grouped by country name in the reader's language: Латвія, then Польща.
    assert [partner.name for _p, partner in response.context["partners"]] == ["Tukums", "Andrychów"]
    assert tukums.get_absolute_url() in html and andrychow.get_absolute_url() in html

    back = client.get(tukums.get_absolute_url()).content.decode()
    assert izium.get_absolute_url() in back


@pytest.mark.parametrize(("registry", "partners"), [(10, 1), (1000, 30)])
def test_profile_query_count_is_flat(client, django_assert_num_queries, registry, partners):
    bulk_registry(registry)
    town = MunicipalityFactory()
    for _ in range(partners):
        PartnershipFactory(municipality_a=town)
    # municipality, areas offered, areas needed, partnerships, their agreed yearly plans and
    # reports, open requests, activities, news, and the next scheduled publication (the
    # news generation's lifetime)
    with django_assert_num_queries(9):
        response = client.get(town.get_absolute_url())
    assert len(response.context["partners"]) == partners
    # Warm: the municipality and the public parts come from the cache
    # (partnerships.caching, news.caching).
    with django_assert_num_queries(0):
        client.get(town.get_absolute_url())


def test_profile_map_marks_the_municipality_and_links_partners(client):
    partnership = PartnershipFactory()
    response = client.get(partnership.municipality_a.get_absolute_url())
    drawn = response.context["map"]
    assert drawn.highlight is not None
    assert [point.url for point in drawn.points] == [partnership.municipality_b.get_absolute_url()]
    assert len(drawn.lines) == 1


def test_profile_without_coordinates_has_no_map(client):
    town = ForeignMunicipalityFactory(latitude=None, longitude=None)
    response = client.get(town.get_absolute_url())
    assert response.status_code == 200
    assert not response.context["map"]  # drawn lazily: None inside
    assert 'id="location-heading"' not in response.content.decode()


def test_profile_of_an_unknown_municipality_is_404(client):
    url = reverse("partnerships:municipality-detail", kwargs={"slug": "no-such-town"})
    assert client.get(url).status_code == 404


def test_profile_escapes_user_text(client):
    town = MunicipalityFactory(
        description_uk='<script>alert("x")</script>', name_uk="<b>Громада</b>"
    )
    html = client.get(town.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "<b>Громада</b>" not in html


def test_profile_cooperate_button_hidden_on_own_municipality(client, official_a, municipality_b):
    client.force_login(official_a.user)
    own = client.get(official_a.municipality.get_absolute_url()).content.decode()
    other = client.get(municipality_b.get_absolute_url()).content.decode()
    cooperate = "/cooperate/"
    assert cooperate not in own
    assert reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}) in other


def test_profile_shows_only_aggregate_figures_to_the_public(client, open_request):
    page = client.get(open_request.to_municipality.get_absolute_url()).content.decode()
    assert open_request.get_absolute_url() not in page
    assert open_request.message not in page


def test_cached_profile_shows_a_new_partner_and_new_news_and_keeps_languages_apart(client):
    from tests.factories import ArticleFactory

    town = MunicipalityFactory(name_uk="Тестова громада", name_en="Test Hromada")
    url = town.get_absolute_url()
    assert client.get(url).status_code == 200
    # A new partnership starts a new registry generation: the profile shows it.
    partner = ForeignMunicipalityFactory(name_uk="Новий партнер", name_en="New Partner")
    PartnershipFactory(municipality_a=town, municipality_b=partner)
    assert "Новий партнер" in client.get(url).content.decode()
    # An article about the community starts a new news generation.
    article = ArticleFactory(title_uk="Свіжа новина громади")
    article.communities.set([town])
    assert "Свіжа новина громади" in client.get(url).content.decode()
    # The same profile in English is a page of its own, not the Ukrainian one.
    with translation.override("en"):
        english = client.get(town.get_absolute_url()).content.decode()
    assert "New Partner" in english
    assert "Новий партнер" not in english


def test_profile_has_a_small_live_map_of_its_partners_with_no_more_queries(client):
    town = PartnershipFactory().municipality_a
    html = client.get(town.get_absolute_url()).content.decode()
    data = reverse("partnerships:map-data")
    assert f'data-geojson="{data}?focus={town.slug}&amp;focus_only=1"' in html
    assert "js/map.js" in html
    # The drawing stays beside it for readers without scripts.
    assert 'id="profile-map-caption"' in html
