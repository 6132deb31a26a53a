"""gunicorn settings for the portal: `gunicorn twinning.wsgi` reads this file by itself.

Every value can be changed from the environment (GUNICORN_*), so one image serves a
small and a large server alike.
"""

import contextlib
import gc
import multiprocessing
import os

from gunicorn import glogging

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Sync workers, (2 × cores) + 1: page rendering is CPU-bound, and the database and
# cache answer within milliseconds on a local network.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer is killed; the database's statement timeout
# (DATABASE_STATEMENT_TIMEOUT_MS, 20 s by default) ends its query first.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Workers are replaced after a number of requests (with jitter, so they do not all
# restart at once): memory that a long-lived process accumulates is given back.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# The application is imported once, in the master, before the workers are forked:
# its modules then live in memory pages all workers share (copy on write) instead of
# each worker importing its own copy. GUNICORN_PRELOAD=false imports in each worker
# (then a HUP reloads the code without a restart).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in {"0", "false", "no"}


def when_ready(server) -> None:
    """Before the first fork: import what every worker would import on its first
    requests (the URLconf and with it every view, the cache client), ask the database
    once what each process asks on its first connection, then freeze the collector's
    view of those objects, so a collection in a worker does not write to (and so copy)
    the shared pages."""
    if not server.cfg.preload_app:
        return
    import importlib

    from django.conf import settings
    from django.db import DatabaseError, connections
    from django.template import engines
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view
    for engine in engines.all():  # and every template tag library
        engine.engine.template_libraries  # noqa: B018
    # The cache backend's module (and the Redis client it imports); no connection yet.
    importlib.import_module(settings.CACHES["default"]["BACKEND"].rpartition(".")[0])
    # The URL tables of every language, the catalogues and the compiled templates, which
    # each new worker built on its first request otherwise (core.warmup).
    from core import warmup

    warmup.prepare()
    # django.contrib.postgres reads the OIDs of hstore and citext on a process's first
    # connection (two queries, then cached in the process): read here, every worker
    # inherits them, and a worker's first request (after each max_requests restart too)
    # makes only its own queries. The connection is closed before the fork.
    for alias in connections:
        # A database not up yet: each worker asks on its first connection instead.
        with contextlib.suppress(DatabaseError):
            connections[alias].ensure_connection()
    connections.close_all()
    gc.freeze()


def post_worker_init(worker) -> None:
    """In each worker, before its first request: its own database and cache connections
    (a replaced worker's first readers no longer wait for them)."""
    from core import warmup

    try:
        warmup.connect()
    except Exception:
        worker.log.warning("warm-up: could not connect yet", exc_info=True)


# The TLS proxy in front: X-Forwarded-Proto/-For are trusted only from these addresses
# (comma-separated; "*" when the app servers are reachable by the proxy alone).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proxy_allow_ips = forwarded_allow_ips
# gunicorn's control socket (gunicornc) sits at one path per user by default, so two
# gunicorns on a host would fight over it: off unless a path is given.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
# The portal writes one JSON line per request itself (core.observability), with
# its request id; gunicorn's own access log would say the same again.
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None


class _Logger(glogging.Logger):
    """gunicorn writes its access line whenever logging is set up by a dict (below), not
    only when an access log is asked for: a second line per request, built on every
    request. Here only GUNICORN_ACCESSLOG, or syslog with access lines sent to it, turns
    it on."""

    @property
    def access_log_enabled(self) -> bool:
        to_syslog = self.cfg.syslog and not self.cfg.disable_redirect_access_to_syslog
        return bool(self.cfg.accesslog or to_syslog)


logger_class = _Logger
errorlog = "-"  # used when LOG_FORMAT=plain; JSON lines go to stdout otherwise
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Worker heartbeat files in memory (a tmpfs only gunicorn writes to): a slow disk
# cannot make healthy workers look dead.
_shm = "/dev/shm"  # noqa: S108
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or (
    _shm if os.path.isdir(_shm) else None
)
# gunicorn's own lines (start, worker timeouts and restarts) as JSON too, like the
# portal's, unless LOG_FORMAT=plain.
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "core.observability.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"handlers": ["stdout"], "level": "INFO"},
        "loggers": {
            "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
