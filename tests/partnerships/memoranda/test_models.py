"""The memorandum's rows: rules the database keeps, and where a signed scan is stored."""

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from partnerships.models import Memorandum
from tests.pdfs import minimal_pdf

pytestmark = pytest.mark.django_db


def test_memorandum_publish_flags_are_refused_by_the_database_before_signing(memorandum):
    with pytest.raises(IntegrityError), transaction.atomic():
        Memorandum.objects.filter(pk=memorandum.pk).update(published_a=True)


def test_memorandum_signed_scan_is_stored_outside_the_public_media_folder(signed_with_scan):
    scan = signed_with_scan.signatures.get(side="a").scan
    private_file = settings.PRIVATE_MEDIA_ROOT / scan.name
    assert private_file.read_bytes() == minimal_pdf()
    media = settings.MEDIA_ROOT
    assert not media.exists() or [p for p in media.rglob("*") if p.is_file()] == []
    with pytest.raises(ValueError):
        scan.url  # no public address at all  # noqa: B018
