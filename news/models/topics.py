"""Topics: taggit's tags, linked to articles by a direct foreign key, with a name in
each interface language.

A topic's slug (its address) and its base name (`Tag.name`, the Ukrainian one for the
topics the portal started with) never change with the language; `TopicName` rows hold
its name in each language. The languages are settings.LANGUAGES, read when used: a new
language needs no migration.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase

from core.languages import content_order
from core.text import sort_key


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


def language_choices() -> list[tuple[str, Any]]:
    """The interface languages (a callable, so the migration does not list them)."""
    return list(settings.LANGUAGES)


class TopicName(models.Model):
    tag = models.ForeignKey(
        Tag, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="names"
    )
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("topic name")
        verbose_name_plural = _("topic names")
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "language"], name="news_topic_name_once_per_language"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="news_topic_name_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


def topics_with_names():
    """Topics with their names in every language (one query for all of them)."""
    return Tag.objects.prefetch_related("names")


@dataclass(frozen=True)
class TopicLabel:
    """A topic as a reader sees it: its name in their language or the fallback's."""

    slug: str
    name: str
    language: str  # the language `name` is in
    is_fallback: bool  # not the reader's language: the page marks it with `lang`


def reader_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def topic_label(tag: Tag, language: str | None = None) -> TopicLabel:
    """The name of `tag` in `language` (the reader's), else in English or Ukrainian (the
    reader's order of them), else its base name. Reads tag.names.all(): prefetch
    "tags__names" for a list."""
    language = language or reader_language()
    names = {row.language: row.name for row in tag.names.all()}
    for code in dict.fromkeys([language, *content_order(language)]):
        if names.get(code):
            return TopicLabel(tag.slug, names[code], code, code != language)
    base = settings.LANGUAGE_CODE
    return TopicLabel(tag.slug, tag.name, base, base != language)


def topic_labels(tags, language: str | None = None) -> list[TopicLabel]:
    """The labels of `tags`, in the alphabet of `language` (the reader's)."""
    language = language or reader_language()
    labels = [topic_label(tag, language) for tag in tags]
    return sorted(labels, key=lambda label: (sort_key(label.name, language), label.slug))
