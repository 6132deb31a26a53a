"""Correcting and deleting activities on the portal (who may, with a confirmation, photos
through the upload checks), and one-time submit keys: a double submit makes one row."""

import datetime
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerships.activities import services
from partnerships.activities.timeline import PAGE_SIZE
from partnerships.models import Activity, ActivityContribution
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import ActivityContributionFactory, OfficialFactory, PartnershipFactory
from tests.factories import PublishedActivityFactory as Published
from tests.partnerships.test_activities import key, png

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(partnership, official_a):
    """Published, recorded by side A's official_a."""
    return Published(partnership=partnership, title="Visit", created_by=official_a.user)


def _fields(**changes) -> dict:
    data = {
        "happened_on": "2026-05-20",
        "kind": "exchange",
        "title": "School exchange",
        "description": "Two classes met.",
        "language": "en",
        "link": "",
    }
    return {**data, **changes}


def _file(part: ActivityContribution) -> Path:
    return Path(settings.MEDIA_ROOT) / part.photo.name


# Who may correct or delete: the recording side (any of its approved officials); the
# other side, other officials, staff (in admin only) and the rest may not.
ROLE_TABLE = [
    ("anonymous", 302),
    ("plain", 403),
    ("official_a", 200),
    ("official_a_colleague", 200),
    ("official_b", 403),
    ("official_c", 403),
    ("staff", 403),
]


@pytest.fixture
def client_for(role_client, client, municipality_a):
    def sign_in(role):
        if role == "official_a_colleague":
            client.force_login(OfficialFactory(municipality=municipality_a).user)
            return client
        return role_client(role)

    return sign_in


@pytest.mark.parametrize(("role", "expected"), ROLE_TABLE)
def test_who_may_correct_an_activity(client_for, activity, role, expected):
    url = reverse("partnerships:activity-edit", kwargs={"pk": activity.pk})
    client = client_for(role)
    assert client.get(url).status_code == expected
    response = client.post(url, _fields(title="Changed"))
    assert response.status_code == (302 if expected in (200, 302) else expected)
    activity.refresh_from_db()
    assert (activity.title == "Changed") == (expected == 200)


@pytest.mark.parametrize(("role", "expected"), ROLE_TABLE)
def test_who_may_delete_an_activity(client_for, activity, role, expected):
    url = reverse("partnerships:activity-delete", kwargs={"pk": activity.pk})
    client = client_for(role)
    assert client.get(url).status_code == expected
    client.post(url)
    assert Activity.objects.filter(pk=activity.pk).exists() == (expected != 200)


def test_a_draft_of_the_other_side_is_a_404_to_correct(role_client, partnership):
    draft = Published(partnership=partnership, status="draft", published_at=None)
    url = reverse("partnerships:activity-edit", kwargs={"pk": draft.pk})
    assert role_client("official_b").get(url).status_code == 404


@pytest.mark.usefixtures("english")
def test_deleting_asks_first_and_says_what_goes_with_it(role_client, activity, municipality_b):
    ActivityContributionFactory(activity=activity, municipality=municipality_b, note="Ours")
    client = role_client("official_a")
    url = reverse("partnerships:activity-delete", kwargs={"pk": activity.pk})
    page = client.get(url).content.decode()
    assert "This cannot be undone." in page
    assert "The other side's addition to it is deleted too." in page
    assert Activity.objects.filter(pk=activity.pk).exists()  # asking deletes nothing
    assert client.post(url).url == activity.partnership.get_absolute_url()
    assert not Activity.objects.exists() and not ActivityContribution.objects.exists()


def test_deleting_takes_the_photos_files_away(
    django_capture_on_commit_callbacks, role_client, activity
):
    role_client("official_b").post(
        reverse("partnerships:activity-contribute", kwargs={"pk": activity.pk}),
        {"photo": png(), **key()},
    )
    part = ActivityContribution.objects.get()
    assert _file(part).exists()
    with django_capture_on_commit_callbacks(execute=True):
        role_client("official_a").post(
            reverse("partnerships:activity-delete", kwargs={"pk": activity.pk})
        )
    assert not _file(part).exists()


@pytest.mark.usefixtures("english")
def test_correcting_adds_a_checked_photo_and_removes_only_the_sides_own(
    django_capture_on_commit_callbacks, role_client, activity, municipality_a, municipality_b
):
    own = ActivityContribution.objects.create(
        activity=activity, municipality=municipality_a, note="Kept note", photo=png()
    )
    theirs = ActivityContribution.objects.create(
        activity=activity, municipality=municipality_b, photo=png()
    )
    client = role_client("official_a")
    url = reverse("partnerships:activity-edit", kwargs={"pk": activity.pk})
    page = client.get(url).content.decode()
    assert f'value="{own.pk}"' in page and f'value="{theirs.pk}"' not in page
    refused = client.post(url, _fields(remove_photos=[theirs.pk]))
    assert refused.status_code == 400  # not one of the side's own
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _fields(photo=png((64, 48)), remove_photos=[own.pk]))
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.note, own.photo.name) == ("Kept note", "")  # the note stays
    added = ActivityContribution.objects.exclude(pk__in=[own.pk, theirs.pk]).get()
    assert (added.municipality, added.photo_width) == (municipality_a, 64)
    assert _file(theirs).exists()


def test_a_corrected_old_activity_is_shown_on_its_page_of_the_timeline(
    role_client, partnership, activity
):
    for _ in range(PAGE_SIZE):
        Published(partnership=partnership, happened_on=datetime.date(2027, 1, 1))
    url = reverse("partnerships:activity-edit", kwargs={"pk": activity.pk})
    response = role_client("official_a").post(url, _fields(happened_on="2020-02-02"))
    activity.refresh_from_db()
    assert "?before=" in response.url and response.url == activity.get_absolute_url()
    page = role_client("official_a").get(response.url).content.decode()
    assert f'id="activity-{activity.pk}"' in page


@pytest.mark.usefixtures("english")
def test_a_correction_with_a_file_that_is_no_image_is_refused(role_client, activity):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("partnerships:activity-edit", kwargs={"pk": activity.pk})
    bad = SimpleUploadedFile("x.png", b"<?php echo 1;", content_type="image/png")
    response = role_client("official_a").post(url, _fields(photo=bad, title="Not saved"))
    assert response.status_code == 400
    activity.refresh_from_db()
    assert activity.title == "Visit"
    assert not ActivityContribution.objects.exists()


@pytest.mark.parametrize(("role", "expected"), [("official_a", 403), ("official_b", 200)])
def test_each_side_removes_only_its_own_addition(
    role_client, activity, municipality_b, role, expected
):
    part = ActivityContributionFactory(activity=activity, municipality=municipality_b)
    url = reverse("partnerships:activity-contribution-delete", kwargs={"pk": part.pk})
    client = role_client(role)
    assert client.get(url).status_code == expected
    client.post(url)
    assert ActivityContribution.objects.filter(pk=part.pk).exists() == (expected == 403)


# --- One-time submit keys ------------------------------------------------------------


def test_a_double_submit_of_the_recording_form_makes_one_activity(role_client, partnership):
    url = reverse("partnerships:activity-create", kwargs={"pk": partnership.pk})
    client = role_client("official_a")
    data = {**_fields(), **key()}
    first, second = client.post(url, data), client.post(url, data)
    assert Activity.objects.count() == 1
    assert (
        first.url
        == second.url
        == f"{partnership.get_absolute_url()}#activity-{Activity.objects.get().pk}"
    )
    client.post(url, {**data, **key()})  # a new form, a new activity
    assert Activity.objects.count() == 2


def test_recording_without_a_submit_key_is_refused(role_client, partnership):
    url = reverse("partnerships:activity-create", kwargs={"pk": partnership.pk})
    assert role_client("official_a").post(url, _fields()).status_code == 400
    assert not Activity.objects.exists()


def test_a_double_submit_of_an_addition_makes_one_and_keeps_one_file(role_client, activity):
    url = reverse("partnerships:activity-contribute", kwargs={"pk": activity.pk})
    client = role_client("official_b")
    data = key()
    for _ in range(2):
        assert client.post(url, {"note": "Twice", "photo": png(), **data}).status_code == 302
    part = ActivityContribution.objects.get()
    files = list((Path(settings.MEDIA_ROOT) / "activities").iterdir())
    assert files == [_file(part)]


def test_the_database_refuses_a_second_row_with_the_same_key(activity, municipality_a):
    same = uuid.uuid4()
    ActivityContribution.objects.create(
        activity=activity, municipality=municipality_a, note="1", submit_key=same
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityContribution.objects.create(
            activity=activity, municipality=municipality_a, note="2", submit_key=same
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Published(partnership=activity.partnership, submit_key=activity.submit_key)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_parallel_submits_make_one_activity_and_one_addition():
    partnership = PartnershipFactory()
    official = OfficialFactory(municipality=partnership.municipality_a)
    fields = _fields(happened_on="2026-05-20", kind="visit")
    activity_key, addition_key = uuid.uuid4(), uuid.uuid4()

    def record():
        return services.activity_record(
            partnership=partnership,
            municipality=partnership.municipality_a,
            user=official.user,
            submit_key=activity_key,
            **fields,
        )[1]

    assert sorted(in_parallel(record, record, record)) == [False, False, True]
    activity = Activity.objects.get()

    def add():
        return services.contribution_add(
            activity=activity,
            municipality=partnership.municipality_a,
            user=official.user,
            note="Parallel",
            photo=None,
            submit_key=addition_key,
        )[1]

    assert sorted(in_parallel(add, add, add)) == [False, False, True]
    assert ActivityContribution.objects.count() == 1
