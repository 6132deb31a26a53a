from django.urls import path

from core.notifications import views

app_name = "core"

urlpatterns = [
    path("notifications/", views.notification_list, name="notification-list"),
    path("notifications/read-all/", views.notification_read_all, name="notification-read-all"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification-read"),
    path("notifications/settings/", views.notification_settings, name="notification-settings"),
]
