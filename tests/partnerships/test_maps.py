"""The map: drawn from the registry, cached, redrawn when it changes."""

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [3, 30])
def test_map_page_links_every_partner(client, django_assert_max_num_queries, size):
    partnerships = [PartnershipFactory() for _ in range(size)]
    url = reverse("partnerships:map")
    # The drawing (3), and the filters' choices: oblasts, areas twice, countries.
    with django_assert_max_num_queries(8):
        response = client.get(url)
    html = response.content.decode()
    for partnership in partnerships:
        for municipality in (partnership.municipality_a, partnership.municipality_b):
            assert (
                f'<a href="{municipality.get_absolute_url()}"><title>{municipality.name}</title>'
                in html
            )
    with django_assert_max_num_queries(2):
        client.get(url)  # drawn once, then served from the cache


def test_map_is_redrawn_when_a_partnership_is_added(client):
    url = reverse("partnerships:map")
    PartnershipFactory()
    client.get(url)
    newcomer = PartnershipFactory()
    html = client.get(url).content.decode()
    assert newcomer.municipality_b.get_absolute_url() in html


def test_map_of_an_unknown_view_is_404(client):
    assert client.get(reverse("partnerships:map"), {"frame": "mars"}).status_code == 404
    assert client.get(reverse("partnerships:map-background", args=["mars"])).status_code == 404


@pytest.mark.parametrize("name", ["partnerships:map-background", "partnerships:map-lines"])
def test_map_images_are_svg(client, name):
    MunicipalityFactory()
    response = client.get(reverse(name, args=["europe"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")
