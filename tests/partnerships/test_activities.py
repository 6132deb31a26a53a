"""Activities of a partnership: who records, who publishes, who adds, who sees drafts;
the partnership page, its timeline, the profiles and the feed."""

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partnerships.models import Activity, ActivityContribution
from tests.factories import (
    ActivityFactory,
    ArticleFactory,
    PublishedActivityFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "plain", "official_a", "official_b", "official_c", "staff"]


def png(size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def draft(partnership, official_a):
    return ActivityFactory(partnership=partnership, title="Draft visit", created_by=official_a.user)


@pytest.fixture
def published(partnership, official_a):
    return PublishedActivityFactory(
        partnership=partnership, title="Published visit", created_by=official_a.user
    )


def key() -> dict:
    """A form's one-time submit key, as the page that shows the form gives it."""
    return {"submit_key": str(uuid.uuid4())}


def _status(response) -> int:
    # A signed-out reader is sent to sign in: shown here as 302.
    return response.status_code


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("plain", 403),
        ("official_a", 200),
        ("official_b", 200),
        ("official_c", 403),
        ("staff", 403),
    ],
)
def test_who_may_record_an_activity(role_client, partnership, role, expected):
    url = reverse("partnerships:activity-create", kwargs={"pk": partnership.pk})
    assert _status(role_client(role).get(url)) == expected


@pytest.mark.usefixtures("english")
def test_an_official_records_a_draft_for_their_side(role_client, partnership, municipality_b):
    client = role_client("official_b")
    url = reverse("partnerships:activity-create", kwargs={"pk": partnership.pk})
    response = client.post(
        url,
        {
            "happened_on": "2026-06-02",
            "kind": "humanitarian",
            "title": "Generators for the hospital",
            "description": "Six generators arrived.",
            "language": "en",
            "link": "https://example.org/generators",
            "submit_key": str(uuid.uuid4()),
        },
    )
    activity = Activity.objects.get()
    assert response.url == f"{partnership.get_absolute_url()}#activity-{activity.pk}"
    assert (activity.municipality, activity.status, activity.kind) == (
        municipality_b,
        "draft",
        "humanitarian",
    )


def test_recording_refuses_bad_input_with_400(role_client, partnership):
    url = reverse("partnerships:activity-create", kwargs={"pk": partnership.pk})
    response = role_client("official_a").post(url, {"title": "", "kind": "party"})
    assert response.status_code == 400
    assert Activity.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "sees_draft"),
    [
        ("anonymous", False),
        ("plain", False),
        ("official_a", True),
        ("official_b", False),
        ("official_c", False),
        ("staff", False),
    ],
)
def test_only_the_recording_side_sees_a_draft(role_client, draft, published, role, sees_draft):
    page = role_client(role).get(draft.partnership.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert ("Draft visit" in html) == sees_draft
    assert "Published visit" in html


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("plain", 404),
        ("official_a", 302),
        ("official_b", 404),
        ("official_c", 404),
        ("staff", 404),
    ],
)
def test_only_the_recording_side_publishes(role_client, draft, role, expected):
    url = reverse("partnerships:activity-publish", kwargs={"pk": draft.pk})
    response = role_client(role).post(url)
    assert response.status_code == expected
    draft.refresh_from_db()
    assert draft.is_published == (role == "official_a")
    if role == "official_a":
        assert draft.published_at is not None


@pytest.mark.usefixtures("english")
def test_publishing_twice_changes_nothing(role_client, draft):
    client = role_client("official_a")
    url = reverse("partnerships:activity-publish", kwargs={"pk": draft.pk})
    client.post(url)
    first = Activity.objects.get().published_at
    response = client.post(url, follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == (
        "The activity was already published."
    )
    assert Activity.objects.get().published_at == first


def test_the_other_side_cannot_publish_a_published_activity_again(role_client, published):
    url = reverse("partnerships:activity-publish", kwargs={"pk": published.pk})
    assert role_client("official_b").post(url).status_code == 403


@pytest.mark.parametrize(
    ("role", "on_draft", "on_published"),
    [
        ("anonymous", 302, 302),
        ("plain", 404, 403),
        ("official_a", 200, 200),
        ("official_b", 404, 200),
        ("official_c", 404, 403),
        ("staff", 404, 403),
    ],
)
def test_who_may_add_to_an_activity(role_client, draft, published, role, on_draft, on_published):
    client = role_client(role)
    for activity, expected in [(draft, on_draft), (published, on_published)]:
        url = reverse("partnerships:activity-contribute", kwargs={"pk": activity.pk})
        assert client.get(url).status_code == expected, activity


@pytest.mark.usefixtures("english")
def test_each_side_adds_a_photo_shown_in_the_timeline(role_client, published, municipality_b):
    url = reverse("partnerships:activity-contribute", kwargs={"pk": published.pk})
    for role, note in [("official_a", "Our delegation"), ("official_b", "Our hosts")]:
        response = role_client(role).post(url, {"note": note, "photo": png(), **key()})
        assert response.status_code == 302
    parts = list(ActivityContribution.objects.order_by("pk"))
    assert [part.municipality for part in parts] == [published.municipality, municipality_b]
    assert all(part.photo.name.startswith("activities/") for part in parts)
    assert parts[0].photo.name != parts[1].photo.name
    html = role_client("anonymous").get(published.partnership.get_absolute_url()).content.decode()
    assert html.count('<figure class="activity-part">') == 2
    assert f"Added by {municipality_b.name_en}" in html


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"note": ""}, "Add a note, a photo or both."),
        ({"photo": "not an image"}, "Upload a valid image"),
        ({"photo": "gif"}, "Upload a JPEG, PNG or WebP image."),
    ],
)
def test_an_empty_or_unreadable_addition_is_refused_with_400(role_client, published, data, message):
    if data.get("photo") == "gif":
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8)).save(buffer, "GIF")
        data = {"photo": SimpleUploadedFile("x.png", buffer.getvalue(), content_type="image/png")}
    elif data.get("photo"):
        data = {"photo": SimpleUploadedFile("x.png", b"not an image", content_type="image/png")}
    url = reverse("partnerships:activity-contribute", kwargs={"pk": published.pk})
    response = role_client("official_b").post(url, {**data, **key()})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert ActivityContribution.objects.count() == 0


@pytest.mark.usefixtures("english")
def test_a_published_activity_shows_on_both_profiles(
    client, draft, published, municipality_a, municipality_b
):
    for municipality in (municipality_a, municipality_b):
        html = client.get(municipality.get_absolute_url()).content.decode()
        assert "Published visit" in html
        assert "Draft visit" not in html
        assert published.partnership.get_absolute_url() in html


def test_publishing_shows_the_activity_on_a_profile_cached_before(
    client, role_client, draft, municipality_b
):
    assert "Draft visit" not in client.get(municipality_b.get_absolute_url()).content.decode()
    role_client("official_a").post(reverse("partnerships:activity-publish", args=[draft.pk]))
    client.logout()
    assert "Draft visit" in client.get(municipality_b.get_absolute_url()).content.decode()


def test_the_feed_lists_published_activities_only(client, draft, published):
    xml = client.get(reverse("partnerships:activity-feed")).content.decode()
    assert "Published visit" in xml
    assert "Draft visit" not in xml
    assert f"#activity-{published.pk}" in xml


def test_the_feed_is_a_304_for_a_reader_that_has_it_until_an_activity_is_published(
    client, role_client, draft, django_assert_num_queries
):
    url = reverse("partnerships:activity-feed")
    first = client.get(url)
    assert first["Content-Type"].startswith("application/rss+xml")
    with django_assert_num_queries(0):
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    role_client("official_a").post(reverse("partnerships:activity-publish", args=[draft.pk]))
    client.logout()
    changed = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and "Draft visit" in changed.content.decode()


@pytest.mark.usefixtures("english")
def test_the_partnership_page_shows_its_facts_and_news_of_both_sides(
    client, partnership, municipality_a, municipality_b, municipality_c
):
    both = ArticleFactory(title_en="Both of them")
    both.communities.set([municipality_a, municipality_b])
    one = ArticleFactory(title_en="Only one")
    one.communities.set([municipality_a, municipality_c])
    html = client.get(partnership.get_absolute_url()).content.decode()
    assert municipality_a.get_absolute_url() in html
    assert municipality_b.get_absolute_url() in html
    assert "Both of them" in html
    assert "Only one" not in html


def test_a_missing_partnership_is_404(client):
    assert client.get(reverse("partnerships:partnership-detail", args=[999])).status_code == 404


def test_the_public_page_is_cached_until_an_activity_changes(
    client, django_assert_num_queries, partnership, municipality_a
):
    url = partnership.get_absolute_url()
    PublishedActivityFactory(partnership=partnership, municipality=municipality_a, title="First")
    assert "First" in client.get(url).content.decode()
    with django_assert_num_queries(0):
        client.get(url)  # the main part from the cache, and no user to read
    activity = Activity.objects.get()
    activity.title = "Renamed in the admin"
    activity.save()
    html = client.get(url).content.decode()
    assert "Renamed in the admin" in html and "First" not in html
