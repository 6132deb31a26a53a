from django.contrib.sitemaps import Sitemap

from .models import Municipality


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
