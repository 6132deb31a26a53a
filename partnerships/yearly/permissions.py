"""Who may do what with a yearly plan or report: either side's approved officials draft
and agree (partnerships.activities.permissions says who acts for a side); they and staff
read drafts; everyone reads what both sides agreed to, and gets a 404 for a draft."""

from django.http import Http404

from partnerships.activities.permissions import PartnershipAccess

from .models import YearlyDocument


def can_read(user, access: PartnershipAccess, document: YearlyDocument) -> bool:
    return document.is_agreed or access.side_id is not None or user.is_staff


def check_readable(user, access: PartnershipAccess, document: YearlyDocument) -> None:
    if not can_read(user, access, document):
        raise Http404
