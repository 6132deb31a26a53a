"""Comments: Zipf over the published articles, so the busiest have thousands."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bench.seed.database import copy_rows, reset_sequence
from bench.seed.plan import log
from bench.seed.text import Words, Zipf


def comments(
    rng: random.Random, plan: dict[str, int], now: datetime, words: dict[str, Words]
) -> None:
    from news.models import Article

    log(f"comments: {plan['comments']}")
    published = list(
        Article.objects.filter(status="published", published_at__lte=now)
        .order_by("pk")
        .values_list("pk", "published_at")
    )
    article_zipf = Zipf(rng, len(published), 1.0)
    comment_pool = [
        " ".join(words[code].sentence(5, 25) for _ in range(rng.randint(1, 3)))
        for code in ("uk", "en")
        for _ in range(5_000)
    ]
    n_users = plan["users"]

    def rows():
        for n in range(plan["comments"]):
            article_pk, published_at = published[article_zipf.draw()]
            span = min((now - published_at).total_seconds(), 90 * 24 * 3600)
            status = "visible" if rng.random() > 0.005 else "hidden"
            yield (
                n + 1, article_pk, rng.randint(1, n_users), rng.choice(comment_pool), status,
                None, published_at + timedelta(seconds=rng.uniform(60, max(span, 120))),
            )  # fmt: skip

    copy_rows(
        "news_comment",
        ["id", "article_id", "author_id", "body", "status", "reviewed_at", "created_at"],
        rows(),
    )
    reset_sequence("news_comment")
