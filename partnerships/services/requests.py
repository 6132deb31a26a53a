"""The life of a request for cooperation: create, accept, decline, withdraw.

Permission checks (who may act for which side) are the views' job, through
partnerships.permissions; these functions enforce the state machine and the
rules that span rows.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from partnerships import notifications
from partnerships.choices import CooperationForm, RequestEventKind, RequestStatus
from partnerships.memoranda.services import memorandum_open
from partnerships.models import (
    CooperationArea,
    CooperationRequest,
    Memorandum,
    Municipality,
    Partnership,
    RequestEvent,
)


class RequestError(Exception):
    """A rule of the workflow refused the action; str(error) is a message for the user."""


class RequestNotAllowed(RequestError):
    pass


class OpenRequestExists(RequestError):
    def __init__(self, message, *, existing: CooperationRequest | None):
        super().__init__(message)
        self.existing = existing


class MemorandumInProgress(RequestNotAllowed):
    """The pair is drafting a memorandum: the next step is there, not a new request."""

    def __init__(self, message, *, memorandum: Memorandum):
        super().__init__(message)
        self.memorandum = memorandum


class InvalidTransition(RequestError):
    pass


class WaitingPeriod(RequestNotAllowed):
    """A request of the pair was declined or withdrawn lately: a new one can follow
    REQUEST_RETRY_AFTER_DAYS after it ended."""

    def __init__(self, message, *, until: datetime.date):
        super().__init__(message)
        self.until = until


def retry_from(ended_at: datetime.datetime) -> datetime.datetime:
    """When the pair may send a new request after one that ended at `ended_at`."""
    return ended_at + datetime.timedelta(days=settings.REQUEST_RETRY_AFTER_DAYS)


def request_blocker(
    from_municipality: Municipality, to_municipality: Municipality
) -> RequestError | None:
    """Why the pair cannot start a request now (the error to show or raise), or None.

    The Cooperate page asks it before showing the form; `request_create` asks it
    again under the row locks, so the rule and its messages are written once.
    The error carries where to go instead: the open request or the memorandum.
    """
    if from_municipality.pk == to_municipality.pk:
        return RequestNotAllowed(_("A municipality cannot send a request to itself."))
    if occupied := next((m for m in (to_municipality, from_municipality) if m.is_occupied), None):
        return RequestNotAllowed(occupied.occupation_notice)
    if Partnership.objects.between(from_municipality, to_municipality).exists():
        return RequestNotAllowed(_("These two municipalities are already partners."))
    drafting = Memorandum.objects.between(from_municipality, to_municipality).unsigned()
    if (memorandum := drafting.first()) is not None:
        return MemorandumInProgress(
            _("You are already drafting a memorandum with this municipality."),
            memorandum=memorandum,
        )
    ended = (
        CooperationRequest.objects.ended()
        .between(from_municipality, to_municipality)
        .filter(
            answered_at__gt=timezone.now()
            - datetime.timedelta(days=settings.REQUEST_RETRY_AFTER_DAYS)
        )
        .order_by("-answered_at")
        .first()
    )
    if ended is not None and ended.answered_at is not None:
        until = timezone.localdate(retry_from(ended.answered_at))
        return WaitingPeriod(
            _(
                "A request between these two municipalities was declined or withdrawn on "
                "%(ended)s. A new request can be sent from %(date)s."
            )
            % {
                "ended": date_format(timezone.localdate(ended.answered_at), "SHORT_DATE_FORMAT"),
                "date": date_format(until, "SHORT_DATE_FORMAT"),
            },
            until=until,
        )
    existing = CooperationRequest.objects.open().between(from_municipality, to_municipality).first()
    if existing is not None:
        return OpenRequestExists(
            _("There is already an open request between these two municipalities."),
            existing=existing,
        )
    return None


def request_create(
    *,
    user,
    from_municipality: Municipality,
    to_municipality: Municipality,
    areas: Iterable[CooperationArea],
    form: CooperationForm | str,
    message: str,
    contact_person: str,
) -> CooperationRequest:
    """Create a submitted request and notify the partner after commit.

    "No request where a partnership exists" and "none while the pair drafts a
    memorandum" span tables, so it cannot be a
    constraint: it is checked here while both municipality rows are locked
    (select_for_update, in id order so two requests in opposite directions
    cannot deadlock). The lock also serialises a double submit: the second
    one waits, then finds the open request. The partial unique constraint
    `cooperation_request_one_open_per_pair` backs this up where locks are not
    available (SQLite serialises writers anyway).
    """
    if from_municipality.pk == to_municipality.pk:
        raise RequestNotAllowed(_("A municipality cannot send a request to itself."))
    with transaction.atomic():
        list(
            Municipality.objects.select_for_update()
            .filter(pk__in=[from_municipality.pk, to_municipality.pk])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if (blocker := request_blocker(from_municipality, to_municipality)) is not None:
            raise blocker
        try:
            with transaction.atomic():
                cooperation_request = CooperationRequest.objects.create(
                    from_municipality=from_municipality,
                    to_municipality=to_municipality,
                    form=form,
                    message=message,
                    contact_person=contact_person,
                    created_by=user,
                )
        except IntegrityError as error:
            raise OpenRequestExists(
                _("There is already an open request between these two municipalities."),
                existing=CooperationRequest.objects.open()
                .between(from_municipality, to_municipality)
                .first(),
            ) from error
        cooperation_request.areas.set(areas)
        RequestEvent.objects.create(
            request=cooperation_request, kind=RequestEventKind.SUBMITTED, actor=user
        )
        notifications.notify_request_submitted(cooperation_request)
    return cooperation_request


def request_accept(
    *, cooperation_request: CooperationRequest, user, reply: str = ""
) -> CooperationRequest:
    with transaction.atomic():
        locked = _answer(cooperation_request, user, reply, accepted=True)
        # Same transaction: an accepted request always has its memorandum draft.
        memorandum_open(cooperation_request=locked, actor=user)
    return locked


def request_decline(
    *, cooperation_request: CooperationRequest, user, reply: str = ""
) -> CooperationRequest:
    with transaction.atomic():
        return _answer(cooperation_request, user, reply, accepted=False)


def _answer(cooperation_request, user, reply: str, *, accepted: bool) -> CooperationRequest:
    """The partner's answer, inside the caller's transaction; the sender is told after commit."""
    locked = _lock_open(cooperation_request)
    _close(
        locked,
        status=RequestStatus.ACCEPTED if accepted else RequestStatus.DECLINED,
        kind=RequestEventKind.ACCEPTED if accepted else RequestEventKind.DECLINED,
        user=user,
        note=reply,
        reply=reply,
    )
    notifications.notify_request_answered(locked)
    return locked


def request_withdraw(
    *, cooperation_request: CooperationRequest, user, note: str = ""
) -> CooperationRequest:
    with transaction.atomic():
        locked = _lock_open(cooperation_request)
        _close(
            locked,
            status=RequestStatus.WITHDRAWN,
            kind=RequestEventKind.WITHDRAWN,
            user=user,
            note=note,
        )
        notifications.notify_request_withdrawn(locked)
    return locked


def _lock_open(cooperation_request: CooperationRequest) -> CooperationRequest:
    locked = (
        CooperationRequest.objects.select_for_update(of=("self",))
        .select_related("from_municipality", "to_municipality")
        .get(pk=cooperation_request.pk)
    )
    if not locked.is_open:
        raise InvalidTransition(
            _("This request was already answered or withdrawn (it is now “%(status)s”).")
            % {"status": locked.get_status_display()}
        )
    return locked


def _close(
    cooperation_request: CooperationRequest,
    *,
    status: RequestStatus,
    kind: RequestEventKind,
    user,
    note: str,
    reply: str | None = None,
) -> None:
    cooperation_request.status = status
    cooperation_request.answered_at = timezone.now()
    fields = ["status", "answered_at", "updated_at"]
    if reply is not None:
        cooperation_request.reply = reply
        fields.append("reply")
    cooperation_request.save(update_fields=fields)
    RequestEvent.objects.create(request=cooperation_request, kind=kind, actor=user, note=note)
