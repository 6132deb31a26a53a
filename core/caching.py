"""Cached pieces that are dropped when the data under them changes.

A *generation* names a set of data (all published news, one article's comments). Pieces
computed from it are cached under its current token; a write calls `bump()`, and the
next reader gets a new token, so every piece of the old generation is unreachable at
once (and expires by itself). The bump happens at once and again after the writing
transaction commits: a reader that filled the cache from the old rows in between would
otherwise keep a stale piece under the new token.

The cache must be shared by all workers (CACHE_URL, Redis in production); with the
per-process default a worker sees another's writes only when a token expires.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string

# No token lives longer than this, whatever else happens.
MAX_AGE = 10 * 60


def token(name: str, *, lifetime: Callable[[], float | None] | None = None) -> str:
    """The current token of a generation; `lifetime` (seconds, or None for MAX_AGE) is
    asked when a new one starts, for data that changes with time by itself."""
    key = f"generation:{name}"
    current = cache.get(key)
    if current is None:
        seconds = lifetime() if lifetime is not None else None
        timeout = MAX_AGE if seconds is None else max(1, min(MAX_AGE, int(seconds)))
        cache.add(key, uuid.uuid4().hex, timeout)
        # add() keeps a token another worker started a moment ago; read whichever won.
        current = cache.get(key) or uuid.uuid4().hex
    return current


def bump(name: str, *, using: str | None = None) -> None:
    """Start a new generation: now, and once the current transaction has committed."""
    key = f"generation:{name}"
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key), using=using)


def cached_render(key: str, template_name: str, context: Callable[[], dict], request) -> str:
    """A template rendered once and then served from the cache under `key` (which the
    caller ties to the generations of the data it shows); `context` is only called
    when it has to be rendered."""
    html = cache.get(key)
    if html is None:
        html = render_to_string(template_name, context(), request=request)
        cache.set(key, html, MAX_AGE)
    return html
