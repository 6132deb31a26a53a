from django.dispatch import Signal

# Sent by services.requests.request_accept inside its transaction, with
# kwargs cooperation_request=<CooperationRequest> and actor=<User>.
request_accepted = Signal()
