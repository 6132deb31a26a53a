"""The site's own pages: home, about, the language redirect, robots.txt, error pages."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [2, 40])
def test_home_shows_live_figures_with_flat_queries(client, django_assert_max_num_queries, size):
    for _ in range(size):
        PartnershipFactory()
    # The figures, partnerships, open municipalities and news, and the next scheduled
    # publication (the news generation's lifetime).
    with django_assert_max_num_queries(10):
        response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["figures"] == {
        "communities": size,
        "foreign": size,
        "partnerships": size,
        "countries": 1,
    }
    # Then from the cache, until the registry changes (partnerships.caching).
    with django_assert_max_num_queries(0):
        assert client.get(reverse("home")).status_code == 200
    PartnershipFactory()
    assert client.get(reverse("home")).context["figures"]["partnerships"] == size + 1


def test_root_redirects_to_a_language(client):
    response = client.get("/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("home", {}),
        ("partnerships:municipality-list", {}),
        ("partnerships:map", {}),
        ("partnerships:map", {"frame": "world"}),
        ("partnerships:statistics", {}),
        ("about", {}),
        ("about-data", {}),
        ("accessibility", {}),
    ],
)
def test_public_pages_render_in_both_languages(client, language, name, query):
    PartnershipFactory()
    with translation.override(language):
        url = reverse(name)
    assert url.startswith(f"/{language}/")
    response = client.get(url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html


@pytest.mark.usefixtures("english")
def test_about_data_credits_the_sources_and_licences(client):
    html = client.get(reverse("about-data")).content.decode()
    for credit in ("CC BY-SA 4.0", "Open Database Licence", "KSE-Loc-Data-Hub", "Wikidata"):
        assert credit in html


def test_favicon_ico_leads_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_unknown_host_gets_a_400_page_not_a_500(client):
    response = client.get(reverse("home"), headers={"host": "evil.example"})
    assert response.status_code == 400


@pytest.mark.parametrize("language", ["uk", "en"])
def test_form_without_csrf_token_gets_the_portals_own_403_page(language):
    with translation.override(language):
        url = reverse("account_login")
    response = Client(enforce_csrf_checks=True).post(url, {"login": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "site.css" in html
    expected = "Термін дії форми минув" if language == "uk" else "The form has expired"
    assert expected in html


@pytest.mark.parametrize(
    ("count", "label"), [(1, "партнерство"), (3, "партнерства"), (5, "партнерств")]
)
def test_home_figures_use_the_ukrainian_plural_forms(client, count, label):
    PartnershipFactory.create_batch(count)
    html = client.get(reverse("home")).content.decode()
    assert f'{count}</span> <span class="stat__label">{label}</span>' in html


def test_latest_partnerships_newest_first_and_spread_over_communities(client):
    import datetime

    from tests.factories import MunicipalityFactory

    others = [PartnershipFactory() for _ in range(4)]
    busy = MunicipalityFactory()
    # The six newest undated ones are all one community's.
    busy_ones = [PartnershipFactory(municipality_a=busy) for _ in range(6)]
    dated = PartnershipFactory(since=datetime.date(2026, 5, 1))
    shown = client.get(reverse("home")).context["recent_partnerships"]

    assert len(shown) == 6
    assert shown[0] == dated  # a date first, then by when they were recorded
    assert sum(busy.pk in (p.municipality_a_id, p.municipality_b_id) for p in shown) == 2
    assert shown[1:] == [busy_ones[-1], busy_ones[-2], others[-1], others[-2], others[-3]]
