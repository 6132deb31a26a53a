from django import template
from django.utils.safestring import mark_safe

from news.caching import news_generation as _news_generation
from news.models import Article, TopicLabel, topic_labels
from news.text import linkify_plain_text
from news.text import public_name as _public_name

register = template.Library()


@register.filter
def comment_html(text: str) -> str:
    """A plain-text comment: escaped, paragraphs kept, http(s) addresses as safe links."""
    return mark_safe(linkify_plain_text(text or ""))


@register.filter
def public_name(user) -> str:
    """The name a reader is shown under on public pages (never the e-mail address)."""
    return _public_name(user)


@register.filter
def topics(tags) -> list[TopicLabel]:
    """Topics in the reader's language and alphabet (see news.models.topic_labels)."""
    return topic_labels(tags)


@register.simple_tag
def news_generation() -> str:
    """The current news generation, to key cached fragments that show news (news.caching)."""
    return _news_generation()


@register.simple_tag
def municipality_news(municipality, limit: int = 4):
    """The newest published articles that mention a municipality, for its profile.

    A tag rather than the profile view's context, so the registry never imports news.
    """
    return Article.objects.published().for_cards().filter(communities=municipality)[:limit]
