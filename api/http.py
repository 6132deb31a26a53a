"""What every answer of the API carries: CORS for reading, cache validators and a rate
limit per client (allauth's, the one that guards the sign-in)."""

import hashlib
import math
from collections.abc import Callable
from functools import wraps

from allauth.core.internal import ratelimit
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

# How long a client or a shared cache may keep an answer without asking again.
MAX_AGE = 5 * 60
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


def rate_limited(request: HttpRequest) -> HttpResponse | None:
    """A 429 with Retry-After once the client (by address) has used up API_RATE_LIMIT."""
    config = {"read": settings.API_RATE_LIMIT}
    usage = ratelimit.consume(request, app="api", action="read", config=config, limit_get=True)
    if usage is not None:
        return None
    rates = ratelimit.get_rates(app="api", action="read", config=config)
    response = JsonResponse({"detail": "Too many requests: try again later."}, status=429)
    # The longest window is the latest the client must wait before a request counts again.
    response["Retry-After"] = str(math.ceil(max(rate.duration for rate in rates)))
    _cross_origin(response)
    return response


def _cross_origin(response: HttpResponse) -> None:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Expose-Headers"] = "ETag, Retry-After"


def api_endpoint(generations: Callable[[], str]) -> Callable:
    """Wraps a read-only API view. `generations` names the cached data generations the
    answer is made from (core.caching): while they stand, the ETag stands, so a client
    that sends it back gets a 304 without a query."""

    def wrap(view: Callable) -> Callable:
        @wraps(view)
        def answer(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            refused = rate_limited(request)
            if refused is not None:
                return refused
            tag = _etag(request, generations())
            if request.method in {"GET", "HEAD"} and tag in _sent_tags(request):
                response: HttpResponse = HttpResponseNotModified()
            else:
                response = view(request, *args, **kwargs)
            if response.status_code in {200, 304}:
                response["ETag"] = tag
                patch_cache_control(response, public=True, max_age=MAX_AGE)
            _cross_origin(response)
            patch_vary_headers(response, ["Accept-Language"])
            return response

        return answer

    return wrap


def _etag(request: HttpRequest, generation: str) -> str:
    source = f"{generation}|{get_language()}|{request.get_full_path()}"
    return '"' + hashlib.sha256(source.encode()).hexdigest()[:32] + '"'


def _sent_tags(request: HttpRequest) -> set[str]:
    header = request.headers.get("If-None-Match", "")
    return {part.strip().removeprefix("W/") for part in header.split(",") if part.strip()}
