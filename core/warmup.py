"""What a new gunicorn worker would otherwise do on its first requests.

gunicorn replaces each worker after `max_requests` (gunicorn.conf.py). A new worker's
first request built the URL resolver's tables for every language (the language links
reverse each page in all five), read the five translation catalogues and compiled the
templates it used: 1-2.5 s of one core under load (0.05 s warm), with readers queued
behind it, after every replacement. `prepare` does that once in the master before it
forks, so every worker starts with it (shared pages); `connect` runs in each worker
before its first request and opens the database's and the cache's connections.
"""

from pathlib import Path

from django.conf import settings


def _template_names() -> list[str]:
    names: list[str] = []
    for engine in settings.TEMPLATES:
        names += _names_in(engine.get("DIRS", []))
    return names


def _names_in(directories) -> list[str]:
    names: list[str] = []
    for directory in directories:
        root = Path(directory)
        names += [
            str(path.relative_to(root))
            for path in sorted(root.rglob("*"))
            if path.suffix in {".html", ".svg", ".txt", ".xml"} and path.is_file()
        ]
    return names


def compile_templates() -> int:
    """Load the project's own templates (templates/) into the cached loaders; returns
    how many compiled. A template that does not compile alone (a fragment) is skipped:
    it is compiled when a page includes it."""
    from django.template import TemplateSyntaxError, engines

    compiled = 0
    for engine in engines.all():
        for name in _template_names():
            try:
                engine.get_template(name)
            except (TemplateSyntaxError, LookupError, ValueError):
                continue
            compiled += 1
    return compiled


def populate_urls() -> None:
    """The resolvers' reverse tables, built per language (i18n_patterns), for every
    resolver of the URLconf (a namespaced include builds its own)."""
    from django.urls import URLResolver, get_resolver
    from django.utils import translation

    def walk(resolver: URLResolver) -> None:
        resolver.reverse_dict  # noqa: B018 - builds the table for the active language
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern)

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            walk(get_resolver())


def prepare() -> None:
    """In the master: what every worker needs and can share."""
    populate_urls()
    compile_templates()


def connect() -> None:
    """Open the database's and the cache's connections (in a worker, never the master:
    a connection must not be shared by forked processes)."""
    from django.core.cache import cache
    from django.db import connections

    for connection in connections.all(initialized_only=False):
        connection.ensure_connection()
    cache.get("warmup")
