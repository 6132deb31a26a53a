"""What every API answer carries: CORS for reading, cache validators, a rate limit."""

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def test_api_answers_any_origin_and_may_be_cached(client):
    response = client.get(reverse("api:municipalities"), headers={"Origin": "https://example.net"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    assert response["ETag"]


def test_cross_origin_only_on_the_api(client):
    response = client.get(reverse("partnerships:municipality-list"))
    assert "Access-Control-Allow-Origin" not in response


def test_an_unchanged_answer_is_304_without_a_query(client, django_assert_num_queries):
    MunicipalityFactory()
    url = reverse("api:municipalities")
    tag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        again = client.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again["ETag"] == tag


def test_a_registry_change_changes_the_etag(client):
    url = reverse("api:partnerships")
    tag = client.get(url)["ETag"]
    PartnershipFactory()
    response = client.get(url, headers={"If-None-Match": tag})
    assert response.status_code == 200
    assert response["ETag"] != tag
    assert response.json()["count"] == 1


def test_the_api_is_read_only(client):
    response = client.post(reverse("api:municipalities"), {"name": "x"})
    assert response.status_code == 405


def test_too_many_requests_from_one_client_get_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = "3/m/ip"
    url = reverse("api:areas")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another client (address) is not held back.
    assert client.get(url, REMOTE_ADDR="192.0.2.7").status_code == 200
