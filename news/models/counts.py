"""Each article's view count, in a narrow table of its own.

A view is one UPDATE of its row. On the article's own row it rewrote the whole wide row
with every index of the table (the GIN index of the search document too) and ran the
trigger that recomputes the search document: the table's pages are full, so such an
update is never HOT. Here a row is a key and a number on pages kept half empty
(migration 0009): the update touches no index and stays on its page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleViewCount(models.Model):
    """Written only by news.services.article_add_view (one upsert per view); an article
    without a row has not been viewed."""

    article = models.OneToOneField(
        "news.Article",
        verbose_name=_("article"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="view_tally",
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("views")
        verbose_name_plural = _("views")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.views}"

    @classmethod
    def of(cls, article_id: int) -> int:
        """The view count of an article, 0 before its first view."""
        found = cls.objects.filter(article=article_id).values_list("views", flat=True)
        return found.first() or 0
