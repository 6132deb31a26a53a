from django.contrib import admin

from partnerships.models import Activity, ActivityContribution


class ContributionInline(admin.TabularInline):
    model = ActivityContribution
    extra = 0
    fields = ["municipality", "note", "photo", "created_by", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["municipality"]
    raw_id_fields = ["created_by"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "municipality", "kind", "happened_on", "status"]
    list_filter = ["status", "kind"]
    list_select_related = [
        "municipality",
        "partnership__municipality_a",
        "partnership__municipality_b",
    ]
    search_fields = ["title", "description"]
    autocomplete_fields = ["partnership", "municipality"]
    raw_id_fields = ["created_by"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "happened_on"
    inlines = [ContributionInline]
