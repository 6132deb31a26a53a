from functools import partial

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.languages import language_links
from partnerships.permissions import approved_official


def portal(request):
    return {
        "PORTAL_CONTACT_EMAIL": settings.PORTAL_CONTACT_EMAIL,
        # The approved Official of the user, or None. Templates call it lazily:
        # no query on pages that never ask, at most one per request (cached on the user).
        # A request refused before the auth middleware (bad Host: a 400 page) has no user.
        "user_official": partial(approved_official, getattr(request, "user", None)),
        # A view rendering a page at another address (a form's POST URL) passes its own.
        # Lazy: a part rendered on its own (render_to_string with the request) or a page
        # that passes its own never builds it.
        "language_links": SimpleLazyObject(lambda: language_links(request.get_full_path())),
    }
