from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.models import YearlyAgreement, YearlyDocument


class AgreementInline(admin.TabularInline):
    model = YearlyAgreement
    extra = 0
    fields = ["municipality", "version", "user", "at"]
    readonly_fields = ["municipality", "version", "user", "at"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(YearlyDocument)
class YearlyDocumentAdmin(SimpleHistoryAdmin):
    """Staff read plans and reports here; the two sides write and agree on the portal."""

    list_display = ["partnership", "kind", "year", "status", "version", "agreed_at"]
    list_filter = ["kind", "status", "year"]
    list_select_related = ["partnership__municipality_a", "partnership__municipality_b"]
    readonly_fields = ["partnership", "kind", "year", "version", "status", "agreed_at"]
    inlines = [AgreementInline]
