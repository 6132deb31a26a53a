from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from . import views
from .sitemaps import sitemaps

# The admin's own login form would bypass allauth's rate limits: send it
# through allauth's throttled sign-in instead.
admin.site.login = secure_admin_login(admin.site.login)

# A database fault raised outside a view still gets the 503 page, not a 500.
handler500 = "twinning.middleware.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("api.urls")),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", views.favicon),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": sitemaps}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("about/data/", views.about_data, name="about-data"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("api/", views.api_docs, name="api-docs"),
    path("admin/", admin.site.urls),
    # allauth's, with its two-factor pages imported on their first request.
    path("accounts/", include("core.account_urls")),
    path("news/", include("news.urls")),
    path("", include("core.urls")),
    path("", include("partnerships.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
