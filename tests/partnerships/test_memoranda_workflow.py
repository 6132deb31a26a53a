"""Memoranda in the life of the portal: one draft per pair, saving, agreeing, publishing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from partnerships.choices import RequestStatus
from partnerships.memoranda.services import (
    MemorandumError,
    memorandum_agree,
    memorandum_open,
    memorandum_save_section,
    memorandum_sign,
)
from partnerships.models import CooperationRequest, Memorandum
from partnerships.services.requests import RequestNotAllowed, request_create

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 12)


@pytest.fixture(autouse=True)
def _english():
    """Pages under /en/, so messages are compared in the language they are written in."""
    translation.activate("en")


def _save(world, user=None, section="purpose", uk="Нова мета.", en="New purpose.", base=None):
    world.memorandum, changed = memorandum_save_section(
        memorandum=world.memorandum,
        section=section,
        text_uk=uk,
        text_en=en,
        base_version=base if base is not None else world.memorandum.version,
        actor=user or world.official_a,
    )
    return world.memorandum, changed


def _finalise(world):
    m = world.memorandum
    memorandum_agree(memorandum=m, municipality=world.a, version=m.version, actor=world.official_a)
    memorandum_agree(memorandum=m, municipality=world.b, version=m.version, actor=world.official_b)
    m.refresh_from_db()
    return m


def _sign(world):
    m = _finalise(world)
    memorandum_sign(memorandum=m, signed_on=TODAY, place="Київ", scan=None, actor=world.staff)
    m.refresh_from_db()
    return m


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# One memorandum per pair -----------------------------------------------------------


def _cooperate_data(world) -> dict:
    return {
        "areas": [world.request.areas.first().pk],
        "form": "twinning",
        "message": "We would like to twin and share our experience of rebuilding.",
        "contact_person": "Olena Kovalenko, +380 50 000 00 00",
    }


@pytest.mark.parametrize(("sender", "target"), [("a", "b"), ("b", "a")])
def test_cooperate_refuses_a_second_request_while_a_memorandum_is_drafted(
    client, memo_world, sender, target
):
    client.force_login(getattr(memo_world, f"official_{sender}"))
    url = reverse("partnerships:cooperate", args=[getattr(memo_world, target).slug])
    page = client.get(url)
    assert "You are already drafting a memorandum with this municipality" in (page.content.decode())
    assert memo_world.memorandum.get_absolute_url() in page.content.decode()
    response = client.post(url, _cooperate_data(memo_world), follow=True)
    assert response.redirect_chain[0][0] == memo_world.memorandum.get_absolute_url()
    assert _messages(response) == ["You are already drafting a memorandum with this municipality."]
    assert CooperationRequest.objects.count() == 1
    assert Memorandum.objects.count() == 1


def test_request_create_refuses_a_pair_with_a_memorandum_being_drafted(memo_world):
    with pytest.raises(RequestNotAllowed) as refused:
        request_create(
            user=memo_world.official_b,
            from_municipality=memo_world.b,
            to_municipality=memo_world.a,
            areas=[],
            form="twinning",
            message="Once more, with feeling, please.",
            contact_person="Someone",
        )
    assert refused.value.memorandum == memo_world.memorandum
    assert CooperationRequest.objects.count() == 1


def test_request_create_allows_a_new_request_once_the_memorandum_is_signed_and_partnership_gone(
    memo_world,
):
    m = _sign(memo_world)
    m.partnership.delete()  # e.g. the partnership ended and staff removed it
    created = request_create(
        user=memo_world.official_a,
        from_municipality=memo_world.a,
        to_municipality=memo_world.b,
        areas=[],
        form="twinning",
        message="Let us start again after all these years.",
        contact_person="Someone",
    )
    assert created.status == RequestStatus.SUBMITTED


# Saving a section ------------------------------------------------------------------


def test_a_double_click_on_save_is_one_version_and_no_conflict(client, memo_world):
    m = memo_world.memorandum
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    client.force_login(memo_world.official_a)
    data = {"text_uk": "Моя мета.", "text_en": "My purpose.", "base_version": 1}
    first = client.post(url, data)
    second = client.post(url, data, follow=True)
    assert first.status_code == 302
    assert second.status_code == 200
    assert second.redirect_chain[0][0].endswith("#section-purpose")
    assert _messages(second)[-1] == "Section 2 is saved as version 2."
    m.refresh_from_db()
    assert (m.version, m.purpose_en, m.history.count()) == (2, "My purpose.", 2)


def test_the_conflict_names_who_saved_the_newer_version(client, memo_world):
    m = memo_world.memorandum
    memo_world.official_b.first_name, memo_world.official_b.last_name = "Jan", "Nowak"
    memo_world.official_b.save()
    _save(memo_world, memo_world.official_b, uk="Їхня мета.", en="Their purpose.")
    client.force_login(memo_world.official_a)
    response = client.post(
        reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"]),
        {"text_uk": "Моя мета.", "text_en": "My purpose.", "base_version": 1},
    )
    assert response.status_code == 409
    assert response.context["conflict"].startswith(
        "Jan Nowak (Grudziadz) saved version 2 while you were editing."
    )


# Agreeing --------------------------------------------------------------------------


def test_agreeing_to_an_old_version_says_nothing_was_recorded(client, memo_world):
    _save(memo_world, memo_world.official_b)  # version 2
    client.force_login(memo_world.official_a)
    response = client.post(
        reverse("partnerships:memorandum-agree", args=[memo_world.memorandum.pk]),
        {"version": 1},
        follow=True,
    )
    assert _messages(response) == [
        "Version 1 is no longer current; read version 2 and agree to it."
    ]
    assert memo_world.memorandum.agreements.count() == 0


# Publishing ------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["draft", "final"])
def test_publishing_is_refused_before_signing(client, memo_world, state):
    m = _finalise(memo_world) if state == "final" else memo_world.memorandum
    url = reverse("partnerships:memorandum-publish", args=[m.pk])
    for world_side in ("official_a", "official_b"):
        client.force_login(getattr(memo_world, world_side))
        response = client.post(url, {"published": "on"}, follow=True)
        assert _messages(response) == ["Only a signed memorandum can be published."]
        assert 'action="' + url not in response.content.decode()  # no publish form yet
    m.refresh_from_db()
    assert (m.published_a, m.published_b) == (False, False)


def test_publish_flags_cannot_be_set_on_an_unsigned_memorandum_in_the_database(memo_world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Memorandum.objects.filter(pk=memo_world.memorandum.pk).update(published_a=True)


def test_signing_alone_does_not_publish(client, memo_world):
    m = _sign(memo_world)
    assert (m.published_a, m.published_b, m.is_public) == (False, False, False)
    client.logout()
    assert client.get(m.get_absolute_url()).status_code == 302


# The official's dashboard ----------------------------------------------------------


def _open_memorandum_with_a_new_partner(world):
    from tests.factories import AcceptedRequestFactory, ForeignMunicipalityFactory

    request = AcceptedRequestFactory(
        from_municipality=world.a, to_municipality=ForeignMunicipalityFactory()
    )
    memorandum_open(cooperation_request=request, actor=None)


def test_dashboard_lists_the_municipality_memoranda_with_a_flat_query_count(
    client, memo_world, django_assert_max_num_queries
):
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:dashboard")
    with django_assert_max_num_queries(25) as one:
        response = client.get(url)
    body = response.content.decode()
    assert response.context["memoranda"] == [memo_world.memorandum]
    assert f'href="{memo_world.memorandum.get_absolute_url()}"' in body
    assert f'href="{reverse("partnerships:memorandum-list")}"' in body
    assert "draft" in body  # the status, as a badge with words
    for _ in range(3):
        _open_memorandum_with_a_new_partner(memo_world)
    with django_assert_max_num_queries(25) as many:
        response = client.get(url)
    assert len(response.context["memoranda"]) == 4
    assert len(one.captured_queries) == len(many.captured_queries)
    # The outsider's dashboard lists none of them.
    client.force_login(memo_world.official_c)
    assert client.get(url).context["memoranda"] == []


# Forms -----------------------------------------------------------------------------


def test_sign_form_says_optional_once(client, memo_world):
    m = _finalise(memo_world)
    client.force_login(memo_world.official_a)
    body = client.get(reverse("partnerships:memorandum-sign", args=[m.pk])).content.decode()
    assert (body.count("(optional)"), "Optional." in body) == (1, False)
    assert "A PDF file of at most 10 MB." in body


def test_section_length_is_counted_with_browser_line_breaks(client, memo_world):
    """The browser counts a line break as one character; it sends it as two (\\r\\n)."""
    from partnerships.memoranda.forms import MAX_SECTION_CHARS

    m = memo_world.memorandum
    line = "x" * 99
    lines = MAX_SECTION_CHARS // 100  # 200 lines of 99 + "\\n" = exactly the limit
    text = "\r\n".join([line] * lines)
    assert len(text.replace("\r\n", "\n")) == MAX_SECTION_CHARS - 1 < len(text)
    client.force_login(memo_world.official_a)
    url = reverse("partnerships:memorandum-section-edit", args=[m.pk, "purpose"])
    response = client.post(url, {"text_uk": text, "text_en": "Purpose.", "base_version": 1})
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.purpose_uk == text.replace("\r\n", "\n")
    too_long = client.post(url, {"text_uk": text + "xx", "text_en": "Purpose.", "base_version": 2})
    assert too_long.status_code == 400


# The generated text ----------------------------------------------------------------


def _memorandum_between(a, b, *, sender=None, accepter=None) -> Memorandum:
    from tests.factories import AcceptedRequestFactory

    request = AcceptedRequestFactory(
        from_municipality=a,
        to_municipality=b,
        created_by=sender,
        contact_person="Олена Коваль, радниця з міжнародних зв'язків",
    )
    memorandum_open(cooperation_request=request, actor=accepter)
    return Memorandum.objects.get(request=request)


def test_coordinators_are_the_officials_by_name_never_by_username(db):
    from tests.factories import (
        ForeignMunicipalityFactory,
        MunicipalityFactory,
        OfficialFactory,
        UserFactory,
    )

    a = MunicipalityFactory(name_uk="Ізюмська громада", name_en="Izium Hromada")
    b = ForeignMunicipalityFactory(name_uk="Ґрудзьондз", name_en="Grudziadz", email="b@example.org")
    sender = OfficialFactory(
        municipality=a,
        user=UserFactory(username="olena_k", first_name="Олена", last_name="Коваль"),
        position="радниця з міжнародних зв'язків",
        work_email="olena@izium.example.org",
        phone="+380 57 000 00 00",
    )
    accepter = OfficialFactory(
        municipality=b,
        user=UserFactory(username="jnowak"),
        position="Secretary",
        work_email="secretary@grudziadz.example.org",
    )
    m = _memorandum_between(a, b, sender=sender.user, accepter=accepter.user)
    assert m.coordination_uk.splitlines()[1:3] == [
        "— Сторона 1 — Ізюмська громада: Олена Коваль, радниця з міжнародних зв'язків, "
        "olena@izium.example.org, +380 57 000 00 00;",
        "— Сторона 2 — Ґрудзьондз: буде визначено; Secretary, secretary@grudziadz.example.org.",
    ]
    assert m.coordination_en.splitlines()[1:3] == [
        "— Party 1 — Izium Hromada: Олена Коваль, радниця з міжнародних зв'язків, "
        "olena@izium.example.org, +380 57 000 00 00;",
        "— Party 2 — Grudziadz: to be designated; Secretary, secretary@grudziadz.example.org.",
    ]
    for text in (m.coordination_uk, m.coordination_en):
        assert "olena_k" not in text and "jnowak" not in text


def test_coordinators_without_an_official_are_to_be_designated_in_each_language(db):
    from tests.factories import ForeignMunicipalityFactory, MunicipalityFactory

    a = MunicipalityFactory(name_uk="Ізюмська громада", name_en="Izium Hromada", email="")
    b = ForeignMunicipalityFactory(name_en="Grudziadz", email="b@example.org")
    m = _memorandum_between(a, b)
    assert "Олена Коваль" not in m.coordination_en  # the request's free text is not copied
    assert m.coordination_en.splitlines()[1:3] == [
        "— Party 1 — Izium Hromada: to be designated;",
        "— Party 2 — Grudziadz: to be designated; b@example.org.",
    ]
    assert m.coordination_uk.splitlines()[1] == "— Сторона 1 — Ізюмська громада: буде визначено;"


def test_obligations_name_each_party_then_both(memo_world):
    m = memo_world.memorandum
    uk, en = m.obligations_uk.splitlines(), m.obligations_en.splitlines()
    assert [line for line in uk if line[:1].isdigit()] == [
        "5.1. Сторона 1 (Ізюмська громада) зобов'язується:",
        "5.2. Сторона 2 (Ґрудзьондз) зобов'язується:",
        "5.3. Обидві Сторони:",
    ]
    assert [line for line in en if line[:1].isdigit()] == [
        "5.1. Party 1 (Izium Hromada) undertakes to:",
        "5.2. Party 2 (Grudziadz) undertakes to:",
        "5.3. Both Parties:",
    ]
    assert len(uk) == len(en)  # clause by clause in both languages


# Optional clauses ------------------------------------------------------------------


def _edit(client, world, section, uk, en):
    url = reverse("partnerships:memorandum-section-edit", args=[world.memorandum.pk, section])
    world.memorandum.refresh_from_db()
    return client.post(
        url, {"text_uk": uk, "text_en": en, "base_version": world.memorandum.version}
    )


def test_an_optional_clause_emptied_in_both_languages_is_left_out_and_renumbered(
    client, memo_world, tmp_path
):
    import shutil
    import subprocess

    client.force_login(memo_world.official_a)
    assert _edit(client, memo_world, "obligations", "", "").status_code == 302
    m = Memorandum.objects.get()
    assert (m.version, m.obligations_uk, m.obligations_en) == (2, "", "")
    page = client.get(m.get_absolute_url())
    numbers = {s["key"]: s["number"] for s in page.context["sections"]}
    assert numbers == {
        "parties": 1,
        "purpose": 2,
        "areas": 3,
        "forms": 4,
        "obligations": None,
        "coordination": 5,
        "duration": 6,
        "amendment": 7,
        "final": 8,
    }
    assert "Left out of the memorandum" in page.content.decode()
    if shutil.which("pdftotext"):
        pdf = client.get(reverse("partnerships:memorandum-pdf", args=[m.pk])).content
        (tmp_path / "m.pdf").write_bytes(pdf)
        text = subprocess.run(  # noqa: S603
            ["pdftotext", str(tmp_path / "m.pdf"), "-"],  # noqa: S607
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert "Obligations of the Parties" not in text
        assert "5. Coordinators and contacts" in text and "8. Final provisions" in text
        assert "9." not in text
    # Written again, it is back in its place.
    assert _edit(client, memo_world, "obligations", "Нові зобов'язання.", "New obligations.")
    numbers = {s["key"]: s["number"] for s in client.get(m.get_absolute_url()).context["sections"]}
    assert (numbers["obligations"], numbers["final"]) == (5, 9)


@pytest.mark.parametrize(
    ("section", "uk", "en", "message"),
    [
        ("purpose", "", "", "This field is required."),
        ("final", "Текст.", "", "This field is required."),
        (
            "amendment",
            "",
            "Only English.",
            "Write this clause in both languages, or empty both to leave it out.",
        ),
    ],
)
def test_a_core_section_or_one_language_cannot_be_emptied(
    client, memo_world, section, uk, en, message
):
    client.force_login(memo_world.official_a)
    response = _edit(client, memo_world, section, uk, en)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Memorandum.objects.get().version == 1
    with pytest.raises(MemorandumError):
        _save(memo_world, section=section, uk=uk, en=en)


# The version timeline --------------------------------------------------------------


@pytest.mark.parametrize("saves", [0, 11])
def test_sidebar_shows_the_latest_ten_versions_and_links_all(
    client, memo_world, django_assert_max_num_queries, saves
):
    for n in range(saves):
        _save(memo_world, uk=f"Мета {n}.", en=f"Purpose {n}.")
    m = memo_world.memorandum
    client.force_login(memo_world.official_b)
    with django_assert_max_num_queries(9):
        response = client.get(m.get_absolute_url())
    shown = [v.version for v in response.context["versions"]]
    assert shown == list(range(m.version, max(m.version - 10, 0), -1))
    all_url = reverse("partnerships:memorandum-versions", args=[m.pk])
    assert f'href="{all_url}"' in response.content.decode()
    with django_assert_max_num_queries(8):
        full = client.get(all_url)
    assert [v.version for v in full.context["versions"]] == list(range(m.version, 0, -1))
    assert full.context["crumbs"][-1] == ("All versions", "")


def test_all_versions_page_is_private(client, memo_world):
    url = reverse("partnerships:memorandum-versions", args=[memo_world.memorandum.pk])
    assert client.get(url).status_code == 302
    client.force_login(memo_world.official_c)
    assert client.get(url).status_code == 404
