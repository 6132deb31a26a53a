"""The API's addresses: versioned, outside the language prefixes (a client names its
language with Accept-Language).

The views (Django REST framework, its filters and drf-spectacular's schema generator,
some 6 MB a process) are imported on the first API request, not with the URLconf:
every page reverses URLs, so an import here would load them into every worker that
never serves the API."""

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils.module_loading import import_string

from news.caching import news_generation
from partnerships.caching import registry_generation

from .http import api_endpoint

app_name = "api"

registry = api_endpoint(registry_generation)
news = api_endpoint(news_generation)


def lazy(dotted_path: str) -> Callable[..., HttpResponse]:
    """The class-based view at `dotted_path`, imported when the API first answers."""

    def answer(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return views()[dotted_path](request, *args, **kwargs)

    answer.lazy_view = dotted_path  # type: ignore[attr-defined]
    # What DRF's as_view() marks its views with: the API reads, it never uses the
    # session's CSRF token.
    answer.csrf_exempt = True  # type: ignore[attr-defined]
    return answer


@cache
def views() -> dict[str, Callable[..., HttpResponse]]:
    """Every API view, imported at once; each address's callback gets its view's
    attributes (cls, initkwargs), which the schema generator finds the views by."""
    loaded = {}
    for pattern in urlpatterns:
        dotted_path = pattern.callback.lazy_view
        loaded[dotted_path] = view = import_string(dotted_path).as_view()
        for name in ("cls", "initkwargs", "view_class", "view_initkwargs"):
            if hasattr(view, name):
                setattr(pattern.callback, name, getattr(view, name))
    return loaded


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
