"""Temporarily occupied territory: the regions the data marks as wholly occupied."""

from partnerships.models import Municipality
from partnerships.models.municipality import OCCUPATION_START, OCCUPIED_REGION_CODES


def mark_occupied_regions() -> int:
    """Give every community of Crimea and Sevastopol the date the occupation began, unless
    it has one already (a date staff set is kept, so a second run changes nothing).
    Returns how many were marked."""
    return (
        Municipality.objects.filter(region__code__in=OCCUPIED_REGION_CODES)
        .not_occupied()
        .update(occupied_since=OCCUPATION_START)
    )
