"""The life of a request for cooperation: its states, the rules on pairs, its page."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.urls import reverse

from partnerships.choices import RequestEventKind, RequestStatus
from partnerships.models import CooperationRequest, RequestEvent
from partnerships.services import requests as request_services
from tests.concurrency import in_parallel, needs_postgresql
from tests.factories import (
    CooperationAreaFactory,
    CooperationRequestFactory,
    ForeignMunicipalityFactory,
    OfficialFactory,
    PartnershipFactory,
)

# --- The whole life of a request ---------------------------------------------------------


def test_request_life_submit_accept_with_timeline_and_mails(
    client, official_a, official_b, cooperate_data, django_capture_on_commit_callbacks
):
    energy = CooperationAreaFactory(slug="energy", name_uk="Енергетика", name_en="Energy")
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": official_b.municipality.slug})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, cooperate_data(energy))
    cooperation_request = CooperationRequest.objects.get()
    assert response.status_code == 302
    assert response.url == cooperation_request.get_absolute_url()
    assert cooperation_request.from_municipality == official_a.municipality
    assert cooperation_request.to_municipality == official_b.municipality
    assert cooperation_request.created_by == official_a.user
    assert list(cooperation_request.areas.all()) == [energy]
    # B's official reads English: the mail is in English.
    assert [m.to for m in mail.outbox] == [[official_b.user.email]]
    assert "proposes to cooperate" in mail.outbox[0].subject
    assert f"Areas of cooperation: {energy.name_en}\n" in mail.outbox[0].body
    assert "/en/requests/" in mail.outbox[0].body
    assert official_a.municipality.name_en in mail.outbox[0].subject  # names in English too

    mail.outbox.clear()
    client.force_login(official_b.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partnerships:request-accept", kwargs={"pk": cooperation_request.pk}),
            {"reply": "Gladly!"},
        )
    assert response.status_code == 302
    cooperation_request.refresh_from_db()
    assert cooperation_request.status == RequestStatus.ACCEPTED
    assert cooperation_request.reply == "Gladly!"
    assert cooperation_request.answered_at is not None
    # The draft opened in the same step, with the accepting official as its first author.
    assert cooperation_request.memorandum.history.get().history_user == official_b.user
    # A's official reads Ukrainian.
    assert [m.to for m in mail.outbox] == [[official_a.user.email]]
    # (Catalogues come later; the language shows in the link's prefix.)
    assert f"/uk/requests/{cooperation_request.pk}/" in mail.outbox[0].body

    page = client.get(cooperation_request.get_absolute_url())
    assert page.status_code == 200
    events = list(cooperation_request.events.values_list("kind", "actor"))
    assert events == [
        (RequestEventKind.SUBMITTED, official_a.user.pk),
        (RequestEventKind.ACCEPTED, official_b.user.pk),
    ]
    assert page.content.decode().count('<li class="timeline__item') == 2


def test_request_decline_and_withdraw_close_the_request(
    open_request, official_a, official_b, send_request, settings
):
    settings.REQUEST_RETRY_AFTER_DAYS = 0  # the waiting period is tested on its own
    request_services.request_decline(
        cooperation_request=open_request, user=official_b.user, reply="Not now."
    )
    open_request.refresh_from_db()
    assert (open_request.status, open_request.reply) == (RequestStatus.DECLINED, "Not now.")
    with pytest.raises(request_services.InvalidTransition):
        request_services.request_withdraw(cooperation_request=open_request, user=official_a.user)
    # Closed, so the pair may talk again (after the waiting period).
    again = send_request(official_b, official_a.municipality)
    request_services.request_withdraw(cooperation_request=again, user=official_b.user)
    again.refresh_from_db()
    assert again.status == RequestStatus.WITHDRAWN
    assert list(again.events.values_list("kind", flat=True)) == ["submitted", "withdrawn"]


# --- Rules on pairs, in the database and in the service ----------------------------------


def test_request_to_oneself_is_refused_by_the_database(municipality_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequestFactory(from_municipality=municipality_a, to_municipality=municipality_a)


def test_request_second_open_one_in_either_direction_is_refused(open_request):
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequestFactory(
            from_municipality=open_request.to_municipality,
            to_municipality=open_request.from_municipality,
        )
    # A closed request does not count.
    CooperationRequest.objects.filter(pk=open_request.pk).update(status="declined")
    CooperationRequestFactory(
        from_municipality=open_request.to_municipality,
        to_municipality=open_request.from_municipality,
    )


def test_request_pair_columns_must_match_the_two_sides(open_request, municipality_c):
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequest.objects.filter(pk=open_request.pk).update(pair_high=municipality_c.pk)


def test_request_is_refused_where_a_partnership_exists(
    client, official_a, municipality_b, cooperate_data, send_request
):
    PartnershipFactory(municipality_a=official_a.municipality, municipality_b=municipality_b)
    with pytest.raises(request_services.RequestNotAllowed):
        send_request(official_a, municipality_b)
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    assert client.post(url, cooperate_data(CooperationAreaFactory())).status_code == 409
    assert CooperationRequest.objects.count() == 0


def test_request_create_refuses_a_pair_with_a_memorandum_being_drafted(
    memorandum, official_a, official_b, send_request
):
    with pytest.raises(request_services.RequestNotAllowed) as refused:
        send_request(official_b, official_a.municipality)
    assert refused.value.memorandum == memorandum
    assert CooperationRequest.objects.count() == 1


def test_request_create_allows_a_new_request_once_the_memorandum_is_signed_and_partnership_gone(
    signed_memorandum, official_a, official_b, send_request
):
    signed_memorandum.partnership.delete()  # e.g. the partnership ended and staff removed it
    created = send_request(official_a, official_b.municipality)
    assert created.status == RequestStatus.SUBMITTED


# --- Sent twice, or by both sides at once ----------------------------------------------------


def test_request_repeated_post_creates_one_request(
    client, official_a, municipality_b, cooperate_data
):
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    data = cooperate_data(CooperationAreaFactory())
    first = client.post(url, data)
    second = client.post(url, data)
    created = CooperationRequest.objects.get()
    assert first.url == second.url == created.get_absolute_url()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_request_parallel_double_submit_creates_one_request(cooperate_data):
    from django.test import Client

    official = OfficialFactory()
    target = ForeignMunicipalityFactory()
    area = CooperationAreaFactory()
    url = reverse("partnerships:cooperate", kwargs={"slug": target.slug})

    def submit():
        client = Client()
        client.force_login(official.user)
        return client.post(url, cooperate_data(area)).status_code

    assert in_parallel(*[submit] * 6) == [302] * 6
    assert CooperationRequest.objects.count() == 1
    assert RequestEvent.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_request_parallel_in_opposite_directions_creates_one(cooperate_data):
    """A writes to B while B writes to A: one request stands, the other side lands on it."""
    from django.test import Client

    official_a = OfficialFactory()
    official_b = OfficialFactory(municipality=ForeignMunicipalityFactory())
    area = CooperationAreaFactory()

    def submit(official, target):
        def call():
            client = Client()
            client.force_login(official.user)
            url = reverse("partnerships:cooperate", kwargs={"slug": target.slug})
            return client.post(url, cooperate_data(area))

        return call

    responses = in_parallel(
        *[submit(official_a, official_b.municipality)] * 3,
        *[submit(official_b, official_a.municipality)] * 3,
    )
    created = CooperationRequest.objects.get()
    assert [r.status_code for r in responses] == [302] * 6
    assert {r.url for r in responses} == {created.get_absolute_url()}
    assert RequestEvent.objects.count() == 1


# --- The request's page ---------------------------------------------------------------------


def test_request_detail_query_count_is_flat(
    client, open_request, official_a, django_assert_max_num_queries
):
    client.force_login(official_a.user)
    url = open_request.get_absolute_url()
    # Every request starts with its "submitted" event (the factory skips the service).
    RequestEvent.objects.create(request=open_request, kind="submitted", actor=official_a.user)
    with django_assert_max_num_queries(16) as one:
        client.get(url)
    for _ in range(3):
        open_request.areas.add(CooperationAreaFactory())
        RequestEvent.objects.create(request=open_request, kind="note", actor=official_a.user)
    cache.clear()  # cold again, as the first: the bell's count is cached too
    with django_assert_max_num_queries(16) as many:
        client.get(url)
    assert len(one.captured_queries) == len(many.captured_queries)


@pytest.mark.usefixtures("english")
def test_request_timeline_names_the_officials_role_not_their_login_email(
    client, official_a, official_b, staff_user, open_request
):
    official_a.user.first_name, official_a.user.last_name = "Olena", "Koval"
    official_a.user.save()
    RequestEvent.objects.create(request=open_request, kind="submitted", actor=official_a.user)
    RequestEvent.objects.create(request=open_request, kind="note", actor=official_b.user)
    RequestEvent.objects.create(request=open_request, kind="note", actor=staff_user)
    url = open_request.get_absolute_url()

    client.force_login(official_b.user)
    page = client.get(url)
    assert [who for _event, who in page.context["timeline"]] == [
        f"Olena Koval, {official_a.municipality.name_en}",
        f"Secretary of the council, {official_b.municipality.name_en}",
        "the ministry",
    ]
    html = page.content.decode()
    assert official_a.user.email not in html and staff_user.email not in html

    client.force_login(staff_user)
    page = client.get(url)
    assert page.context["timeline"][0][1] == (
        f"Olena Koval, {official_a.municipality.name_en} ({official_a.user.email})"
    )
