"""E-mails about officials and requests.

Mails go out only after the surrounding transaction commits (a rolled-back
request never mails anyone), through the task queue (core.tasks.send_email),
so a mail server that fails never undoes or hides a committed action. One
message per recipient, each rendered in the recipient's language:
- an official: the language of the page they applied from (Official.language);
- a municipality without officials (its public contact e-mail): Ukrainian for
  Ukrainian communities, English for everyone else;
- a municipality with neither: the ministry (PORTAL_CONTACT_EMAIL, in Ukrainian),
  which forwards the request.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.tasks import send_email
from partnerships.models import CooperationRequest, Municipality, MunicipalityProposal, Official


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str


def send_after_commit(*, template: str, recipients: list[Recipient], context: dict) -> None:
    """Render `<template>_subject.txt` and `_body.txt` per recipient once the transaction commits."""
    unique = list({recipient.email.lower(): recipient for recipient in recipients}.values())
    if unique:
        # robust: whatever goes wrong here is logged; the action has been committed.
        transaction.on_commit(lambda: _enqueue(template, unique, context), robust=True)


def _enqueue(template: str, recipients: list[Recipient], context: dict) -> None:
    for recipient in recipients:
        with translation.override(recipient.language):
            subject = render_to_string(f"partnerships/email/{template}_subject.txt", context)
            body = render_to_string(f"partnerships/email/{template}_body.txt", context)
        send_email.enqueue(subject=" ".join(subject.split()), body=body, to=[recipient.email])


def municipality_recipients(municipality: Municipality) -> list[Recipient]:
    """The approved officials of a municipality, or else its public contact e-mail."""
    officials = Official.objects.approved().filter(municipality=municipality).select_related("user")
    recipients = [
        Recipient(official.user.email, official.language)
        for official in officials
        if official.user.email
    ]
    if not recipients and municipality.email:
        recipients = [Recipient(municipality.email, "uk" if municipality.is_ukrainian else "en")]
    return recipients


def is_reachable(municipality: Municipality) -> bool:
    """Would a request to this municipality reach anybody there by e-mail?"""
    return bool(municipality_recipients(municipality))


def notify_request_submitted(cooperation_request: CooperationRequest) -> None:
    recipients = municipality_recipients(cooperation_request.to_municipality)
    if recipients:
        send_after_commit(
            template="request_submitted",
            recipients=recipients,
            context=_request_context(cooperation_request),
        )
    else:
        # No official and no public address: the ministry forwards the request.
        send_after_commit(
            template="request_forward",
            recipients=[Recipient(settings.PORTAL_CONTACT_EMAIL, settings.LANGUAGE_CODE)],
            context=_request_context(cooperation_request),
        )


def notify_request_answered(cooperation_request: CooperationRequest) -> None:
    """Accepted or declined: tell the sender's officials."""
    send_after_commit(
        template="request_answered",
        recipients=municipality_recipients(cooperation_request.from_municipality),
        context=_request_context(cooperation_request),
    )


def notify_request_withdrawn(cooperation_request: CooperationRequest) -> None:
    send_after_commit(
        template="request_withdrawn",
        recipients=municipality_recipients(cooperation_request.to_municipality),
        context=_request_context(cooperation_request),
    )


def notify_official_decided(official: Official) -> None:
    if not official.user.email:
        return
    send_after_commit(
        template="official_decided",
        recipients=[Recipient(official.user.email, official.language)],
        context={
            "official": official,
            "base_url": settings.PORTAL_BASE_URL,
            "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        },
    )


def notify_proposal_submitted(proposal: MunicipalityProposal) -> None:
    """The ministry reviews proposed municipalities: its address gets one mail each."""
    send_after_commit(
        template="proposal_submitted",
        recipients=[Recipient(settings.PORTAL_CONTACT_EMAIL, settings.LANGUAGE_CODE)],
        context={"proposal": proposal, "base_url": settings.PORTAL_BASE_URL},
    )


def notify_proposal_decided(proposal: MunicipalityProposal, *, official: Official | None) -> None:
    """Approved or rejected: the applicant is told in the language they chose."""
    if not proposal.user.email:
        return
    send_after_commit(
        template="proposal_decided",
        recipients=[Recipient(proposal.user.email, proposal.language)],
        context={
            "proposal": proposal,
            "official": official,
            "base_url": settings.PORTAL_BASE_URL,
            "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        },
    )


def _request_context(cooperation_request: CooperationRequest) -> dict:
    # Links are reversed in the templates, under the recipient's language, so
    # they carry the right language prefix.
    return {
        "cooperation_request": cooperation_request,
        "base_url": settings.PORTAL_BASE_URL,
    }


def notify_memorandum_signature(memorandum, signature) -> None:
    """One side signed the memorandum: the other side's officials are told."""
    send_after_commit(
        template="memorandum_signature",
        recipients=municipality_recipients(signature.other_party),
        context=_memorandum_context(memorandum, signature),
    )


def notify_memorandum_signed(memorandum, last_signature) -> None:
    """The second signature made the memorandum signed: the side that signed first is told."""
    send_after_commit(
        template="memorandum_signed",
        recipients=municipality_recipients(last_signature.other_party),
        context=_memorandum_context(memorandum, last_signature),
    )


def _memorandum_context(memorandum, signature) -> dict:
    return {
        "memorandum": memorandum,
        "signature": signature,
        "signer": signature.party,
        "base_url": settings.PORTAL_BASE_URL,
    }
