"""An official edits the profile of their municipality: the history, the coat of arms."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partnerships.models import Municipality

SECRET_ICC = b"SecretICCProfile" * 8


def image_bytes(fmt="PNG", size=(64, 64), exif=False, comment=None, icc=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, "blue")
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCameraMaker"
        kwargs["exif"] = data
    if comment:
        kwargs["comment"] = comment
    if icc:
        kwargs["icc_profile"] = icc
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def test_profile_edit_is_recorded_with_its_editor(client, official_a, staff_user, profile_data):
    municipality = official_a.municipality
    client.force_login(official_a.user)
    response = client.post(reverse("partnerships:profile-edit"), profile_data())
    assert response.status_code == 302
    edit = Municipality.history.filter(id=municipality.pk).latest()
    assert (edit.history_type, edit.history_user, edit.description_uk, edit.description_en) == (
        "~",
        official_a.user,
        "Опис",
        "About us",
    )
    changes = edit.diff_against(edit.prev_record)
    assert {change.field for change in changes.changes} == {
        "description",
        "description_uk",
        "description_en",
        "website",
        "email",
    }
    # The ministry reads it in the admin.
    client.force_login(staff_user)
    history = client.get(reverse("admin:partnerships_municipality_history", args=[municipality.pk]))
    page = history.content.decode()
    start = page.index('id="change-history"')
    table = page[start : page.index("</table>", start)]
    assert official_a.user.username in table  # "changed by"


@pytest.mark.parametrize(
    ("fmt", "extension", "metadata"),
    [
        ("JPEG", "jpg", {"exif": True, "comment": b"SecretComment", "icc": SECRET_ICC}),
        ("PNG", "png", {"exif": True, "icc": SECRET_ICC}),
        ("WEBP", "webp", {"exif": True, "icc": SECRET_ICC}),
    ],
)
def test_coat_of_arms_is_reencoded_without_metadata(
    client, official_a, profile_data, fmt, extension, metadata
):
    client.force_login(official_a.user)
    content = image_bytes(fmt, **metadata)
    source = Image.open(io.BytesIO(content))
    assert source.info.get("icc_profile") == SECRET_ICC  # the fixture really carries it
    upload = SimpleUploadedFile(f"../../evil name.{extension}", content, "image/jpeg")
    response = client.post(reverse("partnerships:profile-edit"), profile_data(coat_of_arms=upload))
    assert response.status_code == 302
    municipality = Municipality.objects.get(pk=official_a.municipality_id)
    name = municipality.coat_of_arms.name
    assert name.startswith("coats/") and name.endswith(f".{extension}") and "evil" not in name
    with municipality.coat_of_arms.open("rb") as stored:
        data = stored.read()
    for secret in (b"SecretCameraMaker", b"SecretComment", b"SecretICCProfile"):
        assert secret not in data
    stored_image = Image.open(io.BytesIO(data))
    assert stored_image.format == fmt
    assert {"icc_profile", "comment", "exif"}.isdisjoint(stored_image.info)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"<?php echo 'hi'; ?>", "arms.png"),
        (image_bytes("GIF"), "arms.gif"),
        (image_bytes("PNG", size=(5000, 10)), "wide.png"),
        (image_bytes("PNG")[:60], "truncated.png"),
        (b"\x89PNG" + b"0" * (5 * 1024 * 1024 + 1), "huge.png"),
    ],
    ids=["not-an-image", "gif", "too-many-pixels", "truncated", "too-large"],
)
def test_coat_of_arms_bad_upload_is_refused(client, official_a, profile_data, content, name):
    client.force_login(official_a.user)
    upload = SimpleUploadedFile(name, content, "image/png")
    response = client.post(reverse("partnerships:profile-edit"), profile_data(coat_of_arms=upload))
    assert response.status_code == 400
    assert "About us" in response.content.decode()  # what was typed is kept
    assert not Municipality.objects.get(pk=official_a.municipality_id).coat_of_arms
