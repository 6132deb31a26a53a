"""Cooperate: the request form, the request page and the answers to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from partnerships import notifications, permissions
from partnerships.forms import AnswerForm, CooperationRequestForm
from partnerships.models import (
    CooperationRequest,
    Municipality,
    Official,
)
from partnerships.services import requests as request_services


@login_required
def cooperate(request, slug: str):
    target = get_object_or_404(
        Municipality.objects.for_cards(),
        slug=slug,
    )
    official = permissions.approved_official(request.user)
    if official is None:
        # Signed in but not (yet) an official: say how to become one, or that the
        # application they sent is waiting for the ministry.
        pending = (
            Official.objects.pending()
            .filter(user=request.user)
            .select_related("municipality")
            .first()
        )
        return render(
            request,
            "partnerships/become_official.html",
            {
                "target": target,
                "pending": pending,
                "crumbs": _target_crumbs(target, _("Cooperate")),
            },
            status=403,
        )
    if official.municipality_id == target.pk:
        raise PermissionDenied
    sender = official.municipality
    blocked = request_services.request_blocker(sender, target)
    # Without officials or a public address the request reaches the ministry only.
    reachable = notifications.is_reachable(target)

    form = CooperationRequestForm(
        request.POST or None,
        sender=sender,
        target=target,
        initial={"contact_person": _contact_line(official, request.user)},
    )
    status = 200
    if request.method == "POST" and blocked is None:
        if form.is_valid():
            try:
                cooperation_request = request_services.request_create(
                    user=request.user,
                    from_municipality=sender,
                    to_municipality=target,
                    areas=form.cleaned_data["areas"],
                    form=form.cleaned_data["form"],
                    message=form.cleaned_data["message"],
                    contact_person=form.cleaned_data["contact_person"],
                )
            except request_services.MemorandumInProgress as error:
                messages.info(request, str(error))
                return redirect(error.memorandum)
            except request_services.OpenRequestExists as error:
                # A double click or a repeated POST lands on the one request.
                messages.info(request, str(error))
                if error.existing is not None:
                    return redirect(error.existing)
                return redirect(target)
            except request_services.RequestError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                if reachable:
                    sent = _("Your request was sent to %(name)s.")
                else:
                    sent = _(
                        "Your request was saved. Nobody acts for %(name)s on the portal "
                        "yet, so the ministry will forward it."
                    )
                messages.success(request, sent % {"name": target.name})
                return redirect(cooperation_request)
        else:
            status = 400
    elif request.method == "POST":
        elsewhere = getattr(blocked, "existing", None) or getattr(blocked, "memorandum", None)
        if elsewhere is not None:
            # A double click or a repeated POST lands on the one open request,
            # or on the memorandum the two are drafting.
            messages.info(request, str(blocked))
            return redirect(elsewhere)
        status = 409
    return render(
        request,
        "partnerships/request_form.html",
        {
            "form": form,
            "target": target,
            "sender": sender,
            "blocked": blocked,
            "reachable": reachable,
            "crumbs": _target_crumbs(target, _("Cooperate")),
        },
        status=status,
    )


def _contact_line(official: Official, user) -> str:
    """The sender's official as a contact: name, position, work e-mail and phone."""
    parts = [user.get_full_name(), official.position, official.work_email, official.phone]
    return ", ".join(part for part in parts if part)[:200]


def _target_crumbs(target: Municipality, label: str) -> list:
    return [
        (_("Municipalities"), reverse("partnerships:municipality-list")),
        (target.name, target.get_absolute_url()),
        (label, ""),
    ]


class RequestDetailView(LoginRequiredMixin, DetailView):
    template_name = "partnerships/request_detail.html"
    context_object_name = "cooperation_request"

    def get_object(self, queryset=None):
        return permissions.get_request_for_user(
            self.request.user,
            self.kwargs["pk"],
            queryset=CooperationRequest.objects.for_detail(),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cooperation_request = self.object
        user = self.request.user
        is_open = cooperation_request.is_open
        context.update(
            timeline=_timeline(cooperation_request, viewer=user),
            can_answer=is_open
            and permissions.acts_for_id(user, cooperation_request.to_municipality_id),
            can_withdraw=is_open
            and permissions.acts_for_id(user, cooperation_request.from_municipality_id),
            answer_form=AnswerForm(),
            crumbs=[
                (_("My municipality"), reverse("partnerships:dashboard")),
                (str(cooperation_request), ""),
            ],
        )
        return context


def _timeline(cooperation_request: CooperationRequest, *, viewer) -> list[tuple]:
    """(event, who) pairs, one query for the events however many there are."""
    events = list(cooperation_request.events.all())
    who = describe_actors(
        sides_of(cooperation_request),
        [event.actor for event in events if event.actor],
        viewer=viewer,
    )
    return [(event, who.get(event.actor_id, "") if event.actor_id else "") for event in events]


def sides_of(cooperation_request: CooperationRequest) -> tuple[Municipality, Municipality]:
    """The two municipalities of a request (and of its memorandum, its parties a and b)."""
    return cooperation_request.from_municipality, cooperation_request.to_municipality


def describe_actors(pair: tuple[Municipality, Municipality], actors, *, viewer) -> dict[int, str]:
    """Who acted, by user id: the official's name or position and municipality of the
    pair (the partner sees the person's role, not their personal login e-mail), or the
    ministry. Staff see the e-mail as well. One query, however many actors."""
    sides = {municipality.pk: municipality for municipality in pair}
    users = {actor.pk: actor for actor in actors}
    if not users:
        return {}
    # Oldest first, so the latest record for the user wins.
    acting = {
        official.user_id: official
        for official in Official.objects.filter(
            user_id__in=list(users), municipality_id__in=list(sides)
        ).order_by("created_at", "pk")
    }
    described = {}
    for user in users.values():
        who = ""
        official = acting.get(user.pk)
        if official is not None:
            who = _("%(who)s, %(municipality)s") % {
                "who": user.get_full_name() or official.position,
                "municipality": sides[official.municipality_id].name,
            }
        elif user.is_staff:
            who = _("the ministry")
        if viewer.is_staff:
            who = f"{who} ({user.email})" if who else user.email
        described[user.pk] = who
    return described


@login_required
@require_POST
def request_accept(request, pk: int):
    return _answer(request, pk, request_services.request_accept, _("You accepted the request."))


@login_required
@require_POST
def request_decline(request, pk: int):
    return _answer(request, pk, request_services.request_decline, _("You declined the request."))


def _answer(request, pk: int, service, success: str):
    cooperation_request = permissions.get_request_to_answer(request.user, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reply is too long (5,000 characters at most)."))
        return redirect(cooperation_request)
    try:
        service(
            cooperation_request=cooperation_request,
            user=request.user,
            reply=form.cleaned_data["reply"],
        )
    except request_services.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect(cooperation_request)


@login_required
@require_POST
def request_withdraw(request, pk: int):
    cooperation_request = permissions.get_request_to_withdraw(request.user, pk)
    try:
        request_services.request_withdraw(
            cooperation_request=cooperation_request, user=request.user
        )
    except request_services.RequestError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You withdrew the request."))
    return redirect(cooperation_request)
