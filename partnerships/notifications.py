"""Telling people what happened: notifications (core.notifications.notify) and mails
about officials, requests, messages and memoranda.

An approved official is told through `notify()`: the bell, and a mail in their
language as often as they chose. Where nobody acts for a municipality on the
portal, the mail goes to its address, or to the ministry, as below.

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
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.notifications.models import NotificationKind as Kind
from core.notifications.service import MailLanguageSource, notify
from core.tasks import send_email
from partnerships.choices import OfficialStatus
from partnerships.models import (
    CooperationRequest,
    Memorandum,
    Message,
    Municipality,
    MunicipalityProposal,
    Official,
)


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


@dataclass(frozen=True)
class Audience:
    """Who is told about a municipality's requests: its approved officials (through
    notify(): the bell, and mail as each chose), or, only when it has none, its public
    address (a mail, in Ukrainian for a Ukrainian community, else in English)."""

    officials: list
    address: Recipient | None

    def __bool__(self) -> bool:
        return bool(self.officials or self.address)


def audience(municipality: Municipality) -> Audience:
    """The one rule for who speaks for a municipality: officials if any, else its address."""
    if users := official_users(municipality):
        return Audience(users, None)
    if municipality.email:
        language = "uk" if municipality.is_ukrainian else "en"
        return Audience([], Recipient(municipality.email, language))
    return Audience([], None)


def is_reachable(municipality: Municipality) -> bool:
    """Would a request to this municipality reach anybody there?"""
    return bool(audience(municipality))


def tell_receiver(
    cooperation_request: CooperationRequest, kind: Kind, *, title, template: str
) -> bool:
    """Tell the municipality a request was sent to that `kind` happened to it (the mail
    `template`), by the one rule of `audience`; False if there is nobody to tell. Only
    its public address, written to because nobody acts for it on the portal, is invited
    to apply as its official (`invite_to_apply` in the mail's context)."""
    reach = audience(cooperation_request.to_municipality)
    context = _request_context(cooperation_request)
    if reach.officials:
        notify(
            reach.officials,
            kind,
            cooperation_request,
            title=title,
            params={"name": cooperation_request.from_municipality},
            mail=(f"partnerships/email/{template}", {**context, "invite_to_apply": False}),
        )
    elif reach.address:
        send_after_commit(
            template=template,
            recipients=[reach.address],
            context={**context, "invite_to_apply": True},
        )
    return bool(reach)


def official_users(*municipalities: Municipality) -> list:
    """The users acting for these municipalities (approved officials)."""
    officials = Official.objects.approved().filter(municipality__in=[m.pk for m in municipalities])
    return [official.user for official in officials.select_related("user")]


def official_languages(users: list) -> dict[int, str]:
    """The language for mails of those who applied to act for a municipality: that of
    their latest official record, else of their latest proposal of a municipality. One
    query for all of them, and one more only for those with no official record."""
    found: dict[int, str] = {}
    for model in (Official, MunicipalityProposal):
        if not (asked := [user.pk for user in users if user.pk not in found]):
            break
        rows = (
            model.objects.filter(user_id__in=asked)
            .order_by("user_id", "-created_at", "-pk")
            .values_list("user_id", "language")
        )
        for user_id, language in rows:
            found.setdefault(user_id, language)
    return found


def set_official_language(user, language: str) -> None:
    Official.objects.filter(user=user).update(language=language)
    MunicipalityProposal.objects.filter(user=user).update(language=language)


OFFICIAL_LANGUAGE = MailLanguageSource(get=official_languages, set=set_official_language)


def notify_request_submitted(cooperation_request: CooperationRequest) -> None:
    title = _("%(name)s sent you a request for cooperation")
    if not tell_receiver(
        cooperation_request, Kind.REQUEST_RECEIVED, title=title, template="request_submitted"
    ):
        # No official and no public address: the ministry forwards the request.
        send_after_commit(
            template="request_forward",
            recipients=[Recipient(settings.PORTAL_CONTACT_EMAIL, settings.LANGUAGE_CODE)],
            context=_request_context(cooperation_request),
        )


def notify_request_answered(cooperation_request: CooperationRequest) -> None:
    """Accepted or declined: tell the sender's officials."""
    accepted = cooperation_request.is_accepted
    notify(
        official_users(cooperation_request.from_municipality),
        Kind.REQUEST_ACCEPTED if accepted else Kind.REQUEST_DECLINED,
        cooperation_request,
        title=_("%(name)s accepted your request for cooperation")
        if accepted
        else _("%(name)s declined your request for cooperation"),
        params={"name": cooperation_request.to_municipality},
        excerpt=cooperation_request.reply,
        mail=("partnerships/email/request_answered", _request_context(cooperation_request)),
    )


def notify_request_withdrawn(cooperation_request: CooperationRequest) -> None:
    title = _("%(name)s withdrew its request for cooperation")
    tell_receiver(
        cooperation_request, Kind.REQUEST_WITHDRAWN, title=title, template="request_withdrawn"
    )


def notify_message(message: Message) -> None:
    """Everyone in the conversation but the author: both sides' officials."""
    request = message.request
    notify(
        official_users(request.from_municipality, request.to_municipality),
        Kind.MESSAGE,
        message,
        title=_("New message about %(request)s"),
        params={"request": request},
        excerpt=message.body,
        actor=message.author,
        about=conversation_key(request),
    )


def conversation_key(cooperation_request: CooperationRequest) -> str:
    """What a message's notification is about: its request's conversation."""
    return f"conversation:{cooperation_request.pk}"


MEMORANDUM_EVENTS = {
    Kind.MEMORANDUM_VERSION: _("Version %(version)s of the memorandum %(pair)s"),
    Kind.MEMORANDUM_AGREED: _("%(name)s agreed to version %(version)s of the memorandum %(pair)s"),
    Kind.SIGNATURE_RECORDED: _("%(name)s signed the memorandum %(pair)s"),
    Kind.MEMORANDUM_SIGNED: _("The memorandum %(pair)s is signed by both sides"),
    Kind.PARTNERSHIP_CREATED: _("Partnership created: %(pair)s"),
}


def notify_memorandum(
    memorandum: Memorandum,
    kind: Kind,
    *,
    actor,
    municipality: Municipality | None = None,
    mail: tuple[str, dict] | None = None,
    quiet: bool = False,
) -> None:
    """A step of the memorandum: both parties' officials but the one who took it. `mail`
    names the step's own mail templates; `quiet` keeps it to the bell (the step's mail
    has gone out under another kind)."""
    notify(
        official_users(memorandum.party_a, memorandum.party_b),
        kind,
        memorandum,
        title=MEMORANDUM_EVENTS[kind],
        params={
            "version": memorandum.version,
            "pair": Pair(memorandum.party_a, memorandum.party_b),
            "name": municipality or "",
        },
        actor=actor,
        mail=mail,
        quiet=quiet,
    )


@dataclass(frozen=True)
class Pair:
    """Two municipalities' names, turned into text in the reader's language."""

    first: Municipality
    second: Municipality

    def __str__(self) -> str:
        return f"{self.first.name} — {self.second.name}"


OFFICIAL_DECISIONS = {
    OfficialStatus.APPROVED: _("You now act for %(name)s on the portal"),
    OfficialStatus.REJECTED: _("Your application to act for %(name)s was not approved"),
    OfficialStatus.REVOKED: _("You no longer act for %(name)s on the portal"),
}


def notify_official_decided(official: Official) -> None:
    approved = official.is_approved
    notify(
        [official.user],
        Kind.APPLICATION_APPROVED if approved else Kind.APPLICATION_REJECTED,
        reverse_lazy("partnerships:dashboard") if approved else "",
        title=OFFICIAL_DECISIONS[OfficialStatus(official.status)],
        params={"name": official.municipality},
        mail=(
            "partnerships/email/official_decided",
            {"official": official, "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL},
        ),
    )


def notify_proposal_submitted(proposal: MunicipalityProposal) -> None:
    """The ministry reviews proposed municipalities: its address gets one mail each."""
    send_after_commit(
        template="proposal_submitted",
        recipients=[Recipient(settings.PORTAL_CONTACT_EMAIL, settings.LANGUAGE_CODE)],
        context={"proposal": proposal, "base_url": settings.PORTAL_BASE_URL},
    )


def notify_proposal_decided(proposal: MunicipalityProposal, *, official: Official | None) -> None:
    """Approved or rejected: the applicant is told in their language."""
    notify(
        [proposal.user],
        Kind.PROPOSAL_APPROVED if official else Kind.PROPOSAL_REJECTED,
        proposal,
        title=_("%(name)s is now in the registry, and you act for it")
        if official
        else _("Your proposal of %(name)s was not accepted"),
        params={"name": proposal.name},
        mail=(
            "partnerships/email/proposal_decided",
            {
                "proposal": proposal,
                "official": official,
                "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
            },
        ),
    )


def _request_context(cooperation_request: CooperationRequest) -> dict:
    # Links are reversed in the templates, under the recipient's language, so
    # they carry the right language prefix.
    return {
        "cooperation_request": cooperation_request,
        "base_url": settings.PORTAL_BASE_URL,
    }


def notify_memorandum_signature(memorandum, signature) -> None:
    """One side signed the memorandum: the officials of both sides but the signer are told."""
    notify_memorandum(
        memorandum,
        Kind.SIGNATURE_RECORDED,
        actor=signature.recorded_by,
        municipality=signature.party,
        mail=(
            "partnerships/email/memorandum_signature",
            _memorandum_context(memorandum, signature),
        ),
    )


def notify_memorandum_signed(memorandum, last_signature) -> None:
    """The second signature made the memorandum signed and the partnership: both sides are
    told (the signer's colleagues too), the mail says so once."""
    notify_memorandum(
        memorandum,
        Kind.MEMORANDUM_SIGNED,
        actor=last_signature.recorded_by,
        mail=(
            "partnerships/email/memorandum_signed",
            _memorandum_context(memorandum, last_signature),
        ),
    )
    notify_memorandum(memorandum, Kind.PARTNERSHIP_CREATED, actor=None, mail=None, quiet=True)


def _memorandum_context(memorandum, signature) -> dict:
    return {
        "memorandum": memorandum,
        "signature": signature,
        "signer": signature.party,
        "base_url": settings.PORTAL_BASE_URL,
    }
