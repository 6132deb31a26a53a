from .municipality import CooperationArea, Municipality, MunicipalityQuerySet, Region
from .partnership import Partnership, PartnershipQuerySet

__all__ = [
    "CooperationArea",
    "Municipality",
    "MunicipalityQuerySet",
    "Partnership",
    "PartnershipQuerySet",
    "Region",
]
