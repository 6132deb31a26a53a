"""The open data API: typed JSON, pages, the directory's filters, its OpenAPI description."""

import datetime

import pytest
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from partnerships.models import CooperationArea
from tests.factories import (
    ArticleFactory,
    CooperationAreaFactory,
    ForeignMunicipalityFactory,
    MunicipalityFactory,
    PartnershipFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def test_municipality_fields_are_typed_numbers_as_numbers_and_none_as_null(client):
    area = CooperationAreaFactory(slug="energy")
    community = MunicipalityFactory(area_km2="123.45", population=None, website="")
    community.offers.add(area)
    PartnershipFactory(municipality_a=community)

    response = client.get(reverse("api:municipality", kwargs={"slug": community.slug}))

    assert response.status_code == 200
    data = response.json()
    assert data["area_km2"] == 123.45
    assert data["latitude"] == 49.5
    assert isinstance(data["latitude"], float)
    assert data["population"] is None
    assert data["website"] is None
    assert data["open_to_partners"] is True
    assert data["partner_count"] == 1
    assert data["offers"] == ["energy"]
    assert data["region"] == community.region.slug
    assert data["url"].endswith(community.get_absolute_url())


def test_foreign_municipality_has_null_region_and_code(client):
    town = ForeignMunicipalityFactory()
    data = client.get(reverse("api:municipality", kwargs={"slug": town.slug})).json()
    assert (data["region"], data["code"], data["country"]) == (None, None, "DE")


def test_unknown_municipality_is_404_json(client):
    response = client.get(reverse("api:municipality", kwargs={"slug": "nowhere"}))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_municipalities_are_paginated_in_fixed_queries(client, django_assert_max_num_queries):
    MunicipalityFactory.create_batch(3)
    url = reverse("api:municipalities")
    with django_assert_max_num_queries(6):
        first = client.get(url, {"page_size": 2}).json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["next"] is not None
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 1
    MunicipalityFactory.create_batch(20)
    with django_assert_max_num_queries(6):
        assert client.get(url, {"page_size": 20}).status_code == 200


def test_a_page_beyond_the_last_is_404(client):
    MunicipalityFactory()
    assert client.get(reverse("api:municipalities"), {"page": 9}).status_code == 404


def test_two_filters_give_the_directorys_municipalities(client):
    area = CooperationAreaFactory(slug="water")
    region = RegionFactory(slug="kharkivska")
    wanted = MunicipalityFactory.create_batch(2, region=region)
    for municipality in wanted:
        municipality.needs.add(area)
    MunicipalityFactory(region=region)  # needs nothing
    MunicipalityFactory().needs.add(area)  # another oblast
    filters = {"region": "kharkivska", "needs": "water"}

    directory = client.get(reverse("partnerships:municipality-list"), filters)
    api = client.get(reverse("api:municipalities"), filters).json()

    expected = [m.slug for m in directory.context["object_list"]]
    assert sorted(expected) == sorted(m.slug for m in wanted)
    assert [row["slug"] for row in api["results"]] == expected


def test_a_bad_filter_is_a_400_that_names_it(client):
    response = client.get(reverse("api:municipalities"), {"population_min": "many"})
    assert response.status_code == 400
    assert "population_min" in response.json()


def test_partnerships_of_one_municipality(client):
    mine = PartnershipFactory(since=datetime.date(2025, 6, 1))
    PartnershipFactory()
    response = client.get(
        reverse("api:partnerships"), {"municipality": mine.municipality_b.slug}
    ).json()
    assert response["count"] == 1
    assert response["results"][0] == {
        "municipality_a": mine.municipality_a.slug,
        "municipality_b": mine.municipality_b.slug,
        "kind": "twinning",
        "since": "2025-06-01",
        "source": "imported",
        "source_note": None,
    }


def test_areas_and_published_news_only(client, django_assert_max_num_queries):
    CooperationAreaFactory(slug="culture")
    article = ArticleFactory(source_url="")
    article.tags.add("reconstruction")
    ArticleFactory(status="draft")
    areas = client.get(reverse("api:areas")).json()
    assert areas["count"] == CooperationArea.objects.count()
    assert "culture" in [area["slug"] for area in areas["results"]]
    with django_assert_max_num_queries(6):
        news = client.get(reverse("api:news")).json()
    assert news["count"] == 1
    item = news["results"][0]
    assert item["title_en"] == article.title_en
    assert item["topics"] == ["reconstruction"]
    assert item["source_url"] is None
    assert item["url"].endswith(article.get_absolute_url())


def test_openapi_description_is_valid_and_lists_every_endpoint(client):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    schema = response.json()
    validate_schema(SchemaGenerator().get_schema(request=None, public=True))
    assert set(schema["paths"]) == {
        "/api/v1/municipalities/",
        "/api/v1/municipalities/{slug}/",
        "/api/v1/partnerships/",
        "/api/v1/areas/",
        "/api/v1/news/",
    }
    parameters = {
        p["name"] for p in schema["paths"]["/api/v1/municipalities/"]["get"]["parameters"]
    }
    assert {"q", "country", "region", "offers", "needs", "no_foreign_partner", "page"} <= parameters


def test_api_docs_page_loads_the_vendored_explorer(client):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "vendor/swagger-ui-dist/swagger-ui-bundle.js" in body
    assert reverse("api:schema") in body
