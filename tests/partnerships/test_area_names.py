"""Areas of cooperation are named in the reader's language on every page that lists them."""

import pytest
from django.utils import translation

from tests.factories import CooperationAreaFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("uk", "Культура та спадщина"),
        ("en", "Culture and heritage"),
        ("fr", "Culture et patrimoine"),
        ("de", "Kultur und Kulturerbe"),
        ("pl", "Kultura i dziedzictwo"),
    ],
)
def test_profile_names_its_areas_in_the_readers_language(client, language, name):
    community = MunicipalityFactory()
    community.offers.add(
        CooperationAreaFactory(
            slug="culture", name_uk="Культура та спадщина", name_en="Culture and heritage"
        )
    )

    with translation.override(language):
        response = client.get(community.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert name in html
    if language not in ("uk", "en"):
        assert "Culture and heritage" not in html


def test_an_area_is_written_in_french_in_forms_and_filters():
    area = CooperationAreaFactory(slug="health", name_uk="Охорона здоров’я", name_en="Health care")
    with translation.override("fr"):
        assert str(area) == "Santé"


def test_an_area_added_by_staff_falls_back_to_its_english_name():
    area = CooperationAreaFactory(slug="space", name_uk="Космос", name_en="Space")
    with translation.override("pl"):
        assert str(area) == "Space"
    with translation.override("uk"):
        assert str(area) == "Космос"
