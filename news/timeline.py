"""The news rows of a partnership's timeline (partnerships.activities.timeline): the
published articles that mention both sides, on the day they were published."""

from django.db.models import F
from django.db.models.functions import TruncDate

from news.models import Article
from partnerships.activities.timeline import NEWS_RANK, Row, newest, register_source


def partnership_news(partnership, reader, cursor, limit) -> list[Row]:
    articles = (
        Article.objects.published()
        .filter(communities=partnership.municipality_a_id)
        .filter(communities=partnership.municipality_b_id)
        .only(
            "slug",
            "status",
            "published_at",
            *(
                f"{field}_{code}"
                for field in ("title", "lead")
                for code in Article.CONTENT_LANGUAGES
            ),
        )
        .alias(on=TruncDate("published_at"))
        .annotate(timeline_on=F("on"))
    )
    return [
        Row(article.timeline_on, NEWS_RANK, "news", article)
        for article in newest(articles, cursor, NEWS_RANK, "on", limit)
    ]


def register() -> None:
    register_source(partnership_news)
