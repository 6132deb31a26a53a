import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.pdfs import minimal_pdf


@pytest.fixture
def signed_with_scan(final_memorandum, official_a, official_b, sign_for):
    """The memorandum signed through the sign form by A's official, with a PDF scan
    (minimal_pdf()), in a client of its own (the test's `client` stays as it is), then
    by B's official without one."""
    from partnerships.models import Memorandum

    client = Client()
    client.force_login(official_a.user)
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[final_memorandum.pk]),
        {
            "version": final_memorandum.version,
            "signed_on": "2025-03-12",
            "place": "Київ",
            "signatory_name": "Олена Коваль",
            "signatory_position": "міська голова",
            "scan": SimpleUploadedFile("scan.pdf", minimal_pdf(), content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    sign_for(official_b, "Grudziądz")
    return Memorandum.objects.get()
