import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)


def method_not_allowed_page(get_response):
    """Give the bare 405 of require_POST / require_safe a page in the site's look."""

    def middleware(request):
        response = get_response(request)
        if response.status_code == 405 and not response.content:
            response.content = render_to_string("405.html", request=request)
            response["Content-Type"] = "text/html; charset=utf-8"
        return response

    return middleware


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer 503 with Retry-After and a page in
    the reader's language, instead of a 500 for every request.

    OperationalError covers a refused or dropped connection, a server shutting down
    and a statement cancelled by the statement timeout; InterfaceError a connection
    already closed. Each is a passing fault: a retry later succeeds. Errors raised
    outside a view (a middleware reading the session) reach `server_error` below.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable_response(exception)
        return None


DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable_response(exception: Exception) -> HttpResponse:
    logger.warning("Database unavailable: %s", (str(exception).strip().splitlines() or [""])[0])
    # No request in the context: the page must not read the session or the user.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(settings.DATABASE_UNAVAILABLE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    # Logged once above as a warning: Django would log every 503 as an error, and
    # an outage would flood Sentry or the ADMINS' mailboxes.
    setattr(response, "_has_been_logged", True)  # noqa: B010 - Django's own flag, not typed
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the same 503 for a database fault raised outside a view."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return database_unavailable_response(exception)
    return defaults.server_error(request)


class StaffTwoFactorMiddleware:
    """Staff reach the admin only with two-factor sign-in set up (STAFF_MFA_REQUIRED,
    on in production): until then every admin page sends them to set up an
    authenticator app, and back to the admin afterwards."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not settings.STAFF_MFA_REQUIRED:
            return None
        match = request.resolver_match
        user = request.user
        if match is None or match.namespace != "admin" or not user.is_authenticated:
            return None
        if not user.is_staff:
            return None
        from allauth.mfa.models import Authenticator

        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(
            request,
            _(
                "Set up two-factor sign-in with an authenticator app before you use the administration."
            ),
        )
        return redirect_to_login(
            request.get_full_path(), reverse("mfa_activate_totp"), REDIRECT_FIELD_NAME
        )
