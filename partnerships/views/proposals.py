"""A foreign municipality that is not in the registry: its official proposes it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from partnerships.forms import MunicipalityProposalForm
from partnerships.models import MunicipalityProposal
from partnerships.services import proposals as proposal_services


@login_required
def proposal_create(request):
    refusal = proposal_services.refusal_for(request.user)
    form = MunicipalityProposalForm(
        request.POST or None,
        initial={"language": get_language() or "en", "country": request.GET.get("country", "")},
    )
    status = 200
    if request.method == "POST" and refusal is None:
        if form.is_valid():
            try:
                proposal = proposal_services.proposal_create(user=request.user, **form.cleaned_data)
            except proposal_services.ProposalError as error:
                form.add_error(None, str(error))
                status = 409
            else:
                messages.success(
                    request,
                    _("Thank you. The ministry will check your proposal and write to you."),
                )
                return redirect(proposal)
        else:
            status = 400
    elif request.method == "POST":
        status = 409
    pending = MunicipalityProposal.objects.pending().filter(user=request.user).first()
    return render(
        request,
        "partnerships/proposal_form.html",
        {
            "form": form,
            "refusal": refusal,
            "pending": pending,
            "crumbs": [
                (_("Municipalities"), reverse("partnerships:municipality-list")),
                (_("Add a municipality"), ""),
            ],
        },
        status=status,
    )


@login_required
def proposal_detail(request, pk: int):
    # Only its author sees a proposal; staff review it in the administration.
    proposal = get_object_or_404(
        MunicipalityProposal.objects.select_related("municipality"), pk=pk, user=request.user
    )
    return render(
        request,
        "partnerships/proposal_detail.html",
        {
            "proposal": proposal,
            "crumbs": [
                (_("My municipality"), reverse("partnerships:dashboard")),
                (proposal.name, ""),
            ],
        },
    )
