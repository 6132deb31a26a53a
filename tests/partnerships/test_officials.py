"""Acting for a municipality: applying, one record per person, losing the right to act."""

import pytest
from django.urls import reverse

from partnerships.choices import OfficialStatus
from partnerships.models import Official
from tests.factories import OfficialFactory


@pytest.mark.usefixtures("english")
def test_official_apply_creates_pending_record_in_page_language(
    client, plain_user, municipality_a, apply_data
):
    client.force_login(plain_user)
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_a.slug})
    response = client.post(url, apply_data)
    assert response.status_code == 302
    official = Official.objects.get(user=plain_user)
    assert (official.municipality, official.status, official.language) == (
        municipality_a,
        OfficialStatus.APPLIED,
        "en",
    )


def test_official_apply_one_municipality_per_user(client, official_a, municipality_b, apply_data):
    client.force_login(official_a.user)
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_b.slug})
    assert client.post(url, apply_data).status_code == 409
    assert list(Official.objects.filter(user=official_a.user)) == [official_a]


def test_official_apply_anonymous_is_sent_to_login(client, municipality_a, apply_data):
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_a.slug})
    response = client.post(url, apply_data)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Official.objects.count() == 0


def test_official_revoked_can_no_longer_act(client, official_a, municipality_b, staff_user):
    from partnerships.services.officials import official_decide

    official_decide(official=official_a, status=OfficialStatus.REVOKED, by=staff_user)
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.status_code == 403


def test_official_one_active_record_per_user_is_a_database_rule(official_a, municipality_b):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialFactory(user=official_a.user, municipality=municipality_b, status="applied")
    OfficialFactory(user=official_a.user, municipality=municipality_b, status="rejected")
