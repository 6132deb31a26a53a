"""The map: drawn from the registry, cached, redrawn when it changes."""

import pytest
from django.urls import reverse

from tests.factories import MunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def drawing_of(client, html: str) -> str:
    """The linked drawing the page offers readers without scripts."""
    address = html.split(' data-drawing="', 1)[1].split('"', 1)[0]
    response = client.get(address.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    return response.content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_map_page_links_every_partner(client, django_assert_max_num_queries, size):
    partnerships = [PartnershipFactory() for _ in range(size)]
    url = reverse("partnerships:map")
    # The drawing's caption and leaders (2), and the filters' choices: oblasts, areas
    # twice, countries.
    with django_assert_max_num_queries(7):
        response = client.get(url)
    html = response.content.decode()
    # Without scripts the page shows the linked drawing: its own document, not in the page.
    assert "<noscript><iframe src=" in html and "<title>" not in html.split("<main", 1)[1]
    drawing = drawing_of(client, html)
    for partnership in partnerships:
        for municipality in (partnership.municipality_a, partnership.municipality_b):
            assert (
                f'<a href="{municipality.get_absolute_url()}" target="_top">'
                f"<title>{municipality.name}</title>" in drawing
            )
    with django_assert_max_num_queries(0):
        client.get(url)  # drawn once, then served from the cache


def test_map_is_redrawn_when_a_partnership_is_added(client):
    url = reverse("partnerships:map")
    PartnershipFactory()
    drawing_of(client, client.get(url).content.decode())
    newcomer = PartnershipFactory()
    drawing = drawing_of(client, client.get(url).content.decode())
    assert newcomer.municipality_b.get_absolute_url() in drawing


def test_map_of_an_unknown_view_is_404(client):
    assert client.get(reverse("partnerships:map"), {"frame": "mars"}).status_code == 404
    assert client.get(reverse("partnerships:map-background", args=["mars"])).status_code == 404
    assert client.get(reverse("partnerships:map-drawing", args=["mars"])).status_code == 404


@pytest.mark.parametrize(
    "name", ["partnerships:map-background", "partnerships:map-lines", "partnerships:map-drawing"]
)
def test_map_images_are_svg(client, name):
    MunicipalityFactory()
    response = client.get(reverse(name, args=["europe"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith((b"<svg", b"<?xml"))
