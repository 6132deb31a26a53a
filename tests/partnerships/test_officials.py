"""Applying to act for a municipality, staff decisions, the dashboard, profile and upload."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partnerships.choices import OfficialStatus
from partnerships.models import Municipality, Official
from partnerships.suggestions import suggest_partners
from tests.factories import (
    CooperationAreaFactory,
    CooperationRequestFactory,
    ForeignMunicipalityFactory,
    MunicipalityFactory,
    OfficialFactory,
    PartnershipFactory,
)

APPLY = {"position": "Secretary", "work_email": "sec@rada.example.ua", "phone": "+380", "note": ""}


def test_official_apply_creates_pending_record_in_page_language(client, plain_user, municipality_a):
    client.force_login(plain_user)
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_a.slug})
    response = client.post(url.replace("/uk/", "/en/"), APPLY)
    assert response.status_code == 302
    official = Official.objects.get(user=plain_user)
    assert (official.municipality, official.status, official.language) == (
        municipality_a,
        OfficialStatus.APPLIED,
        "en",
    )


def test_official_apply_one_municipality_per_user(client, official_a, municipality_b):
    client.force_login(official_a.user)
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_b.slug})
    assert client.post(url, APPLY).status_code == 409
    assert list(Official.objects.filter(user=official_a.user)) == [official_a]


def test_official_apply_anonymous_is_sent_to_login(client, municipality_a):
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_a.slug})
    response = client.post(url, APPLY)
    assert response.status_code == 302
    assert response.url.startswith("/uk/accounts/login/")
    assert Official.objects.count() == 0


def test_admin_approve_action_mails_applicant(
    client, staff_user, municipality_a, django_capture_on_commit_callbacks
):
    pending = OfficialFactory(
        municipality=municipality_a, status=OfficialStatus.APPLIED, language="en"
    )
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:partnerships_official_changelist"),
            {"action": "approve", "_selected_action": [pending.pk]},
        )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by) == (OfficialStatus.APPROVED, staff_user)
    assert [m.to for m in mail.outbox] == [[pending.user.email]]
    assert "/en/my-municipality/" in mail.outbox[0].body
    # Approving twice changes nothing and mails nobody.
    mail.outbox.clear()
    client.post(
        reverse("admin:partnerships_official_changelist"),
        {"action": "approve", "_selected_action": [pending.pk]},
    )
    assert mail.outbox == []


def test_revoked_official_can_no_longer_act(client, official_a, municipality_b, staff_user):
    from partnerships.services.officials import official_decide

    official_decide(official=official_a, status=OfficialStatus.REVOKED, by=staff_user)
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:cooperate", kwargs={"slug": municipality_b.slug}))
    assert response.status_code == 403


def test_one_active_record_per_user_is_a_database_rule(official_a, municipality_b):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        OfficialFactory(user=official_a.user, municipality=municipality_b, status="applied")
    OfficialFactory(user=official_a.user, municipality=municipality_b, status="rejected")


# --- Dashboard ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", "login"), ("plain", 200), ("official_a", 200), ("staff", 200)],
)
def test_dashboard_roles(role_client, role, expected):
    response = role_client(role).get(reverse("partnerships:dashboard"))
    if expected == "login":
        assert response.status_code == 302
        assert response.url.startswith("/uk/accounts/login/")
    else:
        assert response.status_code == expected


def test_dashboard_lists_requests_and_query_count_is_flat(
    client, official_a, django_assert_max_num_queries
):
    client.force_login(official_a.user)
    url = reverse("partnerships:dashboard")
    CooperationRequestFactory(from_municipality=official_a.municipality)
    with django_assert_max_num_queries(20) as one:
        response = client.get(url)
    assert response.status_code == 200
    for _ in range(3):
        CooperationRequestFactory(from_municipality=official_a.municipality)
        CooperationRequestFactory(
            to_municipality=official_a.municipality, from_municipality=ForeignMunicipalityFactory()
        )
        PartnershipFactory(municipality_a=official_a.municipality)
    with django_assert_max_num_queries(20) as many:
        response = client.get(url)
    assert len(response.context["outgoing"]) == 4
    assert len(response.context["incoming"]) == 3
    assert len(one.captured_queries) == len(many.captured_queries)


def test_dashboard_shows_the_latest_requests_and_links_the_rest(client, official_a, monkeypatch):
    """A busy municipality's dashboard stays one screen: open requests first, the rest on
    pages of their own (every request stays reachable)."""
    monkeypatch.setattr("partnerships.views.officials.DASHBOARD_ITEMS", 2)
    monkeypatch.setattr("partnerships.views.officials.REQUESTS_PER_PAGE", 2)
    answered = [
        CooperationRequestFactory(
            to_municipality=official_a.municipality,
            from_municipality=ForeignMunicipalityFactory(),
            status="declined",
        )
        for _ in range(3)
    ]
    waiting = CooperationRequestFactory(
        to_municipality=official_a.municipality, from_municipality=ForeignMunicipalityFactory()
    )
    client.force_login(official_a.user)
    response = client.get(reverse("partnerships:dashboard"))
    assert response.context["incoming"][0] == waiting
    assert len(response.context["incoming"]) == 2
    assert response.context["incoming_count"] == 4
    listing = reverse("partnerships:request-list", kwargs={"direction": "incoming"})
    assert listing in response.content.decode()
    seen = []
    for page in (1, 2):
        seen += client.get(listing, {"page": page}).context["requests"]
    assert seen == [waiting, *sorted(answered, key=lambda r: (r.created_at, r.pk), reverse=True)]
    assert client.get(listing, {"page": 3}).status_code == 404


def test_request_list_is_for_approved_officials_only(client, plain_user, official_a):
    incoming = reverse("partnerships:request-list", kwargs={"direction": "incoming"})
    assert client.get(incoming).status_code == 302  # to sign in
    client.force_login(plain_user)
    assert client.get(incoming).status_code == 404
    client.force_login(official_a.user)
    assert client.get(incoming).status_code == 200
    assert client.get(incoming.replace("incoming", "sideways")).status_code == 404


# --- Profile edit and the coat of arms ----------------------------------------------------


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


def profile_data(**extra):
    return {
        "description_uk": "Опис",
        "description_en": "About us",
        "website": "https://example.org",
        "email": "rada@example.org",
        "open_to_partners": "on",
        **extra,
    }


ROLES = ["anonymous", "plain", "official_a", "official_b", "official_c", "staff"]
# Profile edit: "own" = 200 on GET and 302 on POST, always for the official's own
# municipality, whatever id or slug is posted.
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
    role_client, official_a, official_b, official_c, municipality_a, role
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
        assert page.url.startswith("/uk/accounts/login/")
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


# Applying to act for A: "form" = 200 with the form (POST: 302, an application made);
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
def test_official_apply_role_table(role_client, municipality_a, role):
    client = role_client(role)
    url = reverse("partnerships:official-apply", kwargs={"slug": municipality_a.slug})
    expected = APPLY_TABLE[role]
    records = lambda: sorted(Official.objects.values_list("pk", "status"))  # noqa: E731
    before = records()
    page = client.get(url)
    response = client.post(url, APPLY)
    if expected == "login":
        assert (page.status_code, response.status_code) == (302, 302)
        assert response.url.startswith("/uk/accounts/login/")
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


def test_profile_edit_is_recorded_with_its_editor(client, official_a, staff_user):
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
    history = client.get(f"/uk/admin/partnerships/municipality/{municipality.pk}/history/")
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
def test_coat_of_arms_is_reencoded_without_metadata(client, official_a, fmt, extension, metadata):
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
def test_coat_of_arms_bad_upload_is_refused(client, official_a, content, name):
    client.force_login(official_a.user)
    upload = SimpleUploadedFile(name, content, "image/png")
    response = client.post(reverse("partnerships:profile-edit"), profile_data(coat_of_arms=upload))
    assert response.status_code == 400
    assert "About us" in response.content.decode()  # what was typed is kept
    assert not Municipality.objects.get(pk=official_a.municipality_id).coat_of_arms


# --- Suggestions --------------------------------------------------------------------------


def test_suggestions_rank_by_needs_and_explain(django_assert_num_queries, municipality_a):
    energy = CooperationAreaFactory(slug="t-energy", name_en="energy", name_uk="енергетика")
    culture = CooperationAreaFactory(slug="t-culture", name_en="culture", name_uk="культура")
    municipality_a.needs.set([energy])
    municipality_a.offers.set([culture])
    best = ForeignMunicipalityFactory(name_en="Best", population=25_000)
    best.offers.set([energy])
    best.needs.set([culture])
    good = ForeignMunicipalityFactory(name_en="Good", population=1_000_000)
    good.offers.set([energy])
    partner = ForeignMunicipalityFactory(name_en="Partner")
    partner.offers.set([energy])
    PartnershipFactory(municipality_a=municipality_a, municipality_b=partner)
    closed = ForeignMunicipalityFactory(name_en="Closed", open_to_partners=False)
    closed.offers.set([energy])
    ForeignMunicipalityFactory(name_en="Unrelated")
    municipality_a.offers.add(CooperationAreaFactory(slug="tourism"))

    from django.utils import translation

    translation.activate("en")
    municipality = Municipality.objects.prefetch_related("offers", "needs").get(
        pk=municipality_a.pk
    )
    with django_assert_num_queries(4):
        suggestions = suggest_partners(municipality)
    assert [s.municipality for s in suggestions] == [best, good]
    assert suggestions[0].reasons == [
        "offers energy, which you need",
        "needs culture, which you offer",
        "similar in size",
        "in Germany, where you already have partners",
    ]


def test_suggestions_cross_the_border_and_skip_pairs_already_talking(
    django_assert_num_queries, municipality_a, official_a
):
    from partnerships.models import Region

    energy = CooperationAreaFactory(slug="s-energy")
    municipality_a.needs.set([energy])
    abroad = ForeignMunicipalityFactory(name_en="Abroad")
    asked = ForeignMunicipalityFactory(name_en="Asked")
    accepted = ForeignMunicipalityFactory(name_en="Accepted")
    declined = ForeignMunicipalityFactory(name_en="Declined")
    home = MunicipalityFactory(name_en="Home")
    crimea = Region.objects.create(
        code="UA01000000000013043", name_uk="Крим", name_en="Crimea", slug="crimea"
    )
    sevastopol = Region.objects.create(
        code="UA85000000000065278", name_uk="Севастополь", name_en="Sevastopol", slug="sev"
    )
    occupied = [MunicipalityFactory(region=crimea), MunicipalityFactory(region=sevastopol)]
    for candidate in [abroad, asked, accepted, declined, home, *occupied]:
        candidate.offers.set([energy])
    CooperationRequestFactory(from_municipality=municipality_a, to_municipality=asked)
    CooperationRequestFactory(
        from_municipality=accepted, to_municipality=municipality_a, status="accepted"
    )
    CooperationRequestFactory(
        from_municipality=municipality_a, to_municipality=declined, status="declined"
    )

    def suggested(municipality):
        municipality = Municipality.objects.prefetch_related("offers", "needs").get(
            pk=municipality.pk
        )
        with django_assert_num_queries(4):
            return {s.municipality.name_en for s in suggest_partners(municipality)}

    # A Ukrainian community: foreign municipalities only, not those it is talking to.
    assert suggested(municipality_a) == {"Abroad", "Declined"}
    # A foreign municipality: Ukrainian communities only, none in occupied regions.
    abroad.needs.set([energy])
    assert suggested(abroad) == {municipality_a.name_en, "Home"}


@pytest.mark.parametrize(
    ("status", "action"),
    [(OfficialStatus.APPLIED, "reject"), (OfficialStatus.APPROVED, "revoke")],
)
def test_admin_decision_keeps_the_note_staff_wrote(
    client, staff_user, django_capture_on_commit_callbacks, status, action
):
    official = OfficialFactory(status=status, decision_note="The council's letter is forged.")
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:partnerships_official_changelist"),
            {"action": action, "_selected_action": [official.pk]},
        )
    official.refresh_from_db()
    assert official.status == {"reject": "rejected", "revoke": "revoked"}[action]
    assert official.decision_note == "The council's letter is forged."
    assert "The council's letter is forged." in mail.outbox[0].body
