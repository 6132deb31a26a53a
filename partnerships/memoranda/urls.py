"""Memorandum pages; included in the partnerships namespace (partnerships:memorandum-…)."""

from django.urls import path

from . import actions, views

urlpatterns = [
    path("memoranda/", views.MemorandumListView.as_view(), name="memorandum-list"),
    path("memoranda/<int:pk>/", views.memorandum_detail, name="memorandum-detail"),
    path(
        "memoranda/<int:pk>/sections/<slug:section>/edit/",
        actions.memorandum_section_edit,
        name="memorandum-section-edit",
    ),
    path(
        "memoranda/<int:pk>/versions/<int:version>/",
        views.memorandum_version,
        name="memorandum-version",
    ),
    path("memoranda/<int:pk>/versions/", views.memorandum_versions, name="memorandum-versions"),
    path("memoranda/<int:pk>/compare/", views.memorandum_compare, name="memorandum-compare"),
    path("memoranda/<int:pk>/agree/", actions.memorandum_agree_view, name="memorandum-agree"),
    path("memoranda/<int:pk>/sign/", actions.memorandum_sign_view, name="memorandum-sign"),
    path("memoranda/<int:pk>/publish/", actions.memorandum_publish_view, name="memorandum-publish"),
    path("memoranda/<int:pk>/pdf/", views.memorandum_pdf_view, name="memorandum-pdf"),
    path(
        "memoranda/<int:pk>/scan/<str:side>/",
        views.memorandum_scan_view,
        name="memorandum-scan",
    ),
]
