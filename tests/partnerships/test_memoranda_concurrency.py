"""Parallel writes on one memorandum: signing twice, saving on the same version.

These need row locks that only PostgreSQL really takes (SQLite serialises
whole-database writes and would turn the race into a lock timeout), so they
are skipped on SQLite.
"""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from partnerships.choices import MemorandumStatus, RequestStatus
from partnerships.memoranda.services import (
    MemorandumConflict,
    MemorandumError,
    memorandum_agree,
    memorandum_save_section,
    memorandum_sign,
)
from partnerships.models import Memorandum, Partnership, RequestEvent
from tests.concurrency import in_parallel, needs_postgresql

pytestmark = [
    pytest.mark.django_db(transaction=True),
    needs_postgresql,
]


def _finalise(world):
    m = world.memorandum
    memorandum_agree(memorandum=m, municipality=world.a, version=1, actor=world.official_a)
    memorandum_agree(memorandum=m, municipality=world.b, version=1, actor=world.official_b)


def test_parallel_signing_creates_one_partnership(memo_world):
    _finalise(memo_world)
    m = memo_world.memorandum

    def sign(user):
        return lambda: memorandum_sign(
            memorandum=m, signed_on=datetime.date(2025, 5, 9), place="Ізюм", scan=None, actor=user
        )

    results = in_parallel(sign(memo_world.official_a), sign(memo_world.official_b))

    assert sorted(type(r).__name__ for r in results) == ["MemorandumError", "Partnership"]
    assert Partnership.objects.count() == 1
    assert RequestEvent.objects.count() == 1
    m.refresh_from_db()
    memo_world.request.refresh_from_db()
    assert (m.status, m.partnership) == (MemorandumStatus.SIGNED, Partnership.objects.get())
    assert memo_world.request.status == RequestStatus.COMPLETED


def test_double_submitted_sign_form_creates_one_partnership(memo_world):
    _finalise(memo_world)
    url = reverse("partnerships:memorandum-sign", args=[memo_world.memorandum.pk])

    def post(user):
        def call():
            client = Client()
            client.force_login(user)
            return client.post(url, {"signed_on": "2025-05-09", "place": "Ізюм"}).status_code

        return call

    results = in_parallel(post(memo_world.official_a), post(memo_world.official_a))

    assert results == [302, 302]  # the second gets "already signed", not an error page
    assert Partnership.objects.count() == 1
    assert RequestEvent.objects.count() == 1


def test_parallel_saves_on_one_version_keep_one_and_refuse_the_other(memo_world):
    m = memo_world.memorandum

    def save(user, text):
        return lambda: memorandum_save_section(
            memorandum=m,
            section="purpose",
            text_uk=text,
            text_en=text,
            base_version=1,
            actor=user,
        )

    results = in_parallel(
        save(memo_world.official_a, "Текст A."), save(memo_world.official_b, "Текст B.")
    )

    conflicts = [r for r in results if isinstance(r, MemorandumConflict)]
    saved = [r for r in results if not isinstance(r, MemorandumError)]
    assert (len(conflicts), len(saved)) == (1, 1)
    m.refresh_from_db()
    assert m.version == 2
    assert m.purpose_uk in {"Текст A.", "Текст B."}
    assert Memorandum.history.count() == 2
