"""Open the memorandum draft when a request is accepted.

The receiver runs inside the accept transaction, so a failure to open the
draft rolls the acceptance back: an accepted request always has a memorandum.
"""

from django.dispatch import receiver

from partnerships.models import CooperationRequest
from partnerships.services.memoranda import memorandum_open
from partnerships.signals import request_accepted


@receiver(request_accepted, sender=CooperationRequest, dispatch_uid="memorandum_open")
def open_memorandum_on_acceptance(sender, *, cooperation_request, actor, **kwargs) -> None:
    memorandum_open(cooperation_request=cooperation_request, actor=actor)
