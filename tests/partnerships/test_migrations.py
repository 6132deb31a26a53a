"""Data migrations of the partnerships app, run again on data shaped as they found it."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from partnerships.models import Memorandum
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
