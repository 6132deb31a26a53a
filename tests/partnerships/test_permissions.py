"""Who may do what in the registry's workflow: every role against every action.

Each table gives, per role, "login" (sent to sign in), a status code, or what the
role gets done; a denied action leaves the rows it would touch as they were.
"""

import pytest
from django.urls import reverse

from partnerships.choices import OfficialStatus
from partnerships.models import CooperationRequest, Municipality, Official, RequestEvent
from tests.factories import CooperationAreaFactory

ROLES = ["anonymous", "plain", "official_a", "official_b", "official_c", "staff"]


def snapshot():
    """Everything a denied action on requests must leave alone."""
    return (
        list(CooperationRequest.objects.order_by("pk").values_list("pk", "status", "reply")),
        RequestEvent.objects.count(),
    )


# --- A request: see it, answer it, withdraw it ---------------------------------------------
# "ok" = 302 back to the request, with the change made.

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
        assert response.url.startswith(reverse("account_login"))
        assert snapshot() == before
    elif expected == "ok":
        assert response.status_code == 302
        assert response.url == open_request.get_absolute_url()
        assert open_request.status == NEW_STATUS[action]
    else:
        assert response.status_code == expected
        if action != "detail":
            assert snapshot() == before


# --- Cooperate with B ----------------------------------------------------------------------

COOPERATE_TABLE = {
    "anonymous": "login",
    "plain": 403,  # told how to become an official
    "official_a": "ok",
    "official_b": 403,  # their own municipality
    "official_c": "ok",
    "staff": 403,  # staff do not act for a municipality
}


@pytest.mark.parametrize("role", ROLES)
def test_cooperate_role_table(role_client, municipality_b, cooperate_data, role):
    area = CooperationAreaFactory()
    client = role_client(role)
    url = reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug})
    before = snapshot()
    response = client.post(url, cooperate_data(area))
    expected = COOPERATE_TABLE[role]
    if expected == "login":
        assert response.status_code == 302
        assert response.url == f"{reverse('account_login')}?next={url}"
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
        assert response.url == f"{reverse('account_login')}?next={url}"
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


# --- The official's dashboard --------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", "login"), ("plain", 200), ("official_a", 200), ("staff", 200)],
)
def test_dashboard_role_table(role_client, role, expected):
    response = role_client(role).get(reverse("partnerships:dashboard"))
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == expected


# --- The profile of one's own municipality -------------------------------------------------
# "own" = 200 on GET and 302 on POST, always for the official's own municipality,
# whatever id or slug is posted.

PROFILE_TABLE = {
    "anonymous": "login",
    "plain": 403,
    "official_a": "own",
    "official_b": "own",
    "official_c": "own",
    "staff": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_profile_edit_role_table_and_forged_id(
    role_client, official_a, official_b, official_c, municipality_a, profile_data, role
):
    client = role_client(role)
    url = reverse("partnerships:profile-edit")
    expected = PROFILE_TABLE[role]
    descriptions = lambda: dict(Municipality.objects.values_list("pk", "description_en"))  # noqa: E731
    before = descriptions()
    page = client.get(url)
    response = client.post(url, profile_data(id=municipality_a.pk, slug="x"))
    if expected == "login":
        assert (page.status_code, response.status_code) == (302, 302)
        assert page.url.startswith(reverse("account_login"))
        assert descriptions() == before
    elif expected == "own":
        own = {"official_a": official_a, "official_b": official_b, "official_c": official_c}[
            role
        ].municipality
        assert page.status_code == 200
        assert page.context["form"].instance == own
        assert response.status_code == 302
        assert descriptions() == {**before, own.pk: "About us"}
        own.refresh_from_db()
        assert own.slug != "x"
    else:
        assert (page.status_code, response.status_code) == (expected, expected)
        assert descriptions() == before


# --- Applying to act for A -----------------------------------------------------------------
# "form" = 200 with the form (POST: 302, an application made);
# "notice" = 200 saying they already have one (POST: 409, nothing made).

APPLY_TABLE = {
    "anonymous": "login",
    "plain": "form",
    "official_a": "notice",
    "official_b": "notice",
    "official_c": "notice",
    "staff": "form",
}


@pytest.mark.parametrize("role", ROLES)
def test_official_apply_role_table(role_client, municipality_a, apply_data, role):
    client = role_client(role)
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_a.slug})
    expected = APPLY_TABLE[role]
    records = lambda: sorted(Official.objects.values_list("pk", "status"))  # noqa: E731
    before = records()
    page = client.get(url)
    response = client.post(url, apply_data)
    if expected == "login":
        assert (page.status_code, response.status_code) == (302, 302)
        assert response.url.startswith(reverse("account_login"))
        assert records() == before
    elif expected == "form":
        assert page.status_code == 200
        assert page.context["current"] is None
        assert 'name="position"' in page.content.decode()
        assert response.status_code == 302
        assert response.url == reverse("partnerships:dashboard")
        made = Official.objects.exclude(pk__in=[pk for pk, _status in before]).get()
        assert (made.municipality, made.status) == (municipality_a, OfficialStatus.APPLIED)
    else:
        assert page.status_code == 200
        assert page.context["current"] is not None
        assert 'name="position"' not in page.content.decode()  # no form, only the notice
        assert response.status_code == 409
        assert records() == before
