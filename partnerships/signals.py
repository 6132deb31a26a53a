"""Signals other parts of the portal connect to."""

from django.dispatch import Signal

# Sent by services.requests.request_accept inside its transaction, after the
# request is marked accepted. Receivers get `cooperation_request` and `actor`
# and may write rows atomically with the acceptance (the memorandum opens its
# draft here); an exception in a receiver rolls the acceptance back.
request_accepted = Signal()
