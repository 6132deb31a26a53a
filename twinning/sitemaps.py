"""The sitemap index: the site's own pages and each app's sitemap."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.sitemaps import ArticleSitemap, TopicSitemap
from partnerships.sitemaps import MunicipalitySitemap


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


sitemaps = {
    "pages": PageSitemap,
    "news": ArticleSitemap,
    "topics": TopicSitemap,
    "municipalities": MunicipalitySitemap,
}
