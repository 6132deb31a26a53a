"""Private files: stored under PRIVATE_MEDIA_ROOT and never given a public address."""

import pytest
from django.core.files.base import ContentFile

from core.storages import PrivateFileSystemStorage


def test_private_storage_has_no_url():
    storage = PrivateFileSystemStorage()
    name = storage.save("scan.pdf", ContentFile(b"%PDF-"))
    with pytest.raises(ValueError):
        storage.url(name)


def test_private_storage_follows_the_private_media_root_setting(settings, tmp_path):
    storage = PrivateFileSystemStorage()
    storage.save("before.txt", ContentFile(b"1"))
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "elsewhere"
    name = storage.save("after.txt", ContentFile(b"2"))
    assert (tmp_path / "elsewhere" / name).read_bytes() == b"2"
    assert (tmp_path / "private" / "before.txt").read_bytes() == b"1"
