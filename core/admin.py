"""Notifications and mail preferences in the admin: to look, not to write."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import MailPreference, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["shown_title", "recipient", "kind", "created_at", "read_at", "digest_pending"]
    list_filter = ["kind", "digest_pending"]
    list_select_related = ["recipient"]
    search_fields = ["title", "recipient__email"]
    readonly_fields = [f.name for f in Notification._meta.fields]
    date_hierarchy = "created_at"

    @admin.display(description=_("title"))
    def shown_title(self, obj: Notification) -> str:
        return obj.display_title

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MailPreference)
class MailPreferenceAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "language",
        "requests",
        "messages",
        "memoranda",
        "signatures",
        "decisions",
    ]
    list_filter = ["language"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
