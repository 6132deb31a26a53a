"""Temporarily occupied territory: marked from the data and by staff; such a municipality
is not open to new partners, cannot be sent a request, and its partnerships are suspended."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from partnerships.models import CooperationRequest, Municipality
from partnerships.models.municipality import OCCUPATION_START
from partnerships.services.requests import RequestNotAllowed, request_create
from tests.factories import CooperationAreaFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

OCCUPIED_IN_2022 = datetime.date(2022, 3, 1)


def _load_registry() -> None:
    call_command("load_registry", data_dir=Path(settings.BASE_DIR) / "data", stdout=StringIO())


@pytest.fixture
def occupied_a(municipality_a):
    municipality_a.occupied_since = OCCUPIED_IN_2022
    municipality_a.save()
    return municipality_a


def test_load_registry_marks_all_of_crimea_and_sevastopol_and_nothing_else():
    _load_registry()
    occupied = Municipality.objects.occupied()
    assert occupied.count() == 304  # 303 Crimean communities and Sevastopol
    assert set(occupied.values_list("region__code", flat=True)) == {
        "UA01000000000013043",
        "UA85000000000065278",
    }
    assert set(occupied.values_list("occupied_since", flat=True)) == {OCCUPATION_START}
    assert not Municipality.objects.foreign().occupied().exists()


def test_load_registry_run_again_keeps_a_date_staff_set_and_marks_what_staff_cleared():
    _load_registry()
    sevastopol = Municipality.objects.get(code="UA85000000000065278")
    sevastopol.occupied_since = datetime.date(2014, 3, 18)
    sevastopol.save()
    Municipality.objects.filter(
        pk=Municipality.objects.occupied().exclude(pk=sevastopol.pk).values("pk")[:1]
    ).update(occupied_since=None)
    _load_registry()
    sevastopol.refresh_from_db()
    assert sevastopol.occupied_since == datetime.date(2014, 3, 18)
    assert Municipality.objects.occupied().count() == 304


def test_an_occupied_municipality_is_not_open_to_new_partners(occupied_a, municipality_c):
    assert occupied_a.open_to_partners  # its own choice is kept for after de-occupation
    assert not occupied_a.accepts_partners
    assert list(Municipality.objects.ukrainian().open_to_partners()) == [municipality_c]


def test_directory_open_filter_leaves_out_occupied_municipalities(
    client, occupied_a, municipality_c
):
    response = client.get(reverse("partnerships:municipality-list"), {"open": "on"})
    listed = list(response.context["object_list"])
    assert municipality_c in listed
    assert occupied_a not in listed
    everyone = client.get(reverse("partnerships:municipality-list")).content.decode()
    assert "Тимчасово окупована територія" in everyone


@pytest.mark.parametrize("occupied_side", ["target", "sender"])
def test_request_create_refuses_a_pair_with_an_occupied_side(
    official_a, municipality_a, municipality_b, occupied_side
):
    occupied = municipality_b if occupied_side == "target" else municipality_a
    occupied.occupied_since = OCCUPIED_IN_2022
    occupied.save()
    with translation.override("en"), pytest.raises(RequestNotAllowed) as refused:
        request_create(
            user=official_a.user,
            from_municipality=municipality_a,
            to_municipality=municipality_b,
            areas=[CooperationAreaFactory()],
            form="twinning",
            message="We would like to twin and share our experience.",
            contact_person="Olena",
        )
    assert str(refused.value).startswith(
        f"{occupied.name_en} is in territory temporarily occupied by Russia since 1 March 2022."
    )
    assert CooperationRequest.objects.count() == 0


@pytest.mark.usefixtures("english")
def test_cooperate_page_explains_and_refuses_a_request_to_an_occupied_community(
    client, official_b, occupied_a, cooperate_data
):
    client.force_login(official_b.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": occupied_a.slug})
    page = client.get(url).content.decode()
    assert "temporarily occupied by Russia since 1 March 2022" in page
    response = client.post(url, cooperate_data(CooperationAreaFactory()))
    assert response.status_code == 409
    assert CooperationRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "sentence", "badge"),
    [
        (
            "uk",
            "тимчасово окупована Російською Федерацією з 1 березня 2022. Органи",
            "Тимчасово окупована територія",
        ),
        (
            "en",
            "is in territory temporarily occupied by Russia since 1 March 2022",
            "Temporarily occupied territory",
        ),
    ],
)
def test_profile_of_an_occupied_community_explains_why_it_cannot_be_contacted(
    client, occupied_a, language, sentence, badge
):
    with translation.override(language):
        url = occupied_a.get_absolute_url()
    html = client.get(url).content.decode()
    assert sentence in html
    assert badge in html
    assert reverse("partnerships:cooperate", kwargs={"slug": occupied_a.slug}) not in html


@pytest.mark.usefixtures("english")
def test_partnerships_of_an_occupied_community_show_as_suspended_on_both_profiles(
    client, occupied_a, municipality_b, municipality_c
):
    PartnershipFactory(municipality_a=occupied_a, municipality_b=municipality_b)
    PartnershipFactory(municipality_a=municipality_c, municipality_b=municipality_b)
    suspended = "Suspended: temporarily occupied territory"
    assert client.get(occupied_a.get_absolute_url()).content.decode().count(suspended) == 1
    assert client.get(municipality_b.get_absolute_url()).content.decode().count(suspended) == 1
    assert suspended not in client.get(municipality_c.get_absolute_url()).content.decode()


def test_staff_mark_a_municipality_occupied_in_admin_and_filter_by_it(
    staff_client, municipality_a, municipality_c
):
    url = reverse("admin:partnerships_municipality_change", args=[municipality_a.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in {"coat_of_arms", "offers", "needs"}
    }
    data.update(occupied_since="2022-03-01", country="UA", region=municipality_a.region_id)
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    municipality_a.refresh_from_db()
    assert municipality_a.occupied_since == OCCUPIED_IN_2022
    listed = staff_client.get(
        reverse("admin:partnerships_municipality_changelist"), {"occupied": "yes"}
    )
    assert list(listed.context["cl"].result_list) == [municipality_a]
