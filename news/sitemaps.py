from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .forms import used_tags
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


class TopicSitemap(Sitemap):
    """The topics of live articles: one page per topic at the same address in every
    language, titled in the reader's (news.models.topics)."""

    changefreq = "daily"
    priority = 0.5
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return used_tags().prefetch_related(None).only("slug").order_by("slug")

    def location(self, tag) -> str:
        return reverse("news:tag", kwargs={"slug": tag.slug})
