"""Settings of the open data API (the `api` package), kept beside the main settings."""

import environ

env = environ.Env()

# Requests per client address (allauth's rate-limit syntax: amount/period/ip, several
# separated by commas); over it the API answers 429 with Retry-After.
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="120/m/ip")

REST_FRAMEWORK = {
    # Read-only public data: JSON only (no browsable pages), no sessions, so no CSRF.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Numbers as numbers.
    "COERCE_DECIMAL_TO_STRING": False,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Twinning portal open data API",
    "DESCRIPTION": (
        "Read-only JSON over the registry of Ukrainian communities and foreign "
        "municipalities, their partnerships, the areas of cooperation and the published "
        "news. Lists are paginated (`page`, `page_size`); the municipalities take the "
        "directory's filters. Licences: foreign municipalities and twin links CC BY-SA 4.0 "
        "(derived from Wikipedia); the communities from the KATOTTG codifier and "
        "KSE-Loc-Data-Hub (MIT); their coordinates and areas © OpenStreetMap contributors "
        "(ODbL). The downloads' datapackage.json says the same per file."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}
