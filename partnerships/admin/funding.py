"""Funding programmes: their rules are data staff keep current with each call."""

from django.contrib import admin

from partnerships.models import FundingProgramme


@admin.register(FundingProgramme)
class FundingProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "min_countries", "min_member_countries", "active"]
    list_filter = ["active"]
    search_fields = ["name_uk", "name_en"]
