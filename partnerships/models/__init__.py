from partnerships.activities.models import Activity, ActivityContribution, ActivityQuerySet
from partnerships.memoranda.models import Memorandum, MemorandumAgreement, MemorandumQuerySet
from partnerships.memoranda.signatures import MemorandumSignature
from partnerships.yearly.models import YearlyAgreement, YearlyDocument, YearlyDocumentQuerySet

from .conversation import Message, MessageQuerySet, ThreadReading
from .cooperation import CooperationRequest, CooperationRequestQuerySet, RequestEvent
from .funding import FundingProgramme, FundingProgrammeQuerySet
from .municipality import CooperationArea, Municipality, MunicipalityQuerySet, Region
from .official import Official, OfficialQuerySet
from .partnership import Partnership, PartnershipQuerySet
from .proposal import MunicipalityProposal, MunicipalityProposalQuerySet, ProposalStatus

__all__ = [
    "Activity",
    "ActivityContribution",
    "ActivityQuerySet",
    "CooperationArea",
    "CooperationRequest",
    "CooperationRequestQuerySet",
    "FundingProgramme",
    "FundingProgrammeQuerySet",
    "Memorandum",
    "MemorandumAgreement",
    "MemorandumQuerySet",
    "MemorandumSignature",
    "Message",
    "MessageQuerySet",
    "Municipality",
    "MunicipalityProposal",
    "MunicipalityProposalQuerySet",
    "MunicipalityQuerySet",
    "Official",
    "OfficialQuerySet",
    "Partnership",
    "PartnershipQuerySet",
    "ProposalStatus",
    "Region",
    "RequestEvent",
    "ThreadReading",
    "YearlyAgreement",
    "YearlyDocument",
    "YearlyDocumentQuerySet",
]
