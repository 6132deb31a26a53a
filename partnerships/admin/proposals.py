"""Admin of proposed municipalities: review with hints, approve or reject with a note."""

from typing import Any

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from partnerships.models import MunicipalityProposal
from partnerships.models.official import APPLICATION_FIELDS
from partnerships.models.proposal import PROPOSED_FIELDS
from partnerships.services.proposals import (
    ProposalError,
    domain_hint,
    possible_duplicates,
    proposal_approve,
    proposal_reject,
)

from .registry import country_choices


class ProposalCountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return country_choices(
            MunicipalityProposal.objects.order_by().values_list("country", flat=True).distinct()
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(country=self.value())
        return queryset


@admin.register(MunicipalityProposal)
class MunicipalityProposalAdmin(admin.ModelAdmin):
    """Staff may correct what the applicant typed while the proposal is pending; the
    status changes only through the buttons and actions, which call the service."""

    list_display = ["name", "country", "user", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status", ProposalCountryFilter, "language"]
    list_select_related = ["user", "decided_by"]
    search_fields = ["name", "name_native", "user__email", "work_email", "website"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject"]
    readonly_fields = [
        "user",
        "status",
        "domain_check",
        "duplicates",
        "municipality",
        "decided_by",
        "decided_at",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["user", "status", "domain_check", "duplicates"]}),
        (_("The municipality"), {"fields": PROPOSED_FIELDS}),
        (_("The applicant"), {"fields": APPLICATION_FIELDS}),
        (
            _("Decision"),
            {"fields": ["decision_note", "municipality", "decided_by", "decided_at", "created_at"]},
        ),
    ]

    def has_add_permission(self, request):
        # Proposals come from their applicants, through the site.
        return False

    def get_readonly_fields(self, request, obj=None):
        fields: list[Any] = list(super().get_readonly_fields(request, obj))
        if obj is not None and not obj.is_pending:
            # A decided proposal is a record: only its note may still be corrected.
            fields += [
                name
                for fieldset in self.fieldsets
                for name in fieldset[1]["fields"]
                if name not in fields and name != "decision_note"
            ]
        return fields

    @admin.display(description=_("e-mail and website"))
    def domain_check(self, proposal: MunicipalityProposal):
        hint = domain_hint(proposal)
        if hint.matches:
            return format_html(
                "✔ {}",
                _("The work e-mail (%(email)s) is at the website's domain (%(site)s).")
                % {"email": hint.email_domain, "site": hint.website_host},
            )
        return format_html(
            "<strong>⚠ {}</strong>",
            _(
                "The work e-mail (%(email)s) is not at the website's domain (%(site)s): "
                "check that the applicant works there."
            )
            % {"email": hint.email_domain, "site": hint.website_host or "—"},
        )

    @admin.display(description=_("possible duplicates"))
    def duplicates(self, proposal: MunicipalityProposal):
        found = possible_duplicates(proposal)
        if not found:
            return _("No municipality of this country has a similar name.")
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a> (<a href="{}">{}</a>)',
            (
                (
                    reverse("admin:partnerships_municipality_change", args=[m.pk]),
                    m.name,
                    m.get_absolute_url(),
                    _("profile"),
                )
                for m in found
            ),
        )
        return format_html("<strong>⚠ {}</strong> {}", _("Similar names:"), links)

    def response_change(self, request, obj):
        # The two buttons of the change page: save the form (the note), then decide.
        for button, decide in (("_approve", proposal_approve), ("_reject", proposal_reject)):
            if button in request.POST:
                self._decide(request, [obj], decide)
                return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @admin.action(description=_("Approve the selected proposals"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(request, queryset, proposal_approve)

    @admin.action(description=_("Reject the selected proposals"), permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, proposal_reject)

    def _decide(self, request, proposals, decide):
        done, refused, status = 0, [], ""
        for proposal in proposals:
            try:
                decided = decide(proposal=proposal, by=request.user)
            except ProposalError as error:
                refused.append(str(error))
            else:
                done += 1
                status = decided.get_status_display()
        if done:
            self.message_user(
                request,
                _("%(count)d proposal(s) are now “%(status)s”; the applicants were e-mailed.")
                % {"count": done, "status": status},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.WARNING)
