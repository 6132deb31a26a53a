"""Requests in the admin: filters, and no way around the workflow's rules."""

import pytest
from django.urls import reverse

from partnerships.models import CooperationRequest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("country", ["UA", "PL", "DE"])
def test_request_changelist_filters_by_either_country(staff_client, admin_records, country):
    url = reverse("admin:partnerships_cooperationrequest_changelist")
    response = staff_client.get(url, {"country": country})
    assert response.status_code == 200
    expected = {"UA": 2, "PL": 2, "DE": 0}[country]
    assert response.context["cl"].result_count == expected


def test_request_cannot_be_added_in_admin(staff_client, admin_records):
    add = reverse("admin:partnerships_cooperationrequest_add")
    assert staff_client.get(add).status_code == 403
    changelist = staff_client.get(reverse("admin:partnerships_cooperationrequest_changelist"))
    assert add not in changelist.content.decode()


def test_request_change_form_cannot_change_status_sides_or_sender(
    staff_client, admin_records, accepted_request, municipality_c, official_c, change_form_data
):
    request = accepted_request
    url = reverse("admin:partnerships_cooperationrequest_change", args=[request.pk])
    data = change_form_data(staff_client.get(url))
    data.update(
        status="withdrawn",
        from_municipality=str(municipality_c.pk),
        to_municipality=str(municipality_c.pk),
        created_by=str(official_c.user.pk),
        message="Corrected by the ministry.",
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    saved = CooperationRequest.objects.get(pk=request.pk)
    assert (
        saved.status,
        saved.from_municipality,
        saved.to_municipality,
        saved.created_by,
        saved.message,
    ) == (
        request.status,
        request.from_municipality,
        request.to_municipality,
        request.created_by,
        "Corrected by the ministry.",
    )
