"""Data migrations of the partnerships app, run again on data shaped as they found it."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from partnerships.models import Memorandum, Municipality
from tests.factories import ForeignMunicipalityFactory, MunicipalityFactory
from tests.pdfs import minimal_pdf

pytestmark = pytest.mark.django_db


def test_scan_migration_moves_scans_uploaded_to_the_public_folder_before(memorandum):
    migration = importlib.import_module(
        "partnerships.migrations.0009_move_signed_scans_to_private_storage"
    )
    name = storages["default"].save("memoranda/old-upload.pdf", ContentFile(minimal_pdf()))
    Memorandum.objects.filter(pk=memorandum.pk).update(signed_scan=name)
    migration.move_scans(apps, None)
    migration.move_scans(apps, None)  # a second run changes nothing
    assert not storages["default"].exists(name)
    assert (settings.PRIVATE_MEDIA_ROOT / name).read_bytes() == minimal_pdf()


pytestmark = pytest.mark.django_db

fill_names = importlib.import_module(
    "partnerships.migrations.0015_fill_ukrainian_name_source_and_search_key"
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
