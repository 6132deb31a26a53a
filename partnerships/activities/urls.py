"""Partnership pages and activities; included in the partnerships namespace."""

from django.urls import path

from . import views
from .feeds import activity_feed

urlpatterns = [
    path("partnerships/<int:pk>/", views.partnership_detail, name="partnership-detail"),
    path("partnerships/<int:pk>/activities/new/", views.activity_create, name="activity-create"),
    path("activities/<int:pk>/publish/", views.activity_publish, name="activity-publish"),
    path("activities/<int:pk>/add/", views.contribution_add, name="activity-contribute"),
    path("activities/<int:pk>/edit/", views.activity_edit, name="activity-edit"),
    path("activities/<int:pk>/delete/", views.activity_delete, name="activity-delete"),
    path(
        "activities/additions/<int:pk>/delete/",
        views.contribution_delete,
        name="activity-contribution-delete",
    ),
    path("activities/feed/", activity_feed, name="activity-feed"),
]
