"""Signing by both sides: each side signs the agreed version once; the second
signature makes the memorandum signed and the partnership, exactly once.

The races need row locks that only PostgreSQL really takes, so they are
skipped on SQLite.
"""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from partnerships.choices import (
    MemorandumSide,
    MemorandumStatus,
    PartnershipKind,
    PartnershipSource,
    RequestEventKind,
    RequestStatus,
)
from partnerships.memoranda.services import MemorandumError
from partnerships.memoranda.signing import SignatureDetails, memorandum_sign
from partnerships.models import Memorandum, MemorandumSignature, Partnership, RequestEvent
from tests.concurrency import in_parallel, needs_postgresql

pytestmark = pytest.mark.django_db

SIGNED_ON = datetime.date(2027, 3, 12)


def _details(place="Київ", **extra) -> SignatureDetails:
    return SignatureDetails(
        signed_on=extra.pop("signed_on", SIGNED_ON),
        place=place,
        signatory_name=extra.pop("name", "Олена Коваль"),
        signatory_position=extra.pop("position", "міська голова"),
    )


def _sign(memorandum, official, version=None, **details):
    return memorandum_sign(
        memorandum=memorandum,
        municipality=official.municipality,
        version=memorandum.version if version is None else version,
        details=_details(**details),
        actor=official.user,
    )


def test_one_signature_leaves_the_memorandum_waiting_for_the_other_side(
    final_memorandum, official_a, accepted_request
):
    m, partnership = _sign(final_memorandum, official_a)
    m.refresh_from_db()
    assert partnership is None
    assert m.status == MemorandumStatus.FINAL
    assert Partnership.objects.count() == 0
    signature = m.signatures.get()
    assert (signature.side, signature.version, signature.place, signature.signatory_name) == (
        MemorandumSide.A,
        m.version,
        "Київ",
        "Олена Коваль",
    )


def test_second_signature_signs_the_memorandum_creates_the_partnership_and_closes_the_request(
    final_memorandum, official_a, official_b, accepted_request
):
    m = final_memorandum
    _sign(m, official_a, signed_on=datetime.date(2027, 3, 10))
    _m, partnership = _sign(m, official_b, place="Grudziądz")
    m.refresh_from_db()
    accepted_request.refresh_from_db()
    # In force from the later signature.
    assert (m.status, m.signed_on, m.partnership) == (
        MemorandumStatus.SIGNED,
        SIGNED_ON,
        partnership,
    )
    assert (partnership.kind, partnership.source, partnership.since) == (
        PartnershipKind.TWINNING,
        PartnershipSource.PORTAL,
        SIGNED_ON,
    )
    assert accepted_request.status == RequestStatus.COMPLETED
    assert list(accepted_request.events.values_list("kind", flat=True)) == [RequestEventKind.SIGNED]
    assert m.history.count() == 1  # signing adds no text version


def test_a_side_signs_once(final_memorandum, official_a, english):
    _sign(final_memorandum, official_a)
    with pytest.raises(MemorandumError, match="already signed"):
        _sign(final_memorandum, official_a)
    assert MemorandumSignature.objects.count() == 1


def test_the_database_holds_one_signature_per_side(final_memorandum, official_a):
    from django.db import IntegrityError, transaction

    _sign(final_memorandum, official_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        MemorandumSignature.objects.create(
            memorandum=final_memorandum, side="a", version=1, signed_on=SIGNED_ON, place="X"
        )


def test_signing_a_version_other_than_the_agreed_one_is_refused_with_a_clear_message(
    final_memorandum, official_a, english
):
    with pytest.raises(MemorandumError) as refused:
        _sign(final_memorandum, official_a, version=final_memorandum.version + 1)
    assert str(refused.value) == (
        "You are signing version 2, but the version both sides agreed to is 1. "
        "Read version 1 and sign that one."
    )
    assert MemorandumSignature.objects.count() == 0


def test_signing_after_the_text_changed_since_agreement_is_refused(
    final_memorandum, save_section, official_a, official_b, english
):
    save_section(by=official_b)  # version 2: the agreement to version 1 is gone
    with pytest.raises(MemorandumError, match="agree to the same version"):
        _sign(final_memorandum, official_a, version=1)
    assert MemorandumSignature.objects.count() == 0


def test_signing_a_draft_is_refused(memorandum, official_a):
    with pytest.raises(MemorandumError):
        _sign(memorandum, official_a)
    assert Memorandum.objects.get().status == MemorandumStatus.DRAFT


def test_the_text_cannot_change_once_one_side_has_signed(final_memorandum, official_a, english):
    from partnerships.memoranda.services import memorandum_save_section

    _sign(final_memorandum, official_a)
    with pytest.raises(MemorandumError, match="has signed"):
        memorandum_save_section(
            memorandum=final_memorandum,
            section="purpose",
            text_uk="Інше.",
            text_other="Inne.",
            base_version=final_memorandum.version,
            actor=official_a.user,
        )


def test_each_signature_mails_the_other_side_in_their_language(
    final_memorandum, official_a, official_b, django_capture_on_commit_callbacks
):
    from partnerships.models import Official

    Official.objects.filter(pk=official_b.pk).update(language="pl")
    with django_capture_on_commit_callbacks(execute=True):
        _sign(final_memorandum, official_a)
    assert [message.to for message in mail.outbox] == [[official_b.user.email]]
    assert mail.outbox[0].subject == "Izium Hromada podpisuje memorandum"
    assert "wersję 1" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        _sign(final_memorandum, official_b, place="Grudziądz")
    assert mail.outbox[1].to == [official_a.user.email]
    # Ukrainian verbs agree with the gender of the noun: "Сторона" carries it, whatever
    # the name ("Краків підписала" was wrong), and the name stays in its own case.
    subject = mail.outbox[1].subject
    assert subject.startswith("Меморандум зі стороною «")
    assert subject.endswith("» підписано обома сторонами")
    assert "Сторона «" in mail.outbox[1].body
    assert "(місце підписання: Grudziądz)" in mail.outbox[1].body
    assert mail.outbox[1].body.count("/memoranda/") == 1


def test_a_partnership_is_documented_by_one_memorandum_only(signed_memorandum, accepted_request):
    from django.db import IntegrityError, transaction

    from tests.factories import AcceptedRequestFactory

    second = AcceptedRequestFactory(
        from_municipality=accepted_request.from_municipality,
        to_municipality=accepted_request.to_municipality,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Memorandum.objects.create(
            request=second,
            party_a=signed_memorandum.party_a,
            party_b=signed_memorandum.party_b,
            title_uk="Другий",
            title_other="Drugi",
            partnership=signed_memorandum.partnership,
        )


# Races -----------------------------------------------------------------------------


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_both_sides_confirming_at_once_sign_once_and_create_one_partnership(
    final_memorandum, accepted_request, official_a, official_b
):
    m = final_memorandum
    results = in_parallel(lambda: _sign(m, official_a), lambda: _sign(m, official_b))

    assert not [r for r in results if isinstance(r, Exception)]
    # Exactly one of the two completed the memorandum.
    assert sorted(r[1] is None for r in results) == [False, True]
    assert Partnership.objects.count() == 1
    assert MemorandumSignature.objects.count() == 2
    assert RequestEvent.objects.count() == 1
    m.refresh_from_db()
    accepted_request.refresh_from_db()
    assert (m.status, m.partnership) == (MemorandumStatus.SIGNED, Partnership.objects.get())
    assert accepted_request.status == RequestStatus.COMPLETED


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_one_side_submitting_the_sign_form_twice_at_once_records_one_signature(
    final_memorandum, official_a
):
    url = reverse("partnerships:memorandum-sign", args=[final_memorandum.pk])
    data = {
        "version": final_memorandum.version,
        "signed_on": "2025-05-09",
        "place": "Ізюм",
        "signatory_name": "Олена Коваль",
        "signatory_position": "міська голова",
    }

    def post():
        client = Client()
        client.force_login(official_a.user)
        return client.post(url, data).status_code

    results = in_parallel(post, post)

    assert results == [302, 302]  # the second gets "already signed", not an error page
    assert MemorandumSignature.objects.count() == 1
    assert Partnership.objects.count() == 0


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_the_last_two_confirmations_through_the_form_at_once_create_one_partnership(
    final_memorandum, official_a, official_b
):
    url = reverse("partnerships:memorandum-sign", args=[final_memorandum.pk])

    def post(official, place):
        def call():
            client = Client()
            client.force_login(official.user)
            return client.post(
                url,
                {
                    "version": final_memorandum.version,
                    "signed_on": "2025-05-09",
                    "place": place,
                    "signatory_name": "Ім'я",
                    "signatory_position": "Посада",
                },
            ).status_code

        return call

    results = in_parallel(post(official_a, "Ізюм"), post(official_b, "Grudziądz"))

    assert results == [302, 302]
    assert Partnership.objects.count() == 1
    assert Memorandum.objects.get().status == MemorandumStatus.SIGNED
