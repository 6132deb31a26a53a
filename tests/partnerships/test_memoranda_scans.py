"""Signed scans live outside MEDIA_ROOT and are served only through a checked view."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.memoranda.services import memorandum_agree, memorandum_set_published
from partnerships.models import Memorandum

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n44\n%%EOF\n"
)


@pytest.fixture
def signed_with_scan(client, memo_world):
    m = memo_world.memorandum
    memorandum_agree(
        memorandum=m, municipality=memo_world.a, version=1, actor=memo_world.official_a
    )
    memorandum_agree(
        memorandum=m, municipality=memo_world.b, version=1, actor=memo_world.official_b
    )
    client.force_login(memo_world.official_a)
    response = client.post(
        reverse("partnerships:memorandum-sign", args=[m.pk]),
        {
            "signed_on": "2025-03-12",
            "place": "Київ",
            "scan": SimpleUploadedFile("scan.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    client.logout()
    return Memorandum.objects.get()


def test_signed_scan_is_stored_outside_the_public_media_folder(signed_with_scan):
    m = signed_with_scan
    private_file = settings.PRIVATE_MEDIA_ROOT / m.signed_scan.name
    assert private_file.read_bytes() == PDF
    media = settings.MEDIA_ROOT
    assert not media.exists() or [p for p in media.rglob("*") if p.is_file()] == []
    with pytest.raises(ValueError):
        m.signed_scan.url  # no public address at all  # noqa: B018


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", "login"),
        ("user", 404),
        ("official_c", 404),
        ("official_a", 200),
        ("official_b", 200),
        ("staff", 200),
    ],
)
def test_signed_scan_is_served_to_the_parties_and_staff_only(
    client, memo_world, signed_with_scan, role, expected
):
    if role != "anonymous":
        client.force_login(getattr(memo_world, role))
    response = client.get(reverse("partnerships:memorandum-scan", args=[signed_with_scan.pk]))
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")


def test_signed_scan_is_public_once_both_sides_publish(client, memo_world, signed_with_scan):
    m = signed_with_scan
    url = reverse("partnerships:memorandum-scan", args=[m.pk])
    memorandum_set_published(memorandum=m, municipality=memo_world.a, published=True)
    assert client.get(url).status_code == 302
    memorandum_set_published(memorandum=m, municipality=memo_world.b, published=True)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_admin_links_the_scan_through_the_checked_view(client, signed_with_scan):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    body = client.get(
        reverse("admin:partnerships_memorandum_change", args=[signed_with_scan.pk])
    ).content.decode()
    assert reverse("partnerships:memorandum-scan", args=[signed_with_scan.pk]) in body
    assert settings.MEDIA_URL + "memoranda/" not in body


def test_migration_moves_scans_uploaded_to_the_public_folder_before(memo_world):
    import importlib

    from django.apps import apps
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    migration = importlib.import_module(
        "partnerships.migrations.0009_move_signed_scans_to_private_storage"
    )
    name = storages["default"].save("memoranda/old-upload.pdf", ContentFile(PDF))
    Memorandum.objects.filter(pk=memo_world.memorandum.pk).update(signed_scan=name)
    migration.move_scans(apps, None)
    migration.move_scans(apps, None)  # a second run changes nothing
    assert not storages["default"].exists(name)
    assert (settings.PRIVATE_MEDIA_ROOT / name).read_bytes() == PDF
