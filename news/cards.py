"""News cards rendered once per article, language and news generation.

A card shows an article's title, lead, date, regions and topics: the same on every
page that lists it (a list, "Read more", a profile). Rendered cards are cached under
the news generation (news.caching: any write to an article, its labels, a topic, a
region or a municipality drops them), so a page whose cards another page has rendered
reads them in one cache read and neither loads nor renders them again.
"""

from collections.abc import Sequence

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.caching import MAX_AGE

from .caching import cached_in_generation
from .models import Article
from .models.queries import CARD_PREFETCH


def news_cards(
    articles: Sequence[Article], generation: str, *, heading_level: int = 3
) -> list[str]:
    """The cards of `articles`, in their order. Only the articles whose card is not
    cached have their topics and regions read (in CARD_PREFETCH's fixed queries)."""
    language = get_language()
    keys = [f"news-card:{generation}:{language}:{heading_level}:{a.pk}" for a in articles]
    found = cache.get_many(keys) if keys else {}
    missing = [(key, a) for key, a in zip(keys, articles, strict=True) if key not in found]
    if missing:
        prefetch_related_objects([a for _key, a in missing], *CARD_PREFETCH)
        rendered = {
            key: render_to_string(
                "includes/news_card.html",
                # No request: a card depends on nothing but the article and the language.
                {"article": a, "heading_level": heading_level, "LANGUAGE_CODE": language},
            )
            for key, a in missing
        }
        cache.set_many(rendered, MAX_AGE)
        found.update(rendered)
    return [found[key] for key in keys]


def related_articles(article: Article, generation: str) -> list[Article]:
    """ "Read more" for `article` (ArticleQuerySet.related_to), ranked once per news
    generation; the rows come without their labels (news_cards reads those it needs)."""
    return cached_in_generation(
        generation,
        "related",
        str(article.pk),
        lambda: list(Article.objects.related_to(article).prefetch_related(None)),
    )
