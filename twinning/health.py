"""Probes for a load balancer or an orchestrator.

- `/health/live`: the process answers (nothing else is touched);
- `/health/ready`: the database, the cache and both file storages answer, so this
  server can take traffic. 200 when all do, 503 with what failed otherwise.

Answered by the first middleware, before host checks, the HTTPS redirect,
sessions or the language prefix: a probe comes over plain HTTP from an address
that is not one of ALLOWED_HOSTS, and must not create sessions or log-in state.
"""

import logging
import os
from collections.abc import Callable

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

LIVE = {"/health/live", "/health/live/"}
READY = {"/health/ready", "/health/ready/"}


def probes(get_response: Callable[[HttpRequest], HttpResponse]):
    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path in LIVE:
            return _no_store(JsonResponse({"status": "ok"}))
        if request.path in READY:
            return readiness()
        return get_response(request)

    return middleware


def readiness() -> HttpResponse:
    checks = {
        "database": _check(_database),
        "cache": _check(_cache),
        "storage": _check(lambda: _storage("default")),
        "private_storage": _check(lambda: _storage("private")),
    }
    ready = all(result == "ok" for result in checks.values())
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
    return _no_store(response)


def _check(probe: Callable[[], None]) -> str:
    try:
        probe()
    except Exception as error:  # any failure means "not ready", and says which
        logger.warning("Readiness check failed: %s", error)
        return f"error: {type(error).__name__}"
    return "ok"


def _database() -> None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # A broken connection is dropped, so the next probe connects anew.
        connection.close()
        raise


def _cache() -> None:
    reachable = getattr(cache, "is_reachable", None)
    if reachable is not None:
        if not reachable():
            raise ConnectionError("cache server does not answer")
        return
    cache.set("health:probe", "1", 10)
    if cache.get("health:probe") != "1":
        raise ConnectionError("cache did not keep a value")


def _storage(alias: str) -> None:
    storage = storages[alias]
    if isinstance(storage, FileSystemStorage):
        # The folder is made on the first upload; until then its parent must be writable.
        folder = storage.location
        while not os.path.exists(folder):
            folder = os.path.dirname(folder)
        if not (os.path.isdir(folder) and os.access(folder, os.W_OK)):
            raise PermissionError(f"{alias} storage is not writable")
        return
    # Object storage: one cheap request proves the bucket answers and the keys work.
    storage.exists("health-probe")


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response
