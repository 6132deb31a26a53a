"""What the registry's pages cache, and what drops it.

"registry": the rendered list part of the directory (municipality cards, filters,
pages) and the public parts of the profiles (partners, areas, figures, map). Any write
to a municipality, region, area of cooperation, a municipality's offers or needs, a
partnership, a request for cooperation or a memorandum starts a new generation
(the receivers below, connected by the app's ready()); so do a registry import and a memorandum's publish
flags, which are written without signals.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core import caching
from partnerships.models import (
    CooperationArea,
    CooperationRequest,
    Memorandum,
    Municipality,
    Partnership,
    Region,
)


def registry_generation() -> str:
    return caching.token("registry")


def registry_changed() -> None:
    caching.bump("registry")


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
