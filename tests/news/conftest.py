from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import ArticleStatus
from tests.factories import ArticleFactory, MunicipalityFactory, RegionFactory


@pytest.fixture
def hidden_articles(db):
    """A scheduled and a draft article sharing everything with a live one."""
    region = RegionFactory(slug="kharkiv-oblast")
    community = MunicipalityFactory(region=region)
    # Dates fixed here: the factory's dates step back an hour per article made in the
    # process, so after a few hundred tests they would fall outside the date filters.
    live = ArticleFactory(
        title_uk="Ізюм живий партнер", slug="live", published_at=timezone.now() - timedelta(hours=1)
    )
    scheduled = ArticleFactory(
        title_uk="Ізюм запланований партнер", slug="scheduled",
        published_at=timezone.now() + timedelta(hours=1),
    )  # fmt: skip
    draft = ArticleFactory(
        title_uk="Ізюм чернетка партнер", slug="draft", status=ArticleStatus.DRAFT
    )
    for article in (live, scheduled, draft):
        article.tags.set(["партнерство"])
        article.regions.set([region])
        article.communities.set([community])
    # Labels only the hidden articles carry: no filter may offer them.
    scheduled.tags.add("запланований-тема")
    draft.tags.add("чернетка-тема")
    hidden_only = MunicipalityFactory(
        region=region, name_uk="громада запланований чернетка", open_to_partners=False
    )
    scheduled.communities.add(hidden_only)
    draft.communities.add(hidden_only)
    other = ArticleFactory(slug="other", published_at=timezone.now() - timedelta(hours=2))
    other.communities.set([community])
    return {"live": live, "scheduled": scheduled, "draft": draft, "other": other,
            "region": region, "community": community}  # fmt: skip
