"""The portal's URLs plus the benchmark's baseline page (bench.settings only)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from bench import views
from twinning.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    *i18n_patterns(path("bench/baseline/", views.baseline, name="bench-baseline")),
    *portal_urlpatterns,
]
