"""The bell: the count of unread notifications on every page for a signed-in user, from
the cache or one query, and a new notification shown at once."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Notification, NotificationKind
from core.notifications.service import mark_read_about, notify, unread_count


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the block leaves for after commit as the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.parametrize("count", [1, 30])
def test_the_bell_shows_the_unread_count_with_one_query(client, plain_user, count):
    for n in range(count):
        notify([plain_user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title=f"N{n}")
    Notification.objects.filter(pk=Notification.objects.first().pk).update(read_at=timezone.now())
    client.force_login(plain_user)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("about"))
    bell = [q for q in queries.captured_queries if "core_notification" in q["sql"]]
    assert len(bell) == 1
    assert f'class="bell__count">{count - 1}<' in page.content.decode() or count == 1


def _bell(page) -> str | None:
    """The bell's count on a page, or None when it shows none."""
    html = page.content.decode()
    marker = 'class="bell__count">'
    return html.split(marker, 1)[1].split("<", 1)[0] if marker in html else None


def test_the_bell_count_is_kept_in_the_cache_and_a_new_notification_shows_at_once(
    client, plain_user
):
    client.force_login(plain_user)
    assert _bell(client.get(reverse("about"))) is None
    [first] = notify([plain_user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title="A")
    assert _bell(client.get(reverse("about"))) == "1"
    with CaptureQueriesContext(connection) as queries:
        assert _bell(client.get(reverse("about"))) == "1"
    assert not [q for q in queries.captured_queries if "core_notification" in q["sql"]]
    notify([plain_user], NotificationKind.COMMENT_HIDDEN, "/uk/news/", title="B")
    assert _bell(client.get(reverse("about"))) == "2"
    client.post(reverse("core:notification-read", kwargs={"pk": first.pk}))
    assert _bell(client.get(reverse("about"))) == "1"
    client.post(reverse("core:notification-read-all"))
    assert _bell(client.get(reverse("about"))) is None


def test_the_bell_count_drops_when_a_notification_is_deleted_or_read_by_its_topic(
    client, plain_user
):
    client.force_login(plain_user)
    [one, _two] = [
        notify([plain_user], NotificationKind.MESSAGE, "/uk/", title=t, about=f"topic:{t}")[0]
        for t in ("a", "b")
    ]
    assert _bell(client.get(reverse("about"))) == "2"
    one.delete()  # as staff do in admin
    assert _bell(client.get(reverse("about"))) == "1"
    mark_read_about(plain_user, "topic:b")
    assert _bell(client.get(reverse("about"))) is None


def test_a_count_computed_while_a_notification_was_being_written_is_not_kept(plain_user, committed):
    """A reader that counted before the writer committed keeps its count under the old
    generation: the next reader counts again."""
    with committed(), transaction.atomic():
        notify([plain_user], NotificationKind.COMMENT_HIDDEN, "", title="A")
        # Another reader, between the write and its commit, cached the old count.
        Notification.objects.filter(recipient=plain_user).update(read_at=timezone.now())
        assert unread_count(plain_user) == 0
        Notification.objects.filter(recipient=plain_user).update(read_at=None)
    assert unread_count(plain_user) == 1


def test_the_bell_is_not_shown_to_anonymous_readers(client, db):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("about"))
    assert 'class="bell' not in page.content.decode()  # ("aria-labelledby" holds "bell")
    assert not [q for q in queries.captured_queries if "core_notification" in q["sql"]]
