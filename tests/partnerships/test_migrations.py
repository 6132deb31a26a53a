import importlib

import pytest
from django.apps import apps

from partnerships.models import Municipality
from tests.factories import ForeignMunicipalityFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

fill_names = importlib.import_module(
    "partnerships.migrations.0013_fill_ukrainian_name_source_and_search_key"
)


def test_data_migration_fills_the_search_key_and_keeps_names_written_in_cyrillic():
    izium = MunicipalityFactory(name_uk="Ізюмська міська громада", center_uk="Ізюм")
    kept = ForeignMunicipalityFactory(name_uk="Краків", name_en="Kraków", country="PL")
    latin = ForeignMunicipalityFactory(name_uk="Szczecin", name_en="Szczecin", country="PL")
    # As the rows were before the columns existed.
    Municipality.objects.update(search_key="", name_uk_source="")

    fill_names.fill(apps, schema_editor=None)

    izium.refresh_from_db()
    kept.refresh_from_db()
    latin.refresh_from_db()
    assert izium.search_key == " izumska miska hromada izum "
    assert (izium.name_uk_source, latin.name_uk_source) == ("", "")
    assert kept.name_uk_source == "edited"  # someone wrote it by hand: load_registry keeps it
    assert list(Municipality.objects.search("Щецін")) == [latin]
    assert list(Municipality.objects.search("Krakiv")) == [kept]
