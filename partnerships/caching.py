"""What the registry's pages cache, and what drops it.

"registry": the rendered list part of the directory (municipality cards, filters,
pages) and the public parts of the profiles (partners, areas, figures, map). Any write
to a municipality, region, area of cooperation, a municipality's offers or needs, a
partnership, a request for cooperation or a memorandum starts a new generation
(the receivers below, connected by the app's ready()); so do a registry import and a memorandum's publish
flags, which are written without signals.

"memorandum:<request>": what a memorandum's page shows beside its own row (its
agreements, signatures and its request's conversation, with each reader's read mark):
any save or delete of those (below), and the conversation service's update() writes
(hiding a message, a reader's read mark).

"activities": what shows activities, yearly plans and reports (the partnership pages'
main part, the profiles' activities): any save or delete of an activity, an addition to
one or a yearly document starts a new one (below), as the services do for their
update() writes.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from core import caching
from partnerships.models import (
    Activity,
    ActivityContribution,
    CooperationArea,
    CooperationRequest,
    FundingProgramme,
    Memorandum,
    MemorandumAgreement,
    MemorandumSignature,
    Message,
    Municipality,
    Partnership,
    Region,
    YearlyDocument,
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
# The partnership page's funding hints.
@receiver(post_save, sender=FundingProgramme, dispatch_uid="registry_cache_programme_saved")
@receiver(post_delete, sender=FundingProgramme, dispatch_uid="registry_cache_programme_deleted")
@receiver(post_save, sender=Memorandum, dispatch_uid="registry_cache_memorandum_saved")
@receiver(post_delete, sender=Memorandum, dispatch_uid="registry_cache_memorandum_deleted")
def registry_cache_dropped(sender, **kwargs) -> None:
    registry_changed()


@receiver(m2m_changed, sender=Municipality.offers.through, dispatch_uid="registry_cache_offers")
@receiver(m2m_changed, sender=Municipality.needs.through, dispatch_uid="registry_cache_needs")
def registry_cache_dropped_by_areas(sender, action: str, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        registry_changed()


# "activities": the partnership pages' timelines and the profiles' activities (with the
# partnerships' health, which activities and agreed reports make). The services bump it
# too, for writes made with update(); these catch the admin's and every other save.
@receiver(post_save, sender=Activity, dispatch_uid="activities_cache_activity_saved")
@receiver(post_delete, sender=Activity, dispatch_uid="activities_cache_activity_deleted")
@receiver(post_save, sender=ActivityContribution, dispatch_uid="activities_cache_part_saved")
@receiver(post_delete, sender=ActivityContribution, dispatch_uid="activities_cache_part_deleted")
@receiver(post_save, sender=YearlyDocument, dispatch_uid="activities_cache_yearly_saved")
@receiver(post_delete, sender=YearlyDocument, dispatch_uid="activities_cache_yearly_deleted")
def activities_cache_dropped(sender, **kwargs) -> None:
    caching.bump("activities")


def memorandum_generation(request_id: int) -> str:
    return f"memorandum:{request_id}"


def memorandum_changed(request_id: int) -> None:
    caching.bump(memorandum_generation(request_id))


@receiver(post_save, sender=MemorandumAgreement, dispatch_uid="memorandum_cache_agreement_saved")
@receiver(
    post_delete, sender=MemorandumAgreement, dispatch_uid="memorandum_cache_agreement_deleted"
)
@receiver(post_save, sender=MemorandumSignature, dispatch_uid="memorandum_cache_signature_saved")
@receiver(
    post_delete, sender=MemorandumSignature, dispatch_uid="memorandum_cache_signature_deleted"
)
def memorandum_cache_dropped_by_its_parts(sender, instance, **kwargs) -> None:
    request_id = (
        Memorandum.objects.filter(pk=instance.memorandum_id)
        .values_list("request_id", flat=True)
        .first()
    )
    if request_id is not None:
        memorandum_changed(request_id)


@receiver(post_save, sender=Message, dispatch_uid="memorandum_cache_message_saved")
@receiver(post_delete, sender=Message, dispatch_uid="memorandum_cache_message_deleted")
def memorandum_cache_dropped_by_a_message(sender, instance, **kwargs) -> None:
    memorandum_changed(instance.request_id)
