from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from partnerships.models import Municipality

from .models import Article


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .only("slug", "updated_at", "published_at", "title_uk", "title_en")
            .order_by("-published_at", "-pk")
        )

    def get_languages_for_item(self, article):
        # The other language's address shows the same text as a fallback: not a page of its own.
        return article.languages

    def lastmod(self, article):
        return article.updated_at


class MunicipalitySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    i18n = True
    alternates = True
    limit = 5000

    def items(self):
        return Municipality.objects.only("slug", "updated_at").order_by("pk")

    def lastmod(self, municipality):
        return municipality.updated_at


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8
    i18n = True
    alternates = True

    def items(self):
        return [
            "home",
            "news:article-list",
            "partnerships:municipality-list",
            "partnerships:map",
            "partnerships:statistics",
            "about",
            "about-data",
            "accessibility",
        ]

    def location(self, name):
        return reverse(name)


sitemaps = {"pages": PageSitemap, "news": ArticleSitemap, "municipalities": MunicipalitySitemap}
