from django.conf import settings
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.caching import cached_render
from news.caching import news_generation
from news.models import Article
from partnerships.caching import registry_generation
from partnerships.maps import DEFAULT_FRAME
from partnerships.models import Municipality, Partnership


@require_safe
def home(request):
    def context() -> dict:
        registry = Municipality.objects.order_by()
        return {
            "figures": {
                "communities": registry.ukrainian().count(),
                "foreign": registry.foreign().count(),
                "partnerships": Partnership.objects.count(),
                "countries": registry.foreign().values("country").distinct().count(),
            },
            "recent_partnerships": Partnership.objects.recent(6),
            "open_municipalities": Municipality.objects.for_cards()
            .open_to_partners()
            .exclude(description="")
            .order_by("-updated_at")[:3],
            "map_frame": DEFAULT_FRAME,
            "latest_news": Article.objects.published().for_cards()[:3],
        }

    # The same for every reader: rendered once per registry and news generation.
    key = f"home:{registry_generation()}:{news_generation()}:{get_language()}"
    content = cached_render(key, "pages/home_content.html", context, request)
    return render(request, "pages/home.html", {"content": content})


@require_safe
def about(request):
    return render(request, "pages/about.html", {"crumbs": [(_("About the portal"), "")]})


@require_safe
def about_data(request):
    return render(request, "pages/about_data.html", {"crumbs": [(_("About the data"), "")]})


@require_safe
def api_docs(request):
    return render(request, "pages/api_docs.html", {"crumbs": [(_("Open data API"), "")]})


@require_safe
def accessibility(request):
    return render(
        request, "pages/accessibility.html", {"crumbs": [(_("Accessibility statement"), "")]}
    )


@require_safe
def favicon(request):
    # Resolved per request: the hashed name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    private = ["/admin/"] + [
        f"/{code}/{section}/"
        for code, _name in settings.LANGUAGES
        for section in ("admin", "accounts")
    ]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private), f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
