from django.urls import path

from .activities import urls as activities_urls
from .memoranda import urls as memoranda_urls
from .views import (
    conversation,
    directory,
    maps,
    officials,
    opendata,
    proposals,
    requests,
    statistics,
)
from .yearly import urls as yearly_urls

app_name = "partnerships"

urlpatterns = [
    path("municipalities/", directory.MunicipalityListView.as_view(), name="municipality-list"),
    path(
        "municipalities/<slug:slug>/",
        directory.MunicipalityDetailView.as_view(),
        name="municipality-detail",
    ),
    path("municipalities/<slug:slug>/cooperate/", requests.cooperate, name="cooperate"),
    path("municipalities/<slug:slug>/apply/", officials.official_apply, name="official-apply"),
    path("proposals/new/", proposals.proposal_create, name="proposal-create"),
    path("proposals/<int:pk>/", proposals.proposal_detail, name="proposal-detail"),
    path("my-municipality/", officials.dashboard, name="dashboard"),
    path("my-municipality/profile/", officials.profile_edit, name="profile-edit"),
    path(
        "my-municipality/requests/<slug:direction>/",
        officials.requests_list,
        name="request-list",
    ),
    path("requests/<int:pk>/", requests.RequestDetailView.as_view(), name="request-detail"),
    path("requests/<int:pk>/accept/", requests.request_accept, name="request-accept"),
    path("requests/<int:pk>/decline/", requests.request_decline, name="request-decline"),
    path("requests/<int:pk>/withdraw/", requests.request_withdraw, name="request-withdraw"),
    path("requests/<int:pk>/messages/", conversation.message_create, name="message-create"),
    path(
        "requests/<int:pk>/messages/<int:message_pk>/hide/",
        conversation.message_hide,
        name="message-hide",
    ),
    path(
        "requests/<int:pk>/messages/<int:message_pk>/attachment/",
        conversation.message_attachment,
        name="message-attachment",
    ),
    path("map/", maps.map_page, name="map"),
    path("map/data.geojson", maps.map_data, name="map-data"),
    path("map/<slug:frame>/background.svg", maps.map_background, name="map-background"),
    path("map/<slug:frame>/drawing.svg", maps.map_drawing, name="map-drawing"),
    path("map/<slug:frame>/partnerships.svg", maps.map_lines, name="map-lines"),
    path("open-data/datapackage.json", opendata.datapackage, name="datapackage"),
    path("open-data/<slug:dataset>.<str:fmt>", opendata.download, name="open-data"),
    path("statistics/", statistics.statistics_page, name="statistics"),
    path("statistics/<slug:table>.csv", statistics.statistics_csv, name="statistics-csv"),
]

urlpatterns += memoranda_urls.urlpatterns
urlpatterns += activities_urls.urlpatterns
urlpatterns += yearly_urls.urlpatterns
