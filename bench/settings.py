"""Benchmark settings: production settings plus the baseline page, a query counter and
a mail backend that sends nothing. Never used by the portal itself.

    DJANGO_SETTINGS_MODULE=bench.settings
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from twinning.settings import *  # noqa: F403
from twinning.settings import BASE_DIR, INSTALLED_APPS, MIDDLEWARE, TEMPLATES

ROOT_URLCONF = "bench.urls"
# First, so it counts the queries of every other middleware too (sessions, user).
MIDDLEWARE = ["bench.middleware.count_queries", *MIDDLEWARE]
TEMPLATES = [{**TEMPLATES[0], "DIRS": [BASE_DIR / "bench" / "templates", *TEMPLATES[0]["DIRS"]]}]
INSTALLED_APPS = [*INSTALLED_APPS]
# Seeding and browsing the benchmark send no mail.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.tasks": {"level": "WARNING"}},
}
