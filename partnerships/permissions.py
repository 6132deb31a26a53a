"""Who may act for which municipality, and who may see or answer a request.

Every view that changes data calls one of these helpers; denials are
PermissionDenied (403) for people who may see the object and Http404 for
those who may not even know it exists.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import FilteredRelation, Q
from django.http import Http404

from partnerships.choices import OfficialStatus
from partnerships.models import CooperationRequest, Municipality, Official

_CACHE = "_approved_official_cache"


def user_with_approved_official(user_id):
    """The user, with their approved Official record read in the same query (what
    `approved_official` then answers without one), or None. Its municipality is read
    when a page uses more of it than its id (the widest row: most pages do not).

    The database holds at most one applied or approved record a user, so the join
    gives one row."""
    users = get_user_model()._default_manager.annotate(
        approved_record=FilteredRelation(
            "official_records", condition=Q(official_records__status=OfficialStatus.APPROVED)
        )
    )
    # The stubs know no FilteredRelation names in select_related().
    user = users.select_related("approved_record").filter(pk=user_id).first()  # type: ignore[misc]
    if user is not None:
        official = getattr(user, "approved_record", None)
        if official is not None:
            official.user = user
        setattr(user, _CACHE, official)
    return user


def approved_official(user) -> Official | None:
    """The user's approved Official record, or None. One query, cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, _CACHE):
        setattr(
            user,
            _CACHE,
            Official.objects.approved().select_related("municipality").filter(user=user).first(),
        )
    return getattr(user, _CACHE)


def acts_for_id(user, municipality_id: int) -> bool:
    official = approved_official(user)
    return official is not None and official.municipality_id == municipality_id


def municipality_for_official(user) -> Municipality:
    """The municipality the user acts for; 403 if they are not an approved official."""
    official = approved_official(user)
    if official is None:
        raise PermissionDenied
    return official.municipality


def get_request_for_user(user, pk: int, *, queryset=None) -> CooperationRequest:
    """A request the user may see (staff, or officials of either side); 404 otherwise."""
    queryset = queryset if queryset is not None else CooperationRequest.objects.all()
    try:
        return queryset.visible_to(user).get(pk=pk)
    except CooperationRequest.DoesNotExist:
        raise Http404 from None


def get_request_to_answer(user, pk: int) -> CooperationRequest:
    """Accept/decline: only the receiving side's officials. 404 for outsiders, 403 for others."""
    cooperation_request = get_request_for_user(user, pk)
    if not acts_for_id(user, cooperation_request.to_municipality_id):
        raise PermissionDenied
    return cooperation_request


def get_request_to_withdraw(user, pk: int) -> CooperationRequest:
    """Withdraw: only the sending side's officials. 404 for outsiders, 403 for others."""
    cooperation_request = get_request_for_user(user, pk)
    if not acts_for_id(user, cooperation_request.from_municipality_id):
        raise PermissionDenied
    return cooperation_request
