"""A Redis cache that degrades to cache misses when Redis is down or silent.

Django's RedisCache raises on a refused or timed-out connection, so every page that
reads the cache answers 500 while Redis is away. This one logs the first failure
(then at most one line every 30 s) and answers as if the cache were empty: reads
return the default, writes are dropped, and the page is built from the database.
After a failure it leaves Redis alone for 5 s, so a server that accepts connections
but never answers costs one short socket timeout, not one for every cache call.

Sign-in rate limits (and allauth's other counters, e.g. used two-factor codes) fail
safe into per-process memory: while Redis is down each app process keeps its own
counts, so the limits still hold (at worst multiplied by the number of processes),
and nobody is locked out of signing in. Failing open would drop the brute-force
protection for as long as the outage lasts; failing closed would lock every user
out because of an infrastructure fault. Once Redis answers again the local counts
are no longer read, and they expire with their limits' windows.

A delete that failed while Redis was away (an invalidation) cannot be replayed:
the portal's cache keys carry what they depend on (versions, hashes) or expire
within an hour, and docs/operations.md says to flush the cache after an outage
that did not restart Redis.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# allauth keeps its rate limits ("allauth:rl:…") and used two-factor codes
# ("allauth.mfa.totp.used…") under this prefix.
LOCAL_FALLBACK_PREFIX = "allauth"
_LOG_EVERY_SECONDS = 30.0
# After a failure Redis is left alone this long: a silent server then costs one
# socket timeout every few seconds, not one for every cache call of every page.
_SKIP_SECONDS = 5.0


class SharedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` for every cache call, and with it the
    table of its ~170 response callbacks: about 0.3 ms of Python a call, several
    times a page. A `redis.Redis` only holds its connection pool and may be shared,
    so one is kept per pool (the pool itself reconnects in a forked worker)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key=None, *, write=False):
        # Django's own (untyped in the stubs) pool and client class.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            new = self._client(connection_pool=pool)  # type: ignore[attr-defined]
            client = self._clients.setdefault(id(pool), new)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._local = LocMemCache(f"resilient-fallback-{id(self)}", {"MAX_ENTRIES": 10_000})
        self._last_logged = 0.0
        self._skip_until = 0.0

    # --- helpers -------------------------------------------------------------------
    def _failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        self._skip_until = now + _SKIP_SECONDS
        if now - self._last_logged >= _LOG_EVERY_SECONDS:
            self._last_logged = now
            logger.warning("Cache unavailable (%s: %s); serving cache misses", operation, error)

    def _try(self, operation: str, call: Callable[[], Any], fallback: Callable[[], Any]) -> Any:
        if time.monotonic() < self._skip_until:
            return fallback()
        try:
            return call()
        except RedisError as error:
            self._failed(operation, error)
            return fallback()

    @staticmethod
    def _local_key(key: Any) -> bool:
        return isinstance(key, str) and key.startswith(LOCAL_FALLBACK_PREFIX)

    def is_reachable(self) -> bool:
        """For the readiness probe: does Redis answer right now?"""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError:
            return False

    # --- the cache API ---------------------------------------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        def fallback():
            if self._local_key(key):
                return self._local.add(key, value, timeout, version)
            return False

        return self._try(
            "add",
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            fallback,
        )

    def get(self, key, default=None, version=None):
        def fallback():
            if self._local_key(key):
                return self._local.get(key, default, version)
            return default

        return self._try(
            "get", lambda: super(ResilientRedisCache, self).get(key, default, version), fallback
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        def fallback():
            if self._local_key(key):
                self._local.set(key, value, timeout, version)

        return self._try(
            "set",
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            fallback,
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        def fallback():
            return self._local.touch(key, timeout, version) if self._local_key(key) else False

        return self._try(
            "touch", lambda: super(ResilientRedisCache, self).touch(key, timeout, version), fallback
        )

    def delete(self, key, version=None):
        def fallback():
            return self._local.delete(key, version) if self._local_key(key) else False

        return self._try(
            "delete", lambda: super(ResilientRedisCache, self).delete(key, version), fallback
        )

    def get_many(self, keys, version=None):
        return self._try(
            "get_many", lambda: super(ResilientRedisCache, self).get_many(keys, version), dict
        )

    def has_key(self, key, version=None):
        def fallback():
            return self._local.has_key(key, version) if self._local_key(key) else False

        return self._try(
            "has_key", lambda: super(ResilientRedisCache, self).has_key(key, version), fallback
        )

    def incr(self, key, delta=1, version=None):
        def fallback():
            if self._local_key(key):
                return self._local.incr(key, delta, version)
            raise ValueError(f"Key '{key}' not found")

        return self._try(
            "incr", lambda: super(ResilientRedisCache, self).incr(key, delta, version), fallback
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(
            "set_many",
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            list,
        )

    def delete_many(self, keys, version=None):
        return self._try(
            "delete_many",
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            lambda: None,
        )

    def clear(self):
        self._local.clear()
        return self._try("clear", super().clear, lambda: False)
