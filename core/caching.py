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
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.template.loader import render_to_string

# No token lives longer than this, whatever else happens.
MAX_AGE = 10 * 60

Lifetime = Callable[[], float | None]
# A generation's lifetime, registered by the app that owns it (set_lifetime), so that
# whoever reads its token first starts it with the right one.
_lifetimes: dict[str, Lifetime] = {}


def set_lifetime(name: str, lifetime: Lifetime) -> None:
    """`lifetime` (seconds, or None for MAX_AGE) is asked whenever a new token of the
    generation starts, for data that changes with time by itself."""
    _lifetimes[name] = lifetime


def token(name: str, *, lifetime: Lifetime | None = None) -> str:
    """The current token of a generation; `lifetime` (else the registered one) is
    asked when a new one starts."""
    key = f"generation:{name}"
    current = cache.get(key)
    if current is None:
        lifetime = lifetime or _lifetimes.get(name)
        seconds = lifetime() if lifetime is not None else None
        timeout = MAX_AGE if seconds is None else max(1, min(MAX_AGE, int(seconds)))
        cache.add(key, uuid.uuid4().hex, timeout)
        # add() keeps a token another worker started a moment ago; read whichever won.
        current = cache.get(key) or uuid.uuid4().hex
    return current


def tokens(*names: str) -> list[str]:
    """The current tokens of several generations in one cache read; a missing one
    starts as `token()` starts it."""
    found = cache.get_many([f"generation:{name}" for name in names])
    return [found.get(f"generation:{name}") or token(name) for name in names]


def bump(name: str, *, using: str | None = None) -> None:
    """Start a new generation: now, and once the current transaction has committed."""
    key = f"generation:{name}"
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key), using=using)


def generation_value(name: str, compute: Callable[[], Any]) -> Any:
    """A small value computed from one generation's data (a user's count of unread
    notifications), kept with the token it was computed under: the token and the value
    are one cache read, and a value kept under an older token is computed again."""
    token_key, value_key = f"generation:{name}", f"generation-value:{name}"
    found = cache.get_many([token_key, value_key])
    current = found.get(token_key) or token(name)
    kept = found.get(value_key)
    if kept is not None and kept[0] == current:
        return kept[1]
    value = compute()
    cache.set(value_key, (current, value), MAX_AGE)
    return value


def cached_render(key: str, template_name: str, context: Callable[[], dict], request) -> str:
    """A template rendered once and then served from the cache under `key` (which the
    caller ties to the generations of the data it shows); `context` is only called
    when it has to be rendered."""
    return cached_renders(request, (key, template_name, context))[0]


def cached_renders(request, *pieces: tuple[str, str, Callable[[], dict]]) -> list[str]:
    """Several `cached_render` pieces (key, template, context) in one cache read."""
    found = cache.get_many([key for key, _template, _context in pieces])
    rendered = []
    for key, template_name, context in pieces:
        html = found.get(key)
        if html is None:
            html = render_to_string(template_name, context(), request=request)
            cache.set(key, html, MAX_AGE)
        rendered.append(html)
    return rendered
