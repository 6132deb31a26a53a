"""The API's addresses: versioned, outside the language prefixes (a client names its
language with Accept-Language).

The views (Django REST framework, its filters and drf-spectacular's schema generator,
some 6 MB a process) are imported on the first API request, not with the URLconf:
every page reverses URLs, so an import here would load them into every worker that
never serves the API."""

from collections.abc import Callable

from django.http import HttpResponse
from django.urls import path
from django.utils.module_loading import import_string

from core.lazyviews import LazyViews
from news.caching import news_generation
from partnerships.caching import registry_generation

from .http import api_endpoint

app_name = "api"

registry = api_endpoint(registry_generation)
news = api_endpoint(news_generation)


# DRF's views are classes. Their attributes (`cls`, which the schema generator finds
# the views by) go on the callbacks of the addresses, outside `api_endpoint`.
_views = LazyViews(
    load=lambda dotted_path: import_string(dotted_path).as_view(),
    patterns=lambda: urlpatterns,  # type: ignore[has-type]
)


def lazy(dotted_path: str) -> Callable[..., HttpResponse]:
    """The class-based view at `dotted_path`, imported when the API first answers.
    Exempt from CSRF, as DRF's `as_view()` marks its views (the middleware reads it
    before the view is imported): the API reads, it never uses the session's token."""
    return _views.view(dotted_path, csrf_exempt=True)


urlpatterns = [
    path("municipalities/", registry(lazy("api.views.MunicipalityList")), name="municipalities"),
    path(
        "municipalities/<slug:slug>/",
        registry(lazy("api.views.MunicipalityDetail")),
        name="municipality",
    ),
    path("partnerships/", registry(lazy("api.views.PartnershipList")), name="partnerships"),
    path("areas/", registry(lazy("api.views.AreaList")), name="areas"),
    path("news/", news(lazy("api.views.ArticleList")), name="news"),
    path(
        "openapi.json",
        registry(lazy("drf_spectacular.views.SpectacularJSONAPIView")),
        name="schema",
    ),
]
