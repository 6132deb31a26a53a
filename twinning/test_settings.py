"""Fast, isolated settings for the test suite (DATABASE_URL still chooses the database)."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("DJANGO_DEBUG", "false")

from .settings import *  # noqa: F403
from .settings import STORAGES

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A CACHE_URL in the developer's .env switches sessions to the cache; the tests' own
# cache is per process, so sessions stay in the database as the query counts expect.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# The manifest needs collectstatic; tests serve plain names.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
WHITENOISE_AUTOREFRESH = True  # no collectstatic before tests
# Tests of the admin sign staff in without an authenticator; the two-factor
# requirement has tests of its own that turn it on.
STAFF_MFA_REQUIRED = False
# Each test gets a fresh connection, as before persistent connections became the
# production default (live-server threads would otherwise keep theirs open).
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
