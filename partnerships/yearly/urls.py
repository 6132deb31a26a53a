"""Yearly plans and reports; included in the partnerships namespace (partnerships:yearly-…)."""

from django.urls import path

from . import views

urlpatterns = [
    path("partnerships/<int:pk>/yearly/", views.yearly_open, name="yearly-open"),
    path("yearly/<int:pk>/", views.yearly_detail, name="yearly-detail"),
    path("yearly/<int:pk>/edit/", views.yearly_edit, name="yearly-edit"),
    path("yearly/<int:pk>/agree/", views.yearly_agree, name="yearly-agree"),
    path("yearly/<int:pk>/pdf/", views.yearly_pdf, name="yearly-pdf"),
]
