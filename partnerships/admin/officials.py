"""Admin of officials: the queue of applications, approve, reject, revoke."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from partnerships.choices import OfficialStatus
from partnerships.models import (
    Official,
)
from partnerships.services.officials import OfficialError, official_decide

from .registry import country_choices


class OfficialAdminForm(forms.ModelForm):
    """Staff may record an application themselves; it starts as "applied"."""

    class Meta:
        model = Official
        fields = [
            "user",
            "municipality",
            "position",
            "work_email",
            "phone",
            "note",
            "language",
            "decision_note",
        ]

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        user = cleaned.get("user")
        # The status field is read-only here, so Django's constraint validation skips
        # official_one_active_record_per_user: say it as a form error, not a 500.
        if (
            self.instance.pk is None
            and user is not None
            and Official.objects.active().filter(user=user).exists()
        ):
            self.add_error(
                "user",
                _("This user already has a pending or approved record. Reject or revoke it first."),
            )
        return cleaned


class OfficialCountryFilter(admin.SimpleListFilter):
    """The official's municipality is in the country; choices are country names, not codes."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        return country_choices(
            Official.objects.order_by().values_list("municipality__country", flat=True).distinct()
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(municipality__country=self.value())
        return queryset


@admin.register(Official)
class OfficialAdmin(SimpleHistoryAdmin):
    """The queue of applications: filter on "applied", select, approve or reject."""

    list_display = [
        "user",
        "municipality",
        "status",
        "position",
        "work_email",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    list_filter = ["status", "language", OfficialCountryFilter]
    list_select_related = ["user", "municipality", "decided_by"]
    search_fields = [
        "user__email",
        "work_email",
        "municipality__name_uk",
        "municipality__name_en",
        "position",
    ]
    form = OfficialAdminForm
    autocomplete_fields = ["user", "municipality"]
    # The status changes only through the actions below, which call the service
    # (state machine, decision fields, e-mail); who acts for which municipality is
    # fixed once applied: a different user or municipality is a new application.
    readonly_fields = ["status", "decided_by", "decided_at", "created_at"]
    actions = ["approve", "reject", "revoke"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields += ["user", "municipality"]
        return fields

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(request, queryset, OfficialStatus.APPROVED)

    @admin.action(description=_("Reject the selected applications"), permissions=["change"])
    def reject(self, request, queryset):
        self._decide(request, queryset, OfficialStatus.REJECTED)

    @admin.action(description=_("Revoke the selected officials"), permissions=["change"])
    def revoke(self, request, queryset):
        self._decide(request, queryset, OfficialStatus.REVOKED)

    def _decide(self, request, queryset, status):
        done, refused = 0, []
        for official in queryset:
            try:
                official_decide(official=official, status=status, by=request.user)
            except OfficialError as error:
                refused.append(str(error))
            else:
                done += 1
        if done:
            self.message_user(
                request,
                _("%(count)d record(s) are now “%(status)s”; the applicants were e-mailed.")
                % {"count": done, "status": OfficialStatus(status).label},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.WARNING)
