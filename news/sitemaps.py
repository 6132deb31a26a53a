from django.contrib.sitemaps import Sitemap

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
