"""Every partnerships admin page opens for staff, with data present, and only for staff."""

import pytest
from django.urls import reverse

from partnerships.models import Official, Partnership
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:partnerships_partnership_changelist",
        "admin:partnerships_region_changelist",
        "admin:partnerships_cooperationarea_changelist",
        "admin:partnerships_municipality_export",
        "admin:partnerships_municipality_import",
    ],
)
def test_admin_pages_open_for_staff(staff_client, name):
    PartnershipFactory()
    response = staff_client.get(reverse(name))
    assert response.status_code == 200


def test_admin_refuses_anonymous(client):
    response = client.get(reverse("admin:partnerships_municipality_changelist"))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize(
    "model", ["cooperationrequest", "official", "memorandum", "municipality", "partnership"]
)
# (not "page": pytest-playwright would take it for its browser page fixture)
@pytest.mark.parametrize("view", ["changelist", "change", "history"])
def test_partnerships_admin_pages_open_with_data(
    staff_client,
    admin_records,
    accepted_request,
    memorandum,
    municipality_a,
    municipality_b,
    model,
    view,
):
    obj = {
        "cooperationrequest": accepted_request,
        "official": Official.objects.filter(municipality=municipality_a).first(),
        "memorandum": memorandum,
        "municipality": municipality_b,
        "partnership": Partnership.objects.first(),
    }[model]
    name = f"admin:partnerships_{model}_{view}"
    url = reverse(name) if view == "changelist" else reverse(name, args=[obj.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
