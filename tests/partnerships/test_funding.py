"""Funding hints: the programmes' rules are data; the CERV town-twinning call is seeded."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from partnerships.funding import funding_hints
from partnerships.models import FundingProgramme, Municipality, Partnership
from tests.factories import ForeignMunicipalityFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

CERV = "EU CERV programme: town twinning"


@pytest.fixture
def registry():
    call_command("load_registry", data_dir=Path(settings.BASE_DIR) / "data", stdout=StringIO())


def _pair(first_key: str, second_key: str) -> tuple[Municipality, Municipality]:
    return Municipality.objects.get(registry_key=first_key), Municipality.objects.get(
        registry_key=second_key
    )


def test_the_cerv_call_is_seeded():
    programme = FundingProgramme.objects.get(name_en=CERV)
    assert (programme.min_countries, programme.min_member_countries) == (2, 1)
    assert programme.link.startswith("https://ec.europa.eu/")


@pytest.mark.parametrize(
    ("partner_key", "eligible"),
    [
        ("fr-chennevieres-sur-marne", True),  # Ukraine and an EU member state
        ("pl-andrychow", True),
        ("ge-khoni", False),  # Georgia is not associated to the programme
        ("lv-tukums", True),
    ],
)
def test_izium_and_its_real_partners(registry, partner_key, eligible):
    izium = Municipality.objects.get(code="UA63040090000021240")
    partner = Municipality.objects.get(registry_key=partner_key)
    assert Partnership.objects.between(izium, partner).exists()
    assert bool(funding_hints(izium, partner)) == eligible


def test_two_non_eu_countries_are_not_eligible():
    georgian = ForeignMunicipalityFactory(country="GE")
    american = ForeignMunicipalityFactory(country="US")
    ukrainian = georgian.__class__.objects.create(
        name_uk="Громада", name_en="Hromada", slug="hromada-x", country="UA"
    )
    assert funding_hints(georgian, american) == []
    assert funding_hints(ukrainian, georgian) == []


def test_two_municipalities_of_one_country_are_not_eligible():
    first, second = (
        ForeignMunicipalityFactory(country="FR"),
        ForeignMunicipalityFactory(country="FR"),
    )
    assert funding_hints(first, second) == []


def test_staff_edit_the_rule_in_the_admin(staff_client):
    programme = FundingProgramme.objects.get(name_en=CERV)
    url = reverse("admin:partnerships_fundingprogramme_change", args=[programme.pk])
    assert staff_client.get(url).status_code == 200
    georgian = ForeignMunicipalityFactory(country="GE")
    french = ForeignMunicipalityFactory(country="FR")
    assert funding_hints(georgian, french) == []
    programme.eligible_countries += ", GE"
    programme.save()
    assert funding_hints(georgian, french) == [programme]
    programme.active = False
    programme.save()
    assert funding_hints(georgian, french) == []


@pytest.mark.usefixtures("english")
def test_the_hint_shows_on_the_partnership_and_the_request_page(
    client, role_client, municipality_a, municipality_b, open_request
):
    municipality_b.country = "FR"
    municipality_b.save()
    partnership = PartnershipFactory(municipality_a=municipality_a, municipality_b=municipality_b)
    programme = FundingProgramme.objects.get(name_en=CERV)
    for response in (
        client.get(partnership.get_absolute_url()),
        role_client("official_b").get(open_request.get_absolute_url()),
    ):
        html = response.content.decode()
        assert "A hint from the countries of the two municipalities only" in html
        assert f'href="{programme.link}"'.replace("&", "&amp;") in html or programme.link in html


@pytest.mark.usefixtures("english")
def test_no_hint_for_a_pair_that_may_not_apply(client, municipality_a):
    partnership = PartnershipFactory(
        municipality_a=municipality_a, municipality_b=ForeignMunicipalityFactory(country="GE")
    )
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert "Funding you may apply for" not in html
