"""Demo memoranda: a draft for every accepted request that has none yet.

Harmless when there are no accepted requests (it does nothing), and safe to
re-run: `memorandum_open` returns the existing draft. The lead wires this into
`load_demo` once the demo officials and requests exist.
"""

from partnerships.choices import RequestStatus
from partnerships.models import CooperationRequest, Official
from partnerships.services.memoranda import memorandum_open


def load() -> int:
    """Open the missing drafts; returns how many were opened."""
    opened = 0
    for request in CooperationRequest.objects.filter(
        status=RequestStatus.ACCEPTED, memorandum__isnull=True
    ).select_related("to_municipality"):
        official = (
            Official.objects.approved()
            .filter(municipality=request.to_municipality)
            .select_related("user")
            .first()
        )
        memorandum_open(cooperation_request=request, actor=official.user if official else None)
        opened += 1
    return opened
