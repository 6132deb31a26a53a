import pytest

from tests.factories import MunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [2, 40])
def test_home_shows_live_figures_with_flat_queries(client, django_assert_max_num_queries, size):
    for _ in range(size):
        PartnershipFactory()
    # The figures, partnerships, open municipalities and news, and the next scheduled
    # publication (the news generation's lifetime).
    with django_assert_max_num_queries(10):
        response = client.get("/uk/")
    assert response.status_code == 200
    assert response.context["figures"] == {
        "communities": size,
        "foreign": size,
        "partnerships": size,
        "countries": 1,
    }
    # Then from the cache, until the registry changes (partnerships.caching).
    with django_assert_max_num_queries(0):
        assert client.get("/uk/").status_code == 200
    PartnershipFactory()
    assert client.get("/uk/").context["figures"]["partnerships"] == size + 1


def test_root_redirects_to_a_language(client):
    response = client.get("/", headers={"accept-language": "en"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["uk", "en"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "municipalities/",
        "map/",
        "map/?frame=world",
        "statistics/",
        "about/",
        "about/data/",
        "accessibility/",
    ],
)
def test_public_pages_render_in_both_languages(client, language, path):
    PartnershipFactory()
    response = client.get(f"/{language}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert 'href="#main"' in html


def test_map_page_links_every_partner(client, django_assert_max_num_queries):
    partnerships = [PartnershipFactory() for _ in range(3)]
    with django_assert_max_num_queries(4):
        response = client.get("/uk/map/")
    html = response.content.decode()
    for partnership in partnerships:
        for municipality in (partnership.municipality_a, partnership.municipality_b):
            assert (
                f'<a href="{municipality.get_absolute_url()}"><title>{municipality.name}</title>'
                in html
            )
    with django_assert_max_num_queries(2):
        client.get("/uk/map/")  # drawn once, then served from the cache


def test_map_is_redrawn_when_a_partnership_is_added(client):
    PartnershipFactory()
    client.get("/uk/map/")
    newcomer = PartnershipFactory()
    html = client.get("/uk/map/").content.decode()
    assert newcomer.municipality_b.get_absolute_url() in html


def test_unknown_map_view_is_404(client):
    assert client.get("/uk/map/?frame=mars").status_code == 404
    assert client.get("/uk/map/mars/background.svg").status_code == 404


def test_map_images_are_svg(client):
    MunicipalityFactory()
    for name in ("background", "partnerships"):
        response = client.get(f"/uk/map/europe/{name}.svg")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        assert response.content.startswith(b"<svg")


def test_statistics_counts_partnerships_by_oblast_and_country(client):
    first = PartnershipFactory()
    PartnershipFactory(municipality_a=first.municipality_a)
    response = client.get("/uk/statistics/")
    bars = response.context["region_chart"].bars
    assert [(bar.label, bar.value) for bar in bars] == [(first.municipality_a.region.name, 2)]
    assert [(bar.label, bar.value) for bar in response.context["country_chart"].bars] == [
        ("Німеччина", 2)
    ]


def test_about_data_credits_the_sources_and_licences(client):
    html = client.get("/en/about/data/").content.decode()
    for credit in ("CC BY-SA 4.0", "Open Database Licence", "KSE-Loc-Data-Hub", "Wikidata"):
        assert credit in html


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/uk/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "style-src 'self'" in policy


@pytest.mark.parametrize("dataset", ["municipalities", "partnerships"])
def test_open_data_downloads_as_csv_and_json(client, django_assert_max_num_queries, dataset):
    import csv
    import io
    import json

    partnership = PartnershipFactory()
    with django_assert_max_num_queries(2):
        response = client.get(f"/uk/open-data/{dataset}.csv")
        body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == (2 if dataset == "municipalities" else 1)
    if dataset == "partnerships":
        assert rows[0]["municipality_a.slug"] == partnership.municipality_a.slug

    response = client.get(f"/uk/open-data/{dataset}.json")
    data = json.loads(b"".join(response.streaming_content))
    assert "CC BY-SA 4.0" in data["licence"]
    assert len(data["items"]) == len(rows)


@pytest.mark.parametrize("path", ["/uk/open-data/users.csv", "/uk/open-data/municipalities.xml"])
def test_open_data_unknown_dataset_or_format_is_404(client, path):
    assert client.get(path).status_code == 404


def test_site_record_carries_the_portal_address(settings):
    from django.contrib.sites.models import Site

    from twinning.apps import name_the_site

    settings.PORTAL_BASE_URL = "https://twinning.example.gov.ua"
    name_the_site(sender=None)
    assert Site.objects.get_current().domain == "twinning.example.gov.ua"


def test_favicon_ico_leads_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_statistics_chart_partnerships_by_year_agreed(client, django_assert_max_num_queries):
    import datetime

    PartnershipFactory(since=datetime.date(2024, 5, 1))
    PartnershipFactory(since=datetime.date(2026, 3, 1))
    PartnershipFactory(since=datetime.date(2026, 9, 1))
    PartnershipFactory()  # imported, no date
    with django_assert_max_num_queries(7):
        response = client.get("/uk/statistics/")
    assert [(b.label, b.value) for b in response.context["year_chart"].bars] == [
        ("2024", 1),
        ("2026", 2),
    ]


def test_unknown_host_gets_a_400_page_not_a_500(client):
    response = client.get("/uk/", headers={"host": "evil.example"})
    assert response.status_code == 400


@pytest.mark.parametrize("language", ["uk", "en"])
def test_form_without_csrf_token_gets_the_portals_own_403_page(language):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(f"/{language}/accounts/login/", {"login": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "site.css" in html
    expected = "Термін дії форми минув" if language == "uk" else "The form has expired"
    assert expected in html


def test_wrong_method_gets_a_405_page_in_the_sites_look(client):
    response = client.post("/en/about/")
    assert response.status_code == 405
    assert "This page cannot do that" in response.content.decode()
    assert response["Allow"] == "GET, HEAD"
