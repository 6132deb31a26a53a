"""Media on local disk by default; on S3-compatible buckets by setting, the private one
without URLs."""

import json

import pytest
from django.core.files.base import ContentFile

from core.storages import PrivateFileSystemStorage
from tests.fresh import python_output


def storages_for(extra: dict) -> dict:
    code = "import json, twinning.settings as s; print(json.dumps(s.STORAGES, default=str))"
    env = {"DJANGO_SECRET_KEY": "x", **extra}
    return json.loads(python_output(code, env, drop=("DJANGO_", "MEDIA_")))


def test_media_is_on_local_disk_by_default():
    found = storages_for({})
    assert found["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert found["private"]["BACKEND"] == "core.storages.PrivateFileSystemStorage"


def test_media_goes_to_two_buckets_when_one_is_set():
    found = storages_for(
        {
            "MEDIA_S3_BUCKET": "twinning-media",
            "PRIVATE_MEDIA_S3_BUCKET": "twinning-private",
            "MEDIA_S3_ENDPOINT_URL": "https://s3.example.org",
            "MEDIA_S3_CUSTOM_DOMAIN": "media.example.org",
        }
    )
    public, private = found["default"], found["private"]
    assert public["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["bucket_name"] == "twinning-media"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert public["OPTIONS"]["custom_domain"] == "media.example.org"
    assert private["BACKEND"] == "core.storages_s3.PrivateS3Storage"
    assert private["OPTIONS"]["bucket_name"] == "twinning-private"
    assert private["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert "custom_domain" not in private["OPTIONS"]


def test_the_private_bucket_gives_no_url():
    from core.storages_s3 import PrivateS3Storage

    storage = PrivateS3Storage(bucket_name="twinning-private", access_key="a", secret_key="b")
    assert storage.default_acl == "private"
    with pytest.raises(ValueError, match="no URL"):
        storage.url("memoranda/scan.pdf")


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
