from django import template

from partnerships import funding

register = template.Library()


@register.simple_tag
def funding_hints(first, second):
    """{% funding_hints a b as programmes %}: programmes the pair may apply to (one query)."""
    return funding.funding_hints(first, second)
