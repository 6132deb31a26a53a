from partnerships.memoranda.models import Memorandum, MemorandumAgreement, MemorandumQuerySet

from .cooperation import CooperationRequest, CooperationRequestQuerySet, RequestEvent
from .municipality import CooperationArea, Municipality, MunicipalityQuerySet, Region
from .official import Official, OfficialQuerySet
from .partnership import Partnership, PartnershipQuerySet

__all__ = [
    "CooperationArea",
    "CooperationRequest",
    "CooperationRequestQuerySet",
    "Memorandum",
    "MemorandumAgreement",
    "MemorandumQuerySet",
    "Municipality",
    "MunicipalityQuerySet",
    "Official",
    "OfficialQuerySet",
    "Partnership",
    "PartnershipQuerySet",
    "Region",
    "RequestEvent",
]
