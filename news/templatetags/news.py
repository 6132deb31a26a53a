from django import template
from django.utils.safestring import mark_safe

from news.text import linkify_plain_text

register = template.Library()


@register.filter
def comment_html(text: str) -> str:
    """A plain-text comment: escaped, paragraphs kept, http(s) addresses as safe links."""
    return mark_safe(linkify_plain_text(text or ""))
