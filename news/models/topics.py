"""Topics: taggit's tags, linked to articles by a direct foreign key."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TaggedItemBase


class TaggedArticle(TaggedItemBase):
    """A direct foreign key (not taggit's generic one), so tag queries are plain joins."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("article tag")
        verbose_name_plural = _("article tags")
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="news_tagged_article_unique"
            )
        ]
