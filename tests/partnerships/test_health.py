"""The health of a partnership (active, quiet, suspended) at its thresholds, where it
shows, the yearly reminder of quiet ones, and the staff's list by oblast."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from partnerships.choices import PartnershipHealth
from partnerships.health import remind_quiet_partnerships
from partnerships.models import Partnership
from partnerships.models.partnership import months_before
from tests.factories import (
    ActivityFactory,
    MunicipalityFactory,
    PartnershipFactory,
    PublishedActivityFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 8, 31)


def health(partnership, today=TODAY) -> str:
    return Partnership.objects.with_health(today=today).get(pk=partnership.pk).health


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(TODAY, 18) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2027, 3, 15), 18) == datetime.date(2025, 9, 15)


@pytest.mark.parametrize(
    ("happened_on", "expected"),
    [
        (datetime.date(2026, 2, 28), PartnershipHealth.ACTIVE),  # exactly 18 months ago
        (datetime.date(2026, 2, 27), PartnershipHealth.QUIET),  # a day more
        (TODAY, PartnershipHealth.ACTIVE),
    ],
)
def test_a_published_activity_within_the_months_makes_it_active(partnership, happened_on, expected):
    PublishedActivityFactory(partnership=partnership, happened_on=happened_on)
    assert health(partnership) == expected


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        (datetime.date(2026, 2, 28), PartnershipHealth.ACTIVE),  # began exactly 18 months ago
        (datetime.date(2026, 2, 27), PartnershipHealth.QUIET),
        (TODAY, PartnershipHealth.ACTIVE),  # a memorandum signed today
        (None, PartnershipHealth.QUIET),  # an imported link of unknown date
    ],
)
def test_a_partnership_that_began_within_the_months_is_active(partnership, since, expected):
    Partnership.objects.filter(pk=partnership.pk).update(since=since)
    assert health(partnership) == expected


def test_without_activities_or_with_drafts_only_it_is_quiet(partnership):
    assert health(partnership) == PartnershipHealth.QUIET
    ActivityFactory(partnership=partnership, happened_on=TODAY)
    assert health(partnership) == PartnershipHealth.QUIET


def test_the_threshold_is_a_setting(settings, partnership):
    PublishedActivityFactory(partnership=partnership, happened_on=datetime.date(2026, 2, 28))
    settings.PARTNERSHIP_ACTIVE_MONTHS = 12
    assert health(partnership) == PartnershipHealth.QUIET


def test_it_is_suspended_by_staff_or_by_an_occupied_side(partnership, municipality_a):
    PublishedActivityFactory(partnership=partnership, happened_on=TODAY)
    partnership.suspended_reason = "The council was dissolved."
    partnership.save()
    assert health(partnership) == PartnershipHealth.SUSPENDED
    partnership.suspended_reason = ""
    partnership.save()
    municipality_a.occupied_since = datetime.date(2022, 3, 1)
    municipality_a.save()
    assert health(partnership) == PartnershipHealth.SUSPENDED


@pytest.mark.usefixtures("english")
def test_the_badge_shows_on_the_partnership_page_both_profiles_and_the_dashboard(
    client, partnership, municipality_a, municipality_b, official_a
):
    partnership.suspended_reason = "The council was dissolved."
    partnership.save()
    badge = "Suspended: The council was dissolved."
    for url in (
        partnership.get_absolute_url(),
        municipality_a.get_absolute_url(),
        municipality_b.get_absolute_url(),
    ):
        assert badge in client.get(url).content.decode(), url
    client.force_login(official_a.user)
    assert badge in client.get(reverse("partnerships:dashboard")).content.decode()


@pytest.mark.usefixtures("english")
def test_a_quiet_partnership_shows_quiet(client, partnership):
    assert '<span class="badge badge--quiet">Quiet</span>' in (
        client.get(partnership.get_absolute_url()).content.decode()
    )


def test_officials_of_a_quiet_partnership_are_reminded_once_a_year_in_their_language(
    settings,
    django_capture_on_commit_callbacks,
    partnership,
    official_a,
    official_b,
    municipality_c,
):
    settings.PORTAL_BASE_URL = "https://twinning.example.org"
    lively = PartnershipFactory(
        municipality_a=municipality_c, municipality_b=official_b.municipality
    )
    PublishedActivityFactory(partnership=lively, happened_on=timezone.localdate())
    now = timezone.now()

    def remind(days_later: int) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            return remind_quiet_partnerships(now=now + datetime.timedelta(days=days_later))

    assert remind(0) == 1
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {official_a.user.email, official_b.user.email}
    assert "затихло" in by_address[official_a.user.email].subject
    english = by_address[official_b.user.email]
    assert english.subject.endswith("has gone quiet")
    with translation.override("en"):
        assert f"https://twinning.example.org{partnership.get_absolute_url()}" in english.body
    # The same day again, and half a year later: nothing more.
    assert remind(0) == 0
    assert remind(180) == 0
    assert len(mail.outbox) == 2
    # A year later it is still quiet: one reminder more.
    assert remind(366) == 1
    assert len(mail.outbox) == 4


def test_staff_list_quiet_partnerships_by_oblast(staff_client, partnership, municipality_a):
    elsewhere = PartnershipFactory(
        municipality_a=MunicipalityFactory(), municipality_b=partnership.municipality_b
    )
    lively = PartnershipFactory(municipality_a=MunicipalityFactory(region=municipality_a.region))
    PublishedActivityFactory(partnership=lively, happened_on=timezone.localdate())
    url = reverse("admin:partnerships_partnership_changelist")
    response = staff_client.get(url, {"health": "quiet", "oblast": municipality_a.region.slug})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [partnership]
    everyone_quiet = staff_client.get(url, {"health": "quiet"}).context["cl"].result_list
    assert set(everyone_quiet) == {partnership, elsewhere}
