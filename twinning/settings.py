"""Settings for the twinning portal, read from the environment.

Development: `bin/serve` writes a `.env` with DJANGO_DEBUG=true and a random
secret key. Production: set DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL (PostgreSQL), CACHE_URL (Redis) and SMTP_URL; without a secret
key the portal refuses to start.
"""

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from twinning.api_settings import API_RATE_LIMIT, REST_FRAMEWORK, SPECTACULAR_SETTINGS  # noqa: F401

# Kept beside this file, each with its own comments: the open data API's settings, and
# the portal's own rules and timings.
from twinning.logging_settings import logging_config
from twinning.portal_settings import (  # noqa: F401
    MAIL_MAX_ATTEMPTS,
    PARTNERSHIP_ACTIVE_MONTHS,
    PARTNERSHIP_REMINDER_DAYS,
    REQUEST_RETRY_AFTER_DAYS,
    TASK_RESULTS_KEEP_DAYS,
    WORKER_DAILY_JOBS,
)

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# No default: a missing key raises ImproperlyConfigured at start-up.
SECRET_KEY = env.str("DJANGO_SECRET_KEY")
if not SECRET_KEY.strip():
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is set but empty.")
ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "django_countries",
    "import_export",
    "simple_history",
    "taggit",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    # Floors: the site (twinning) stands on the apps, the apps on the ground floor (core).
    "core",
    "twinning",
    "partnerships",
    "news",
    "api",
]

MIDDLEWARE = [
    # First: a load balancer's probe is answered before host checks, HTTPS
    # redirects or sessions, and every later line of the log carries a request id.
    "twinning.health.probes",
    "core.observability.request_log",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The portal's language negotiation: a browser asking only for languages we do
    # not offer reads English.
    "twinning.locale.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "twinning.middleware.method_not_allowed_page",
    "twinning.middleware.StaffTwoFactorMiddleware",
    "twinning.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "twinning.urls"
WSGI_APPLICATION = "twinning.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "twinning.context_processors.portal",
                "core.notifications.context.unread_notifications",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections in production, checked before each request reuses one, so
# the first request after a database restart reconnects instead of failing.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The one statement timeout of the portal (milliseconds; 0 turns it off): a query that
# runs longer is cancelled by PostgreSQL, so it never outlives the gunicorn worker
# that asked for it. Migrations on big tables may need DATABASE_STATEMENT_TIMEOUT_MS=0.
DATABASE_STATEMENT_TIMEOUT_MS = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=20_000)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # An unreachable server fails the connection in seconds, not minutes.
            "connect_timeout": env.int("DATABASE_CONNECT_TIMEOUT", default=5),
            # JIT compilation costs more than it saves on the portal's short queries.
            "options": f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS} -c jit=off",
            # A server that vanished without closing the connection is noticed.
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Development on SQLite: a transaction that reads and then writes (signing, an
    # agreement) started DEFERRED fails with "database is locked" when another one
    # writes at the same moment. BEGIN IMMEDIATE takes the write lock first, and
    # the other writer waits for it (up to 20 s) instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
# Seconds a client is told to wait (Retry-After) while the database is unreachable.
DATABASE_UNAVAILABLE_RETRY_AFTER = env.int("DATABASE_UNAVAILABLE_RETRY_AFTER", default=30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# allauth keeps its rate limits in the cache: production needs a shared one
# (redis://...), or every gunicorn worker counts on its own.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Redis down or silent: a cache miss within half a second, never an error page
    # (core.cache says what happens to the sign-in rate limits then).
    CACHES["default"]["BACKEND"] = "core.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    )
    # Sessions are read from the shared cache and written through to the database:
    # a signed-in request reads no session row (and Redis down falls back to the
    # row). Never with a per-process cache: a sign-out in one worker would not reach
    # the copy another worker holds.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# allauth's sign-in (by e-mail; it is Django's ModelBackend for permissions too), with
# a signed-in request's user read together with their approved official. A session
# names its backend: one signed in under another backend signs in again.
AUTHENTICATION_BACKENDS = ["partnerships.auth.AuthenticationBackend"]
SITE_ID = 1

LANGUAGE_CODE = "uk"
# The interface languages. Adding one is its catalogue in locale/ and a line here;
# content (articles, descriptions) is written in Ukrainian and English
# (MODELTRANSLATION_LANGUAGES) and falls back to English for the others.
LANGUAGES = [
    ("uk", _("Ukrainian")),
    ("en", _("English")),
    ("pl", _("Polish")),
    ("de", _("German")),
    ("fr", _("French")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Kyiv"
USE_I18N = True
USE_TZ = True

# "Партнерство" typed in the admin reuses the topic "партнерство" instead of making a twin.
TAGGIT_CASE_INSENSITIVE = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "uk"
MODELTRANSLATION_LANGUAGES = ("uk", "en")
# A text missing in one language shows the other one rather than nothing.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "uk"), "uk": ("en",), "en": ("uk",)}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
# Signed memorandum scans: outside MEDIA_ROOT, so the web server that serves
# MEDIA_URL never sees them; views read them after a permission check.
PRIVATE_MEDIA_ROOT = env.path("DJANGO_PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private")
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.storages.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# S3-compatible object storage instead of the local disk (several app servers, or
# no shared disk): one bucket for public media, served at its own address, and one
# for private scans, which gets no public URL and is read by the checked views only.
MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    _s3 = {
        "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("MEDIA_S3_REGION", default="") or None,
        "access_key": env.str("MEDIA_S3_ACCESS_KEY", default="") or None,
        "secret_key": env.str("MEDIA_S3_SECRET_KEY", default="") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": MEDIA_S3_BUCKET,
            # Public files: plain, cacheable URLs (the bucket allows anonymous reads).
            "querystring_auth": False,
            "custom_domain": env.str("MEDIA_S3_CUSTOM_DOMAIN", default="") or None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "core.storages_s3.PrivateS3Storage",
        "OPTIONS": {**_s3, "bucket_name": env.str("PRIVATE_MEDIA_S3_BUCKET")},
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

DEFAULT_FROM_EMAIL = env.str("DJANGO_DEFAULT_FROM_EMAIL", default="portal@twinning.example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PORTAL_CONTACT_EMAIL = env.str("PORTAL_CONTACT_EMAIL", default="support@twinning.example.org")
# Links in e-mails are absolute; mails are sent outside a request, so the
# portal's public address comes from the environment.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
_smtp = env.url("SMTP_URL", default=None)
if _smtp or not DEBUG:
    # Production without SMTP_URL hands mail to the local MTA, as Django always did.
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp.hostname if _smtp else "localhost",
                "port": (_smtp.port or 587) if _smtp else 25,
                "username": (_smtp.username or "") if _smtp else "",
                "password": (_smtp.password or "") if _smtp else "",
                "use_tls": bool(_smtp) and _smtp.scheme == "smtp+tls",
                "use_ssl": bool(_smtp) and _smtp.scheme == "smtps",
                # A mail server that never answers fails the task, not the worker.
                "timeout": env.int("SMTP_TIMEOUT", default=10),
            },
        }
    }
else:
    # Printed to the console: sign-up links can be followed from the server log.
    MAILERS = {"default": {"BACKEND": "core.mail.ReadableConsoleBackend"}}

# Content Security Policy: nothing loads from another host.

# The interactive map draws its countries from our own static files; a tile server can be
# added on top (an URL with {z}/{x}/{y} and the attribution its licence asks for). Off by default.
MAP_TILES = {
    "url": env.str("MAP_TILE_URL", default=""),
    "attribution": env.str("MAP_TILE_ATTRIBUTION", default=""),
}
_tiles = urlsplit(MAP_TILES["url"].replace("{s}", "*"))
MAP_TILE_ORIGINS = [f"{_tiles.scheme}://{_tiles.netloc}"] if MAP_TILES["url"] else []

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # A nonce admits the <style> elements of the admin's rich-text editor; style attributes stay blocked.
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", *MAP_TILE_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# allauth: e-mail is the login, and it must be verified.
ACCOUNT_ADAPTER = "core.accounts.AccountAdapter"
ACCOUNT_FORMS = {"signup": "core.accounts.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# allauth would prefix subjects with the Site's domain ("[example.com]").
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
# Failed sign-ins: 10 a minute from one address, 5 in 5 minutes for one account
# (allauth's defaults, spelled out); sign-ups: 20 a minute from one address.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "signup": "20/m/ip"}
# Behind a TLS proxy every request comes from the proxy's address, so per-address
# limits would throttle everybody at once. Set this to the number of proxies you
# run (usually 1): allauth then takes the client's address from X-Forwarded-For,
# that many entries from the right. 0 ignores the header, which clients can forge.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)

LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"

# Two-factor sign-in (an authenticator app, with recovery codes). Staff must set
# it up before they reach the admin, in production; a first look does without.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Twinning portal")
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=not DEBUG)

# Background work (mail). Production runs a worker on the database queue
# (TASKS_BACKEND=django_tasks_db.DatabaseBackend, `manage.py run_worker`, which
# outlives database restarts and retries failed mails); a first look runs tasks
# in the request.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}


# Logs go to stdout: one JSON object a line in production (time in UTC, level,
# logger, request id, and for each request its duration), plain text in development.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"))

# Errors: to Sentry when SENTRY_DSN is set, otherwise mailed to ADMINS (through the
# task queue, so a broken mail server never slows an error page down).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
ADMINS = env.list("DJANGO_ADMINS", default=[])
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        # Visitors' addresses, cookies and user ids stay out of the reports.
        send_default_pii=False,
    )
elif ADMINS:
    LOGGING["loggers"]["django.request"] = {"handlers": ["mail_admins"], "level": "ERROR"}


if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe over plain HTTP (twinning.health answers before the redirect
    # anyway; this keeps the paths out of the redirect if the order ever changes).
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
