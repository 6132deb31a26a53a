"""What the profile and dashboard offer a reader: the primary action first, names right."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from partnerships.models import Partnership
from tests.factories import ForeignMunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_cooperate_comes_before_the_profile_text_so_a_phone_shows_it_first(client, official_b):
    client.force_login(official_b.user)
    municipality = ForeignMunicipalityFactory(description_uk="Опис " * 500)
    html = client.get(municipality.get_absolute_url()).content.decode()
    cooperate = reverse("partnerships:cooperate", kwargs={"slug": municipality.slug})
    assert html.index(f'href="{cooperate}"') < html.index('id="about-heading"')
    # Inside the page header, beside the name: the first screen at any width.
    header = re.search(r'<header class="profile-header">.*?</header>', html, re.S)[0]
    assert cooperate in header


@pytest.mark.parametrize(
    ("foreign", "label"),
    [(False, "Я представляю цю громаду"), (True, "Я представляю цей муніципалітет")],
)
def test_apply_link_calls_a_foreign_municipality_not_a_hromada(
    client, municipality_a, foreign, label
):
    municipality = ForeignMunicipalityFactory() if foreign else municipality_a
    client.force_login(UserFactory())
    html = client.get(municipality.get_absolute_url()).content.decode()
    assert label in html
    assert ("громаду" in label) != foreign


def test_dashboard_names_each_partner_of_the_municipality(client, official_a):
    partner = ForeignMunicipalityFactory(name_uk="Андрихув", name_en="Andrychow", country="PL")
    Partnership.objects.create(municipality_a=official_a.municipality, municipality_b=partner)
    client.force_login(official_a.user)
    html = client.get(reverse("partnerships:dashboard")).content.decode()
    assert f'<a href="{partner.get_absolute_url()}">Андрихув</a>, Польща' in html


def test_profile_marks_a_description_shown_in_another_language(client):
    municipality = ForeignMunicipalityFactory(
        description_uk="", description_en="A town on a river."
    )
    with translation.override("pl"):
        url = municipality.get_absolute_url()
    html = client.get(url).content.decode()
    assert '<div class="prose" lang="en"><p>A town on a river.</p></div>' in html
    assert "Ten opis nie jest dostępny w twoim języku" in html
    # In English it is the reader's own language: no mark, no note.
    with translation.override("en"):
        english = client.get(municipality.get_absolute_url()).content.decode()
    assert '<div class="prose"><p>A town on a river.</p></div>' in english
