"""What the news pages cache, and what drops it.

"news": everything a list shows that is not the rows themselves (which pages start
where, how many articles match, which topics and communities have news). Any write to
an article, its topics, regions or communities, or a topic's name starts a new
generation (news.signals, and the services that write with QuerySet.update); so does
the moment a scheduled article goes live, since each generation ends by itself then.

"comments:<article id>": the pages of one article's comment thread (count and where each
page starts); any write to one of its comments starts a new one.
"""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone

from core import caching

from .models import Article, ArticleStatus


def _until_next_publication() -> float | None:
    now = timezone.now()
    upcoming = Article.objects.filter(
        status=ArticleStatus.PUBLISHED, published_at__gt=now
    ).aggregate(at=Min("published_at"))["at"]
    return (upcoming - now).total_seconds() if upcoming else None


# Whoever reads the token first (a page of another app too) starts it with this lifetime.
caching.set_lifetime("news", _until_next_publication)


def news_generation() -> str:
    return caching.token("news")


def news_changed() -> None:
    caching.bump("news")


def comments_generation(article_id: int) -> str:
    return caching.token(f"comments:{article_id}")


def comments_changed(article_id: int) -> None:
    caching.bump(f"comments:{article_id}")


def cached_in_generation[T](generation: str, kind: str, name: str, read: Callable[[], T]) -> T:
    """What `read()` returns, cached under the news generation `generation` by `kind`
    and `name` (a slug): any write under the generation drops it. An exception (a 404)
    is not cached."""
    key = f"news-{kind}:{generation}:{hashlib.sha256(name.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = read()
        cache.set(key, value, caching.MAX_AGE)
    return value
