from django.urls import path

from .views import directory, maps, officials, opendata, requests

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
    path("map/", maps.map_page, name="map"),
    path("map/<slug:frame>/background.svg", maps.map_background, name="map-background"),
    path("map/<slug:frame>/partnerships.svg", maps.map_lines, name="map-lines"),
    path("open-data/<slug:dataset>.<str:fmt>", opendata.download, name="open-data"),
    path("statistics/", maps.statistics_page, name="statistics"),
]

# --- Memoranda (issue 4) -----------------------------------------------------
from .views import memoranda  # noqa: E402

urlpatterns += [
    path("memoranda/", memoranda.MemorandumListView.as_view(), name="memorandum-list"),
    path("memoranda/<int:pk>/", memoranda.memorandum_detail, name="memorandum-detail"),
    path(
        "memoranda/<int:pk>/sections/<slug:section>/edit/",
        memoranda.memorandum_section_edit,
        name="memorandum-section-edit",
    ),
    path(
        "memoranda/<int:pk>/versions/<int:version>/",
        memoranda.memorandum_version,
        name="memorandum-version",
    ),
    path("memoranda/<int:pk>/versions/", memoranda.memorandum_versions, name="memorandum-versions"),
    path("memoranda/<int:pk>/compare/", memoranda.memorandum_compare, name="memorandum-compare"),
    path("memoranda/<int:pk>/agree/", memoranda.memorandum_agree_view, name="memorandum-agree"),
    path("memoranda/<int:pk>/sign/", memoranda.memorandum_sign_view, name="memorandum-sign"),
    path(
        "memoranda/<int:pk>/publish/", memoranda.memorandum_publish_view, name="memorandum-publish"
    ),
    path("memoranda/<int:pk>/pdf/", memoranda.memorandum_pdf_view, name="memorandum-pdf"),
    path("memoranda/<int:pk>/scan/", memoranda.memorandum_scan_view, name="memorandum-scan"),
]
