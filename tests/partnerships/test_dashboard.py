"""The official's dashboard: the municipality's requests and memoranda, in flat queries."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from partnerships.memoranda.services import memorandum_open
from tests.factories import (
    AcceptedRequestFactory,
    CooperationRequestFactory,
    ForeignMunicipalityFactory,
    PartnershipFactory,
)


def test_dashboard_lists_requests_and_query_count_is_flat(
    client, official_a, django_assert_max_num_queries
):
    client.force_login(official_a.user)
    url = reverse("partnerships:dashboard")
    CooperationRequestFactory(from_municipality=official_a.municipality)
    with django_assert_max_num_queries(20) as one:
        response = client.get(url)
    assert response.status_code == 200
    for _ in range(3):
        CooperationRequestFactory(from_municipality=official_a.municipality)
        CooperationRequestFactory(
            to_municipality=official_a.municipality, from_municipality=ForeignMunicipalityFactory()
        )
        PartnershipFactory(municipality_a=official_a.municipality)
    cache.clear()  # cold again, as the first: the bell's count is cached too
    with django_assert_max_num_queries(20) as many:
        response = client.get(url)
    assert len(response.context["outgoing"]) == 4
    assert len(response.context["incoming"]) == 3
    assert len(one.captured_queries) == len(many.captured_queries)


@pytest.mark.usefixtures("english")
def test_dashboard_lists_the_municipality_memoranda_with_a_flat_query_count(
    client, memorandum, official_a, official_c, django_assert_max_num_queries
):
    client.force_login(official_a.user)
    url = reverse("partnerships:dashboard")
    with django_assert_max_num_queries(25) as one:
        response = client.get(url)
    body = response.content.decode()
    assert response.context["memoranda"] == [memorandum]
    assert f'href="{memorandum.get_absolute_url()}"' in body
    assert f'href="{reverse("partnerships:memorandum-list")}"' in body
    assert "draft" in body  # the status, as a badge with words
    for _ in range(3):
        request = AcceptedRequestFactory(
            from_municipality=official_a.municipality, to_municipality=ForeignMunicipalityFactory()
        )
        memorandum_open(cooperation_request=request, actor=None)
    cache.clear()  # cold again, as the first: the bell's count is cached too
    with django_assert_max_num_queries(25) as many:
        response = client.get(url)
    assert len(response.context["memoranda"]) == 4
    assert len(one.captured_queries) == len(many.captured_queries)
    # The outsider's dashboard lists none of them.
    client.force_login(official_c.user)
    assert client.get(url).context["memoranda"] == []


def test_dashboard_shows_the_latest_requests_and_links_the_rest(client, official_a, monkeypatch):
    """A busy municipality's dashboard stays one screen: open requests first, the rest on
    pages of their own (every request stays reachable)."""
    monkeypatch.setattr("partnerships.views.officials.DASHBOARD_ITEMS", 2)
    monkeypatch.setattr("partnerships.views.officials.REQUESTS_PER_PAGE", 2)
    answered = [
        CooperationRequestFactory(
            to_municipality=official_a.municipality,
            from_municipality=ForeignMunicipalityFactory(),
            status="declined",
        )
        for _ in range(3)
    ]
    waiting = CooperationRequestFactory(
        to_municipality=official_a.municipality, from_municipality=ForeignMunicipalityFactory()
    )
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:dashboard"))
    assert response.context["incoming"][0] == waiting
    assert len(response.context["incoming"]) == 2
    assert response.context["incoming_count"] == 4
    listing = reverse("partnerships:request-list", kwargs={"direction": "incoming"})
    assert listing in response.content.decode()
    seen = []
    for page in (1, 2):
        seen += client.get(listing, {"page": page}).context["requests"]
    assert seen == [waiting, *sorted(answered, key=lambda r: (r.created_at, r.pk), reverse=True)]
    assert client.get(listing, {"page": 3}).status_code == 404


def test_request_list_is_for_approved_officials_only(client, plain_user, official_a):
    incoming = reverse("partnerships:request-list", kwargs={"direction": "incoming"})
    assert client.get(incoming).status_code == 302  # to sign in
    client.force_login(plain_user)
    assert client.get(incoming).status_code == 404
    client.force_login(official_a.user)
    assert client.get(incoming).status_code == 200
    assert client.get(incoming.replace("incoming", "sideways")).status_code == 404
