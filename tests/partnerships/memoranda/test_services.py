"""The memorandum's life in its services: open, save a section, agree, and the races
(signing is tested in test_signing).

The races need row locks that only PostgreSQL really takes (SQLite serialises
whole-database writes and would turn the race into a lock timeout), so they
are skipped on SQLite.
"""

import datetime

import pytest

from partnerships.choices import (
    MemorandumStatus,
    RequestStatus,
)
from partnerships.memoranda.services import (
    MemorandumConflict,
    MemorandumError,
    memorandum_agree,
    memorandum_open,
    memorandum_save_section,
)
from partnerships.models import Memorandum
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
    assert m.history.get(version=2).purpose_other == "Purpose 2."
    assert m.history.get(version=2).duration_other != "Three years."


def test_memorandum_save_section_of_unchanged_text_makes_no_version(memorandum, official_a):
    m = memorandum
    _m, changed = memorandum_save_section(
        memorandum=m,
        section="purpose",
        text_uk=m.purpose_uk,
        text_other=m.purpose_other,
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
    assert (m.version, m.purpose_other) == (2, "Their purpose.")
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


# Races -----------------------------------------------------------------------------


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
            text_other=text,
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
