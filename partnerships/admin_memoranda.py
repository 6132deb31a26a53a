"""Admin for memoranda: state, parties, agreements and the version history."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .memorandum_text import SECTION_KEYS
from .models import Memorandum, MemorandumAgreement


class MemorandumAgreementInline(admin.TabularInline):
    model = MemorandumAgreement
    extra = 0
    fields = ["municipality", "version", "user", "at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Memorandum)
class MemorandumAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "status", "version", "signed_on", "public", "updated_at"]
    list_filter = ["status", "published_a", "published_b"]
    list_select_related = ["party_a", "party_b"]
    search_fields = ["party_a__name_uk", "party_a__name_en", "party_b__name_uk", "party_b__name_en"]
    date_hierarchy = "created_at"
    history_list_display = ["version", "status"]
    inlines = [MemorandumAgreementInline]
    # State changes go through the services (they create the partnership and
    # close the request); here staff read, correct texts and publish flags.
    readonly_fields = [
        "request",
        "party_a",
        "party_b",
        "status",
        "version",
        "signed_on",
        "signed_place",
        "signed_scan",
        "signed_by",
        "partnership",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["request", "party_a", "party_b", "status", "version"]}),
        (_("Title"), {"fields": ["title_uk", "title_en"]}),
        (
            _("Sections"),
            {
                "classes": ["collapse"],
                "fields": [f"{key}_{lang}" for key in SECTION_KEYS for lang in ("uk", "en")],
            },
        ),
        (
            _("Signing"),
            {"fields": ["signed_on", "signed_place", "signed_scan", "signed_by", "partnership"]},
        ),
        (_("Publication"), {"fields": ["published_a", "published_b"]}),
        (None, {"fields": ["created_at", "updated_at"]}),
    ]

    def has_add_permission(self, request):
        return False  # a memorandum opens only from an accepted request

    def save_model(self, request, obj, form, change):
        # A text corrected in admin is a new version, like one saved on the portal.
        if change and any(name.endswith(("_uk", "_en")) for name in form.changed_data):
            obj.version += 1
            obj.status = "draft"
            super().save_model(request, obj, form, change)
            obj.agreements.all().delete()
        else:
            obj.save_without_historical_record()

    @admin.display(description=_("public"), boolean=True)
    def public(self, memorandum):
        return memorandum.is_public
