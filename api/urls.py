"""The API's addresses: versioned, outside the language prefixes (a client names its
language with Accept-Language)."""

from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView

from news.caching import news_generation
from partnerships.caching import registry_generation

from . import views
from .http import api_endpoint

app_name = "api"

registry = api_endpoint(registry_generation)
news = api_endpoint(news_generation)

urlpatterns = [
    path("municipalities/", registry(views.MunicipalityList.as_view()), name="municipalities"),
    path(
        "municipalities/<slug:slug>/",
        registry(views.MunicipalityDetail.as_view()),
        name="municipality",
    ),
    path("partnerships/", registry(views.PartnershipList.as_view()), name="partnerships"),
    path("areas/", registry(views.AreaList.as_view()), name="areas"),
    path("news/", news(views.ArticleList.as_view()), name="news"),
    path("openapi.json", registry(SpectacularJSONAPIView.as_view()), name="schema"),
]
