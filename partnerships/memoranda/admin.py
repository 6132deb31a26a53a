"""Admin for memoranda: state, parties, agreements, signatures and the version history."""

from itertools import pairwise

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from partnerships.caching import registry_changed

from .models import Memorandum, MemorandumAgreement
from .signatures import MemorandumSignature
from .text import SECTION_KEYS

TEXT_FIELDS = [f"{key}_{lang}" for key in SECTION_KEYS for lang in ("uk", "other")]


class MemorandumAgreementInline(admin.TabularInline):
    model = MemorandumAgreement
    extra = 0
    fields = ["municipality", "version", "user", "at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class MemorandumSignatureInline(admin.TabularInline):
    """Each side's signature, as its official recorded it; staff read, never sign."""

    model = MemorandumSignature
    extra = 0
    fields = (
        "side",
        "version",
        "signed_on",
        "place",
        "signatory_name",
        "signatory_position",
        "signed_scan",
        "recorded_by",
        "recorded_at",
    )
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("signed scan (PDF)"))
    def signed_scan(self, signature):
        # The scan is private: linked through the view that checks access, never a file URL.
        if not signature.scan:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("partnerships:memorandum-scan", args=[signature.memorandum_id, signature.side]),
            _("Download"),
        )


@admin.register(Memorandum)
class MemorandumAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "version", "signed_on", "public", "updated_at"]
    list_filter = ["status", "published_a", "published_b"]
    list_select_related = ["party_a", "party_b"]
    search_fields = ["party_a__name_uk", "party_a__name_en", "party_b__name_uk", "party_b__name_en"]
    date_hierarchy = "created_at"
    object_history_list_template = "admin/partnerships/memorandum/history_list.html"
    inlines = [MemorandumAgreementInline, MemorandumSignatureInline]
    # Staff read the text and its history but never write it: the parties edit it
    # on the portal, where every save is a version checked against conflicts and
    # clears both agreements. State changes go through the services too (they
    # create the partnership and close the request). What staff may correct here
    # is whether a signed text is published.
    readonly_fields = [
        "request",
        "party_a",
        "party_b",
        "status",
        "version",
        "language",
        "title_uk",
        "title_other",
        *TEXT_FIELDS,
        "signed_on",
        "partnership",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["request", "party_a", "party_b", "status", "version", "language"]}),
        (_("Title"), {"fields": ["title_uk", "title_other"]}),
        (_("Sections"), {"classes": ["collapse"], "fields": TEXT_FIELDS}),
        (
            _("Signing"),
            {"fields": ["signed_on", "partnership"]},
        ),
        (_("Publication"), {"fields": ["published_a", "published_b"]}),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    def has_add_permission(self, request):
        return False  # a memorandum opens only from an accepted request

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is None or not obj.is_signed:
            # Only a signed text can be published.
            readonly += ["published_a", "published_b"]
        return readonly

    def save_model(self, request, obj, form, change):
        # Write only what the form changed (the publish flags), without a history row:
        # a full save() would write back the text, version and status as loaded, over
        # a version a party saved on the portal a moment ago.
        changed = {name: getattr(obj, name) for name in form.changed_data}
        if changed:
            Memorandum.objects.filter(pk=obj.pk).update(**changed, updated_at=timezone.now())
            registry_changed()  # profiles and dashboards show memoranda

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # Name the changed fields only: the texts are compared on the portal, and
        # printing whole sections twice made the history page a wall of text.
        for newer, older in pairwise(historical_records):
            delta = newer.diff_against(older, excluded_fields=["version"])
            newer.changed_fields = [
                capfirst(Memorandum._meta.get_field(change.field).verbose_name)
                for change in delta.changes
            ]

    def history_view_title(self, request, obj):
        return _("Versions of %(memorandum)s") % {"memorandum": obj}

    def history_form_view_title(self, request, obj):
        return _("Version %(version)s of %(memorandum)s") % {
            "version": obj.version,
            "memorandum": obj,
        }

    # The history is for reading. Reverting would write an old text back as the
    # current one, rolling the version number back with no new version recorded.
    def revert_disabled(self, request, obj=None):
        return True

    def has_change_history_permission(self, request, obj=None):
        return False

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "GET":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.display(description=_("public"), boolean=True)
    def public(self, memorandum):
        return memorandum.is_public
