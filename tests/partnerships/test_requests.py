"""The cooperate workflow: the life of a request, who may do what, the database rules."""

import pytest
from django.core import mail
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

LOGIN = "/uk/accounts/login/"


def cooperate_data(*areas, **extra):
    return {
        "areas": [area.pk for area in areas],
        "form": "twinning",
        "message": "We would like to twin and share our experience of rebuilding.",
        "contact_person": "Olena Kovalenko, +380 50 000 00 00",
        **extra,
    }


def snapshot():
    """Everything a denied action must leave alone."""
    return (
        list(CooperationRequest.objects.order_by("pk").values_list("pk", "status", "reply")),
        RequestEvent.objects.count(),
    )


# --- The whole life of a request ---------------------------------------------------------


def test_request_life_submit_accept_with_timeline_and_mails(
    client, official_a, official_b, django_capture_on_commit_callbacks
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


def test_request_decline_and_withdraw_close_the_request(open_request, official_a, official_b):
    request_services.request_decline(
        cooperation_request=open_request, user=official_b.user, reply="Not now."
    )
    open_request.refresh_from_db()
    assert (open_request.status, open_request.reply) == (RequestStatus.DECLINED, "Not now.")
    with pytest.raises(request_services.InvalidTransition):
        request_services.request_withdraw(cooperation_request=open_request, user=official_a.user)
    # Closed, so the pair may talk again.
    again = request_services.request_create(
        user=official_b.user,
        from_municipality=official_b.municipality,
        to_municipality=official_a.municipality,
        areas=[],
        form="twinning",
        message="Let us try again next year.",
        contact_person="John",
    )
    request_services.request_withdraw(cooperation_request=again, user=official_b.user)
    again.refresh_from_db()
    assert again.status == RequestStatus.WITHDRAWN
    assert list(again.events.values_list("kind", flat=True)) == ["submitted", "withdrawn"]


# --- Role table ---------------------------------------------------------------------------
# (action, role) → expected: "login" (redirect to sign in), a status code, or "ok" (302 and
# the change made).

ROLES = ["anonymous", "plain", "official_a", "official_b", "official_c", "staff"]
TABLE = {
    "detail": {
        "anonymous": "login",
        "plain": 404,
        "official_a": 200,
        "official_b": 200,
        "official_c": 404,
        "staff": 200,
    },
    "accept": {
        "anonymous": "login",
        "plain": 404,
        "official_a": 403,
        "official_b": "ok",
        "official_c": 404,
        "staff": 403,
    },
    "decline": {
        "anonymous": "login",
        "plain": 404,
        "official_a": 403,
        "official_b": "ok",
        "official_c": 404,
        "staff": 403,
    },
    "withdraw": {
        "anonymous": "login",
        "plain": 404,
        "official_a": "ok",
        "official_b": 403,
        "official_c": 404,
        "staff": 403,
    },
}
NEW_STATUS = {"accept": "accepted", "decline": "declined", "withdraw": "withdrawn"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(TABLE))
def test_request_actions_role_table(role_client, open_request, action, role):
    expected = TABLE[action][role]
    client = role_client(role)
    before = snapshot()
    if action == "detail":
        response = client.get(open_request.get_absolute_url())
    else:
        url = reverse(f"partnerships:request-{action}", kwargs={"pk": open_request.pk})
        response = client.post(url, {"reply": "x"})
    open_request.refresh_from_db()
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)
        assert snapshot() == before
    elif expected == "ok":
        assert response.status_code == 302
        assert response.url == open_request.get_absolute_url()
        assert open_request.status == NEW_STATUS[action]
    else:
        assert response.status_code == expected
        if action != "detail":
            assert snapshot() == before


COOPERATE_TABLE = {
    # Cooperate with B.
    "anonymous": "login",
    "plain": 403,  # told how to become an official
    "official_a": "ok",
    "official_b": 403,  # their own municipality
    "official_c": "ok",
    "staff": 403,  # staff do not act for a municipality
}


@pytest.mark.parametrize("role", ROLES)
def test_cooperate_role_table(role_client, municipality_b, role):
    area = CooperationAreaFactory()
    client = role_client(role)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    before = snapshot()
    response = client.post(url, cooperate_data(area))
    expected = COOPERATE_TABLE[role]
    if expected == "login":
        assert response.status_code == 302
        assert response.url == f"{LOGIN}?next={url}"
        assert snapshot() == before
    elif expected == "ok":
        created = CooperationRequest.objects.get()
        assert response.status_code == 302
        assert response.url == created.get_absolute_url()
        assert created.to_municipality == municipality_b
    else:
        assert response.status_code == expected
        assert snapshot() == before


COOPERATE_GET_TABLE = {
    # Open the form to write to B: "form" = 200 with the form; "become" = 403 with the
    # page on how to become an official.
    "anonymous": "login",
    "plain": "become",
    "official_a": "form",
    "official_b": 403,  # their own municipality
    "official_c": "form",
    "staff": "become",  # staff do not act for a municipality
}


@pytest.mark.parametrize("role", ROLES)
def test_cooperate_form_role_table(role_client, municipality_b, role):
    client = role_client(role)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    response = client.get(url)
    expected = COOPERATE_GET_TABLE[role]
    templates = [t.name for t in response.templates]
    if expected == "login":
        assert response.status_code == 302
        assert response.url == f"{LOGIN}?next={url}"
    elif expected == "form":
        assert response.status_code == 200
        assert "partnerships/request_form.html" in templates
        assert response.context["target"] == municipality_b
    elif expected == "become":
        assert response.status_code == 403
        assert "partnerships/become_official.html" in templates
    else:
        assert response.status_code == expected
        assert "partnerships/request_form.html" not in templates


def test_cooperate_plain_user_is_told_how_to_become_official(client, plain_user, municipality_b):
    client.force_login(plain_user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.status_code == 403
    assert "partnerships/become_official.html" in [t.name for t in response.templates]
    html = response.content.decode()
    # They apply for their own municipality, found in the directory; not for the target.
    assert f'class="button" href="{reverse("partnerships:municipality-list")}"' in html
    assert reverse("partnerships:official-apply", kwargs={"slug": municipality_b.slug}) not in html
    assert "is pending" not in html


def test_cooperate_applicant_is_told_the_application_is_pending(
    client, plain_user, municipality_a, municipality_b
):
    OfficialFactory(user=plain_user, municipality=municipality_a, status="applied")
    client.force_login(plain_user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    response = client.get(url.replace("/uk/", "/en/", 1))
    assert response.status_code == 403
    html = response.content.decode()
    assert f"Your application to act for {municipality_a.name_en} is pending." in html
    assert "How to become an official" not in html


def test_profile_cooperate_button_hidden_on_own_municipality(client, official_a, municipality_b):
    client.force_login(official_a.user)
    own = client.get(official_a.municipality.get_absolute_url()).content.decode()
    other = client.get(municipality_b.get_absolute_url()).content.decode()
    cooperate = "/cooperate/"
    assert cooperate not in own
    assert reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}) in other


def test_profile_shows_only_aggregate_figures_to_the_public(client, open_request):
    page = client.get(open_request.to_municipality.get_absolute_url()).content.decode()
    assert open_request.get_absolute_url() not in page
    assert open_request.message not in page


# --- Forged ids -----------------------------------------------------------------------------


def test_cooperate_ignores_forged_municipality_ids(
    client, official_a, municipality_b, municipality_c
):
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    client.post(
        url,
        cooperate_data(
            CooperationAreaFactory(),
            from_municipality=municipality_c.pk,
            to_municipality=municipality_c.pk,
            created_by=999,
            status="accepted",
        ),
    )
    created = CooperationRequest.objects.get()
    assert (created.from_municipality, created.to_municipality, created.status) == (
        official_a.municipality,
        municipality_b,
        "submitted",
    )
    assert created.created_by == official_a.user


def test_cooperate_bad_input_keeps_what_was_typed(client, official_a, municipality_b):
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    response = client.post(url, {"message": "Short", "contact_person": "Olena", "areas": ["x"]})
    assert response.status_code == 400
    assert "Olena" in response.content.decode()
    assert CooperationRequest.objects.count() == 0


# --- Rules in the database ------------------------------------------------------------------


def test_request_to_oneself_is_refused_by_the_database(municipality_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequestFactory(from_municipality=municipality_a, to_municipality=municipality_a)


def test_second_open_request_in_either_direction_is_refused(open_request):
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


def test_pair_columns_must_match_the_two_sides(open_request, municipality_c):
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequest.objects.filter(pk=open_request.pk).update(pair_high=municipality_c.pk)


def test_no_request_where_a_partnership_exists(client, official_a, municipality_b):
    PartnershipFactory(municipality_a=official_a.municipality, municipality_b=municipality_b)
    with pytest.raises(request_services.RequestNotAllowed):
        request_services.request_create(
            user=official_a.user,
            from_municipality=official_a.municipality,
            to_municipality=municipality_b,
            areas=[],
            form="twinning",
            message="Hello partners, once more.",
            contact_person="Olena",
        )
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    assert client.post(url, cooperate_data(CooperationAreaFactory())).status_code == 409
    assert CooperationRequest.objects.count() == 0


def test_repeated_post_creates_one_request(client, official_a, municipality_b):
    client.force_login(official_a.user)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    data = cooperate_data(CooperationAreaFactory())
    first = client.post(url, data)
    second = client.post(url, data)
    created = CooperationRequest.objects.get()
    assert first.url == second.url == created.get_absolute_url()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_parallel_double_submit_creates_one_request():
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
def test_parallel_requests_in_opposite_directions_create_one():
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


# --- Mails ----------------------------------------------------------------------------------


def test_request_mail_goes_to_public_address_when_partner_has_no_officials(
    official_a, django_capture_on_commit_callbacks
):
    french = ForeignMunicipalityFactory(country="FR", email="mairie@example.fr")
    ukrainian = ForeignMunicipalityFactory(country="UA", email="rada@example.ua")
    with django_capture_on_commit_callbacks(execute=True):
        for target in (french, ukrainian):
            request_services.request_create(
                user=official_a.user,
                from_municipality=official_a.municipality,
                to_municipality=target,
                areas=[],
                form="twinning",
                message="Let us cooperate on energy.",
                contact_person="Olena",
            )
    assert [m.to for m in mail.outbox] == [["mairie@example.fr"], ["rada@example.ua"]]
    assert "proposes to cooperate" in mail.outbox[0].subject  # English abroad
    assert "/uk/requests/" in mail.outbox[1].body  # Ukrainian at home


def test_request_mail_waits_for_commit(official_a, municipality_b, official_b):
    with transaction.atomic():
        request_services.request_create(
            user=official_a.user,
            from_municipality=official_a.municipality,
            to_municipality=municipality_b,
            areas=[],
            form="twinning",
            message="Let us cooperate on energy.",
            contact_person="Olena",
        )
        transaction.set_rollback(True)
    assert mail.outbox == []
    assert CooperationRequest.objects.count() == 0


def test_request_detail_query_count_is_flat(
    client, open_request, official_a, django_assert_max_num_queries
):
    client.force_login(official_a.user)
    url = open_request.get_absolute_url()
    # Every request starts with its "submitted" event (the factory skips the service).
    RequestEvent.objects.create(request=open_request, kind="submitted", actor=official_a.user)
    with django_assert_max_num_queries(12) as one:
        client.get(url)
    for _ in range(3):
        open_request.areas.add(CooperationAreaFactory())
        RequestEvent.objects.create(request=open_request, kind="note", actor=official_a.user)
    with django_assert_max_num_queries(12) as many:
        client.get(url)
    assert len(one.captured_queries) == len(many.captured_queries)


# --- Who did what, as the other side sees it -------------------------------------------------


def test_timeline_names_the_officials_role_not_their_login_email(
    client, official_a, official_b, staff_user, open_request
):
    official_a.user.first_name, official_a.user.last_name = "Olena", "Koval"
    official_a.user.save()
    RequestEvent.objects.create(request=open_request, kind="submitted", actor=official_a.user)
    RequestEvent.objects.create(request=open_request, kind="note", actor=official_b.user)
    RequestEvent.objects.create(request=open_request, kind="note", actor=staff_user)
    url = open_request.get_absolute_url().replace("/uk/", "/en/", 1)

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


def test_contact_person_is_prefilled_from_the_official(client, official_a, municipality_b):
    official_a.phone = "+380 44 000 00 00"
    official_a.save()
    official_a.user.first_name, official_a.user.last_name = "Olena", "Koval"
    official_a.user.save()
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.context["form"]["contact_person"].value() == (
        f"Olena Koval, Secretary of the council, {official_a.work_email}, +380 44 000 00 00"
    )
