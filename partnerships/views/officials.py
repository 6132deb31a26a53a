"""Applying to act for a municipality, and the official's dashboard and profile editor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from partnerships import permissions
from partnerships.forms import MunicipalityProfileForm, OfficialApplicationForm
from partnerships.models import (
    CooperationRequest,
    Memorandum,
    Municipality,
    MunicipalityProposal,
    Official,
    Partnership,
)
from partnerships.services import officials as official_services
from partnerships.suggestions import suggest_partners


@login_required
def official_apply(request, slug: str):
    municipality = get_object_or_404(Municipality.objects.select_related("region"), slug=slug)
    active = Official.objects.active().filter(user=request.user).select_related("municipality")
    current = active.first()
    form = OfficialApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST" and current is None:
        if form.is_valid():
            try:
                official_services.official_apply(
                    user=request.user,
                    municipality=municipality,
                    language=get_language() or "uk",
                    **form.cleaned_data,
                )
            except official_services.OfficialError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                messages.success(
                    request,
                    _("Thank you. The ministry will check your application and write to you."),
                )
                return redirect("partnerships:dashboard")
        else:
            status = 400
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "partnerships/official_apply.html",
        {
            "form": form,
            "municipality": municipality,
            "current": current,
            "crumbs": [
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (municipality.name, municipality.get_absolute_url()),
                (_("Act for this municipality"), ""),
            ],
        },
        status=status,
    )


@login_required
def dashboard(request):
    official = permissions.approved_official(request.user)
    if official is None:
        applications = Official.objects.filter(user=request.user).for_queue()
        proposals = MunicipalityProposal.objects.filter(user=request.user)
        return render(
            request,
            "partnerships/dashboard_pending.html",
            {
                "applications": applications,
                "proposals": proposals,
                "crumbs": [(_("My municipality"), "")],
            },
        )
    municipality = Municipality.objects.for_cards().get(pk=official.municipality_id)
    requests = list(CooperationRequest.objects.involving(municipality).with_parties())
    partnerships = list(Partnership.objects.involving(municipality).with_parties())
    memoranda = list(Memorandum.objects.involving(municipality).with_parties())
    for memorandum in memoranda:
        memorandum.partner = memorandum.partner_of(municipality.pk)
    return render(
        request,
        "partnerships/dashboard.html",
        {
            "official": official,
            "municipality": municipality,
            "incoming": [r for r in requests if r.to_municipality_id == municipality.pk],
            "outgoing": [r for r in requests if r.from_municipality_id == municipality.pk],
            "partners": [(p, p.partner_of(municipality)) for p in partnerships],
            "memoranda": memoranda,
            "suggestions": suggest_partners(municipality),
            "crumbs": [(_("My municipality"), "")],
        },
    )


@login_required
def profile_edit(request):
    municipality = permissions.municipality_for_official(request.user)
    form = MunicipalityProfileForm(
        request.POST or None, request.FILES or None, instance=municipality
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The profile was saved."))
            return redirect("partnerships:dashboard")
        status = 400
    return render(
        request,
        "partnerships/profile_form.html",
        {
            "form": form,
            "municipality": municipality,
            "crumbs": [
                (_("My municipality"), reverse("partnerships:dashboard")),
                (_("Edit the profile"), ""),
            ],
        },
        status=status,
    )
