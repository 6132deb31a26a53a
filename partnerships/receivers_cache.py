"""Drop the cached registry pages on every write under them (partnerships.caching)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from partnerships.caching import registry_changed
from partnerships.models import (
    CooperationArea,
    CooperationRequest,
    Memorandum,
    Municipality,
    Partnership,
    Region,
)


@receiver(post_save, sender=Municipality, dispatch_uid="registry_cache_municipality_saved")
@receiver(post_delete, sender=Municipality, dispatch_uid="registry_cache_municipality_deleted")
@receiver(post_save, sender=Region, dispatch_uid="registry_cache_region_saved")
@receiver(post_delete, sender=Region, dispatch_uid="registry_cache_region_deleted")
@receiver(post_save, sender=CooperationArea, dispatch_uid="registry_cache_area_saved")
@receiver(post_delete, sender=CooperationArea, dispatch_uid="registry_cache_area_deleted")
@receiver(post_save, sender=Partnership, dispatch_uid="registry_cache_partnership_saved")
@receiver(post_delete, sender=Partnership, dispatch_uid="registry_cache_partnership_deleted")
# A profile shows its open requests' count and its partners' signed memoranda.
@receiver(post_save, sender=CooperationRequest, dispatch_uid="registry_cache_request_saved")
@receiver(post_delete, sender=CooperationRequest, dispatch_uid="registry_cache_request_deleted")
@receiver(post_save, sender=Memorandum, dispatch_uid="registry_cache_memorandum_saved")
@receiver(post_delete, sender=Memorandum, dispatch_uid="registry_cache_memorandum_deleted")
def registry_cache_dropped(sender, **kwargs) -> None:
    registry_changed()


@receiver(m2m_changed, sender=Municipality.offers.through, dispatch_uid="registry_cache_offers")
@receiver(m2m_changed, sender=Municipality.needs.through, dispatch_uid="registry_cache_needs")
def registry_cache_dropped_by_areas(sender, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        registry_changed()
