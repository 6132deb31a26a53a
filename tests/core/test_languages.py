"""The language switcher: the same page, with its query, in the other language."""

import pytest
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from core.languages import content_order, translated_urls
from partnerships.models import Municipality
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("reader", "order"),
    [("uk", ["uk", "en"]), ("en", ["en", "uk"]), ("pl", ["en", "uk"]), ("fr", ["en", "uk"])],
)
def test_content_order_serves_the_reader_then_english(reader, order):
    assert content_order(reader) == order


@pytest.mark.parametrize(
    ("reader", "name"),
    [
        ("uk", "Ізюмська міська громада"),
        ("en", "Iziumska urban hromada"),
        ("de", "Iziumska urban hromada"),
    ],
)
def test_translated_fields_fall_back_to_english_for_other_interface_languages(reader, name):
    izium = MunicipalityFactory(name_uk="Ізюмська міська громада", name_en="Iziumska urban hromada")
    with translation.override(reader):
        assert Municipality.objects.get(pk=izium.pk).name == name
        # Queries on the translated field ask the same language.
        assert list(Municipality.objects.filter(name=name).values_list("pk", flat=True)) == [
            izium.pk
        ]


def test_a_text_written_only_in_ukrainian_still_shows_to_a_polish_reader():
    izium = MunicipalityFactory(description_uk="Лише українською.", description_en="")
    with translation.override("pl"):
        assert Municipality.objects.get(pk=izium.pk).description == "Лише українською."


@pytest.mark.django_db
@pytest.mark.usefixtures("english")
def test_language_switcher_links_the_same_page_in_the_other_language(client):
    html = client.get(reverse("partnerships:municipality-list"), {"country": "UA"}).content.decode()
    assert '<html lang="en">' in html
    assert 'href="/uk/municipalities/?country=UA" lang="uk" hreflang="uk"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/uk/news/?page=3&region=kyiv-oblast",
        "/uk/news/tags/%D0%BE%D1%81%D0%B2%D1%96%D1%82%D0%B0/",
        "/uk/municipalities/",
        "/uk/no-such-page/",
        "https://example.org/uk/news/#comments",
    ],
)
def test_switcher_links_are_what_translate_url_gives_for_each_language(url):
    codes = [code for code, _name in settings.LANGUAGES]
    with translation.override("uk"):
        assert translated_urls(url, codes) == {code: translate_url(url, code) for code in codes}
