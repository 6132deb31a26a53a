"""The named reads of articles: lists, the page, search, "read more"."""

import operator
from functools import reduce
from typing import TYPE_CHECKING

from django.db import connections, models
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import Municipality, Region

from ..text import search_terms, search_text, ukrainian_stem
from . import search as search_settings
from .search import CANDIDATES_PER_RELATED, LANGUAGES, SEARCH_DOCUMENT_FIELD, SEARCH_FIELDS
from .topics import TaggedArticle

if TYPE_CHECKING:
    from .articles import Article


# What a news card shows beside the article's own columns.
CARD_PREFETCH = ("tags", "tags__names", "regions")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Visible to readers: published, and the publication time has come."""
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=now or timezone.now())

    def for_cards(self):
        """Everything a news card shows (tags, regions), newest first, in fixed queries."""
        return (
            self.defer("body_uk", "body_en", *SEARCH_FIELDS, SEARCH_DOCUMENT_FIELD)
            .prefetch_related(*CARD_PREFETCH)
            .order_by("-published_at", "-pk")
        )

    def with_view_count(self):
        """Each article's `view_count` read with it (0 before its first view)."""
        return self.annotate(view_count=Coalesce(F("view_tally__views"), Value(0)))

    def for_page(self):
        """Everything the article page shows beside the text, in fixed queries; the
        normalised search copies and the search document stay in the database."""
        return (
            self.defer(*SEARCH_FIELDS, SEARCH_DOCUMENT_FIELD)
            .with_view_count()
            .select_related("author")
            .prefetch_related(
                "tags",
                "tags__names",
                "regions",
                models.Prefetch(
                    "communities", queryset=Municipality.objects.select_related("region")
                ),
            )
        )

    def search(self, query: str, *, limit: int | None = None):
        """Articles with every word of the query: the `limit` newest matches, best first.

        PostgreSQL: full-text search over the stored weighted vector (title A, lead B,
        body C, labels D; GIN-indexed), each word matching either as a Ukrainian prefix
        or as an English stem. Elsewhere: every word's stem in some normalised column,
        titles first. Only the newest `limit` matches are ranked, so a word in every
        article costs no more than a rare one (the page says "more than N" then). The
        rank is an alias, so rows do not carry it.
        """
        words = search_terms(query)
        if not words:
            return self.none()
        limit = search_settings.SEARCH_LIMIT if limit is None else limit
        if connections[self.db].vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            tsquery = reduce(
                operator.and_,
                (
                    SearchQuery(f"{ukrainian_stem(word)}:*", config="simple", search_type="raw")
                    | SearchQuery(f"{word}:*", config="english", search_type="raw")
                    for word in words
                ),
            )
            return self._newest_matches(
                self.filter(search_document=tsquery),
                limit,
                SearchRank(F("search_document"), tsquery),
            )
        stems = [ukrainian_stem(word) for word in words]

        def anywhere(fields, stem):
            return reduce(operator.or_, (Q(**{f"{name}__contains": stem}) for name in fields))

        queryset = self
        for stem in stems:
            queryset = queryset.filter(anywhere(SEARCH_FIELDS, stem))
        # A rough rank, in the spirit of the weights: per word, title > lead > body > labels.
        rank = reduce(
            operator.add,
            (
                Case(
                    *(
                        When(
                            anywhere([f"search_{field}_{c}" for c in LANGUAGES], stem), then=points
                        )
                        for field, points in (("title", 8), ("lead", 4), ("body", 2))
                    ),
                    default=Value(1),
                )
                for stem in stems
            ),
        )
        return self._newest_matches(queryset, limit, rank)

    def _newest_matches(self, matches, limit: int, rank):
        """The newest `limit` of `matches` (read in index order), then ranked."""
        newest = matches.order_by("-published_at", "-pk").values("pk")[:limit]
        return (
            self.filter(pk__in=Subquery(newest))
            .alias(rank=rank)
            .order_by("-rank", "-published_at", "-pk")
        )

    def refresh_search_labels(self) -> None:
        """Rewrite the search copy of the topic, region and community names."""
        articles = self.only("pk").prefetch_related(
            "tags",
            "tags__names",
            Prefetch("regions", queryset=Region.objects.only("name_uk", "name_en")),
            Prefetch(
                "communities",
                queryset=Municipality.objects.only("name_uk", "name_en", "name_native"),
            ),
        )
        for article in articles:
            names = [
                name
                for tag in article.tags.all()
                for name in [tag.name, *(row.name for row in tag.names.all())]
            ]
            for place in [*article.regions.all(), *article.communities.all()]:
                names += [place.name_uk, place.name_en, getattr(place, "name_native", "")]
            self.model._default_manager.filter(pk=article.pk).update(
                search_labels=search_text(*dict.fromkeys(n for n in names if n))
            )

    def related_to(self, article: "Article", *, limit: int = 4):
        """Shared communities first, then shared tags, then region, then the newest.

        Candidates are the newest few articles sharing a community, a tag or a region,
        plus the few newest, read in one query (each part a bounded index read); only
        they are ranked, so neither the candidates nor the ranking scan the table.
        """
        community_ids = [c.pk for c in article.communities.all()]
        tag_ids = [t.pk for t in article.tags.all()]
        region_ids = [r.pk for r in article.regions.all()]

        def shared(through, column, ids):
            return Coalesce(
                Subquery(
                    through.objects.filter(**{"article": OuterRef("pk"), f"{column}__in": ids})
                    .order_by()
                    .values("article")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                Value(0),
            )

        communities = type(article).communities.through
        regions = type(article).regions.through
        # Candidates: the newest few sharing each kind of label, and the newest overall,
        # each a bounded read in index order; only they are ranked.
        others = self.published().exclude(pk=article.pk).order_by("-published_at", "-pk")
        per_kind = limit * CANDIDATES_PER_RELATED
        pools = [others.values_list("pk", flat=True)[: limit * 2]]
        for ids, link in (
            (community_ids, Exists(communities.objects.filter(
                article=OuterRef("pk"), municipality__in=community_ids))),
            (tag_ids, Exists(TaggedArticle.objects.filter(
                content_object=OuterRef("pk"), tag__in=tag_ids))),
            (region_ids, Exists(regions.objects.filter(
                article=OuterRef("pk"), region__in=region_ids))),
        ):  # fmt: skip
            if ids:
                pools.append(others.filter(link).values_list("pk", flat=True)[:per_kind])
        # One subquery of the ranking query. Each part is wrapped in a derived table, as
        # SQLite allows no LIMIT directly in the parts of a UNION (QuerySet.union would).
        parts = [pool.query.get_compiler(using=self.db).as_sql() for pool in pools]
        candidates = RawSQL(  # noqa: S611 - SQL compiled by the ORM, values as parameters
            " UNION ALL ".join(
                f"SELECT * FROM ({sql}) AS pool_{i}"  # noqa: S608
                for i, (sql, _params) in enumerate(parts)
            ),
            [param for _sql, params in parts for param in params],
        )
        tags_shared = Coalesce(
            Subquery(
                TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
                .order_by()
                .values("content_object")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            Value(0),
        )
        return (
            self.filter(pk__in=candidates)
            .annotate(
                shared_communities=shared(communities, "municipality", community_ids),
                shared_tags=tags_shared,
                shared_regions=shared(regions, "region", region_ids),
            )
            .for_cards()
            .order_by(
                F("shared_communities").desc(),
                F("shared_tags").desc(),
                F("shared_regions").desc(),
                "-published_at",
                "-pk",
            )[:limit]
        )
