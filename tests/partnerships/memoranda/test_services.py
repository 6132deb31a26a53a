"""The memorandum's life in its services: open, save a section, agree, sign, and the races.

The races need row locks that only PostgreSQL really takes (SQLite serialises
whole-database writes and would turn the race into a lock timeout), so they
are skipped on SQLite.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from partnerships.choices import (
    MemorandumStatus,
    PartnershipKind,
    PartnershipSource,
    RequestEventKind,
    RequestStatus,
)
from partnerships.memoranda.services import (
    MemorandumConflict,
    MemorandumError,
    memorandum_agree,
    memorandum_open,
    memorandum_save_section,
    memorandum_sign,
)
from partnerships.models import Memorandum, Partnership, RequestEvent
from tests.concurrency import in_parallel, needs_postgresql

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2027, 3, 12)


# Opening ---------------------------------------------------------------------------


def test_memorandum_open_is_idempotent(memorandum, accepted_request, official_a):
    again = memorandum_open(cooperation_request=accepted_request, actor=official_a.user)
    assert again == memorandum
    assert Memorandum.objects.count() == 1
    assert memorandum.history.count() == 1


def test_memorandum_open_refuses_a_request_that_is_not_accepted(db):
    from tests.factories import AcceptedRequestFactory

    request = AcceptedRequestFactory(status=RequestStatus.SUBMITTED)
    with pytest.raises(MemorandumError):
        memorandum_open(cooperation_request=request, actor=None)
    assert Memorandum.objects.count() == 0


# Saving a section ------------------------------------------------------------------


def test_memorandum_save_section_makes_a_new_version_with_its_author(
    memorandum, save_section, official_a, official_b
):
    save_section(uk="Мета 2.", en="Purpose 2.")
    save_section("duration", "Три роки.", "Three years.", by=official_b)
    m = memorandum
    m.refresh_from_db()
    assert m.version == 3
    history = list(m.history.order_by("version").values_list("version", "history_user"))
    assert history == [
        (1, official_b.user.pk),
        (2, official_a.user.pk),
        (3, official_b.user.pk),
    ]
    assert m.history.get(version=2).purpose_en == "Purpose 2."
    assert m.history.get(version=2).duration_en != "Three years."


def test_memorandum_save_section_of_unchanged_text_makes_no_version(memorandum, official_a):
    m = memorandum
    _m, changed = memorandum_save_section(
        memorandum=m,
        section="purpose",
        text_uk=m.purpose_uk,
        text_en=m.purpose_en,
        base_version=1,
        actor=official_a.user,
    )
    assert changed is False
    assert m.history.count() == 1


def test_memorandum_save_section_on_top_of_a_newer_version_is_refused(save_section, official_b):
    save_section(uk="Їхня мета.", en="Their purpose.", by=official_b)
    with pytest.raises(MemorandumConflict):
        save_section(uk="Моя мета.", en="My purpose.", base=1)
    m = Memorandum.objects.get()
    assert (m.version, m.purpose_en) == (2, "Their purpose.")
    assert m.history.count() == 2


def test_memorandum_save_section_after_final_clears_both_agreements(final_memorandum, save_section):
    save_section(uk="Ще одна зміна.", en="One more change.")
    m = final_memorandum
    m.refresh_from_db()
    assert (m.status, m.version, m.agreements.count()) == (MemorandumStatus.DRAFT, 2, 0)


def test_memorandum_save_section_is_refused_once_signed(signed_memorandum, save_section):
    with pytest.raises(MemorandumError):
        save_section()


# Agreeing --------------------------------------------------------------------------


def test_memorandum_agree_by_both_sides_to_one_version_makes_it_final(final_memorandum):
    m = final_memorandum
    assert m.status == MemorandumStatus.FINAL
    assert sorted(m.agreements.values_list("version", flat=True)) == [1, 1]


def test_memorandum_agree_by_one_side_is_not_final(memorandum, official_a):
    m = memorandum
    memorandum_agree(
        memorandum=m, municipality=official_a.municipality, version=1, actor=official_a.user
    )
    m.refresh_from_db()
    assert m.status == MemorandumStatus.DRAFT


def test_memorandum_agree_to_an_old_version_does_not_finalise(
    memorandum, save_section, official_a, official_b
):
    m = memorandum
    a, b = official_a.municipality, official_b.municipality
    memorandum_agree(memorandum=m, municipality=a, version=1, actor=official_a.user)
    save_section(by=official_b)  # version 2, clears A's agreement
    assert list(m.agreements.all()) == []
    with pytest.raises(MemorandumError):
        memorandum_agree(memorandum=m, municipality=a, version=1, actor=official_a.user)
    memorandum_agree(memorandum=m, municipality=b, version=2, actor=official_b.user)
    m.refresh_from_db()
    assert m.status == MemorandumStatus.DRAFT
    assert list(m.agreements.values_list("municipality", "version")) == [(b.pk, 2)]


# Signing ---------------------------------------------------------------------------


def test_memorandum_sign_creates_the_partnership_and_closes_the_request(
    final_memorandum, accepted_request, official_a, official_b
):
    m = final_memorandum
    partnership = memorandum_sign(
        memorandum=m, signed_on=SIGNED_ON, place="Київ", scan=None, actor=official_a.user
    )
    m.refresh_from_db()
    accepted_request.refresh_from_db()
    assert (m.status, m.signed_on, m.signed_place, m.partnership) == (
        MemorandumStatus.SIGNED,
        SIGNED_ON,
        "Київ",
        partnership,
    )
    assert (partnership.kind, partnership.source, partnership.since) == (
        PartnershipKind.TWINNING,
        PartnershipSource.PORTAL,
        SIGNED_ON,
    )
    assert {partnership.municipality_a, partnership.municipality_b} == {
        official_a.municipality,
        official_b.municipality,
    }
    assert accepted_request.status == RequestStatus.COMPLETED
    assert list(accepted_request.events.values_list("kind", flat=True)) == [RequestEventKind.SIGNED]
    # Signing does not add a text version.
    assert m.history.count() == 1


def test_memorandum_sign_twice_creates_one_partnership(
    final_memorandum, accepted_request, official_b, staff_user
):
    m = final_memorandum
    memorandum_sign(memorandum=m, signed_on=SIGNED_ON, place="Київ", scan=None, actor=staff_user)
    with pytest.raises(MemorandumError):
        memorandum_sign(
            memorandum=m, signed_on=SIGNED_ON, place="Київ", scan=None, actor=official_b.user
        )
    assert Partnership.objects.count() == 1
    assert accepted_request.events.count() == 1


def test_memorandum_sign_refuses_a_draft(memorandum, official_a):
    with pytest.raises(MemorandumError):
        memorandum_sign(
            memorandum=memorandum,
            signed_on=SIGNED_ON,
            place="Київ",
            scan=None,
            actor=official_a.user,
        )
    assert Partnership.objects.count() == 0
    assert Memorandum.objects.get().status == MemorandumStatus.DRAFT


def test_memorandum_sign_keeps_the_partnership_link_of_a_memorandum_reopened_by_the_old_admin(
    signed_memorandum, staff_user
):
    """A memorandum the old admin reopened after signing still names its partnership;
    signing it again must not take that link away as "documented by another memorandum"."""
    m = signed_memorandum
    partnership = m.partnership
    Memorandum.objects.filter(pk=m.pk).update(status=MemorandumStatus.FINAL)
    memorandum_sign(memorandum=m, signed_on=SIGNED_ON, place="Київ", scan=None, actor=staff_user)
    m.refresh_from_db()
    assert (m.status, m.partnership) == (MemorandumStatus.SIGNED, partnership)
    assert Partnership.objects.count() == 1


# Races -----------------------------------------------------------------------------


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_memorandum_sign_in_parallel_creates_one_partnership(
    final_memorandum, accepted_request, official_a, official_b
):
    m = final_memorandum

    def sign(user):
        return lambda: memorandum_sign(
            memorandum=m, signed_on=datetime.date(2025, 5, 9), place="Ізюм", scan=None, actor=user
        )

    results = in_parallel(sign(official_a.user), sign(official_b.user))

    assert sorted(type(r).__name__ for r in results) == ["MemorandumError", "Partnership"]
    assert Partnership.objects.count() == 1
    assert RequestEvent.objects.count() == 1
    m.refresh_from_db()
    accepted_request.refresh_from_db()
    assert (m.status, m.partnership) == (MemorandumStatus.SIGNED, Partnership.objects.get())
    assert accepted_request.status == RequestStatus.COMPLETED


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_memorandum_sign_form_submitted_twice_at_once_creates_one_partnership(
    final_memorandum, official_a
):
    url = reverse("partnerships:memorandum-sign", args=[final_memorandum.pk])

    def post(user):
        def call():
            client = Client()
            client.force_login(user)
            return client.post(url, {"signed_on": "2025-05-09", "place": "Ізюм"}).status_code

        return call

    results = in_parallel(post(official_a.user), post(official_a.user))

    assert results == [302, 302]  # the second gets "already signed", not an error page
    assert Partnership.objects.count() == 1
    assert RequestEvent.objects.count() == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_memorandum_save_section_in_parallel_keeps_one_and_refuses_the_other(
    memorandum, official_a, official_b
):
    m = memorandum

    def save(user, text):
        return lambda: memorandum_save_section(
            memorandum=m,
            section="purpose",
            text_uk=text,
            text_en=text,
            base_version=1,
            actor=user,
        )

    results = in_parallel(save(official_a.user, "Текст A."), save(official_b.user, "Текст B."))

    conflicts = [r for r in results if isinstance(r, MemorandumConflict)]
    saved = [r for r in results if not isinstance(r, MemorandumError)]
    assert (len(conflicts), len(saved)) == (1, 1)
    m.refresh_from_db()
    assert m.version == 2
    assert m.purpose_uk in {"Текст A.", "Текст B."}
    assert Memorandum.history.count() == 2
