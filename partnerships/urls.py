from django.urls import path

from .views import directory, maps, opendata

app_name = "partnerships"

urlpatterns = [
    path("municipalities/", directory.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        "municipalities/<slug:slug>/",
        directory.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path("map/", maps.map_page, name="map"),
    path("map/<slug:frame>/background.svg", maps.map_background, name="map-background"),
    path("map/<slug:frame>/partnerships.svg", maps.map_lines, name="map-lines"),
    path("open-data/<slug:dataset>.<str:fmt>", opendata.download, name="open-data"),
    path("statistics/", maps.statistics_page, name="statistics"),
]
