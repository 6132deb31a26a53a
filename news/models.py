import operator
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections, models, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.languages import content_order
from partnerships.models import Municipality, Region

from .images import (
    RENDITION_WIDTHS,
    STORED_MAX_WIDTH,
    delete_image_files,
    make_renditions,
    rendition_name,
)
from .text import sanitise_body, search_terms, search_text, ukrainian_stem

LANGUAGES = ("uk", "en")

# Search: a normalised copy (news.text.search_text) of each text, by weight and language.
# English is stemmed by PostgreSQL's 'english' configuration; Ukrainian has no dictionary
# there, so it is matched by prefix ('simple') on a crude stem of each query word.
SEARCH_WEIGHTS = {"title": "A", "lead": "B", "body": "C"}
SEARCH_CONFIGS = {"uk": "simple", "en": "english"}
SEARCH_TEXT_FIELDS = [f"search_{field}_{code}" for field in SEARCH_WEIGHTS for code in LANGUAGES]
# A search ranks at most this many matches, the newest: a word in every article
# costs what a rare one does. Readers see "more than" this many results.
SEARCH_LIMIT = 500
# "Read more" ranks the newest few articles sharing each label: this many per card.
CANDIDATES_PER_RELATED = 3
# Topic, region and community names: found too, but below any match in the text.
SEARCH_LABELS_FIELD = "search_labels"
SEARCH_FIELDS = [*SEARCH_TEXT_FIELDS, SEARCH_LABELS_FIELD]
# The stored vector of all of them (PostgreSQL); never loaded into Python.
SEARCH_DOCUMENT_FIELD = "search_document"


def search_vector():
    """The weighted tsvector of an article (PostgreSQL). A trigger (migration 0007) keeps
    exactly this in Article.search_document, which is GIN-indexed; change both together."""
    from django.contrib.postgres.search import SearchVector

    parts = [
        SearchVector(f"search_{field}_{code}", config=SEARCH_CONFIGS[code], weight=weight)
        for field, weight in SEARCH_WEIGHTS.items()
        for code in LANGUAGES
    ]
    parts.append(SearchVector(SEARCH_LABELS_FIELD, config="simple", weight="D"))
    return reduce(operator.add, parts)


class SearchDocumentField(SearchVectorField):
    """The stored search_vector() of a row: tsvector on PostgreSQL, written only by the
    database's trigger (migration 0007); an unused text column elsewhere."""

    def db_type(self, connection) -> str:
        return super().db_type(connection) if connection.vendor == "postgresql" else "text"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class CommentStatus(models.TextChoices):
    VISIBLE = "visible", _("visible")
    # Hidden automatically by readers' reports until staff look at it.
    AWAITING_REVIEW = "awaiting_review", _("hidden, awaiting review")
    HIDDEN = "hidden", _("hidden by staff")


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


def article_image_path(instance: "Article", filename: str) -> str:
    # clean_uploaded_image() already generated the name; keep only that.
    return f"news/{filename.rsplit('/', 1)[-1]}"


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Visible to readers: published, and the publication time has come."""
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=now or timezone.now())

    def for_cards(self):
        """Everything a news card shows (tags, regions), newest first, in fixed queries."""
        return (
            self.defer("body_uk", "body_en", *SEARCH_FIELDS, SEARCH_DOCUMENT_FIELD)
            .prefetch_related("tags", "regions")
            .order_by("-published_at", "-pk")
        )

    def for_page(self):
        """Everything the article page shows beside the text, in fixed queries; the
        normalised search copies and the search document stay in the database."""
        return (
            self.defer(*SEARCH_FIELDS, SEARCH_DOCUMENT_FIELD)
            .select_related("author")
            .prefetch_related(
                "tags",
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
        limit = SEARCH_LIMIT if limit is None else limit
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
            Prefetch("regions", queryset=Region.objects.only("name_uk", "name_en")),
            Prefetch(
                "communities",
                queryset=Municipality.objects.only("name_uk", "name_en", "name_native"),
            ),
        )
        for article in articles:
            names = [tag.name for tag in article.tags.all()]
            for place in [*article.regions.all(), *article.communities.all()]:
                names += [place.name_uk, place.name_en, getattr(place, "name_native", "")]
            Article.objects.filter(pk=article.pk).update(
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

        communities = Article.communities.through
        regions = Article.regions.through
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


class Article(models.Model):
    # Columns modeltranslation adds (news/translation.py), for the type checker.
    title_uk: str | None
    title_en: str | None
    lead_uk: str
    lead_en: str
    body_uk: str
    body_en: str
    image_alt_uk: str
    image_alt_en: str

    title = models.CharField(_("title"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The end of the address: latin letters, digits and hyphens."),
    )
    lead = models.TextField(
        _("lead"), blank=True, max_length=600, help_text=_("One or two sentences under the title.")
    )
    body = models.TextField(
        _("body"),
        blank=True,
        help_text=_(
            "Allowed: paragraphs, headings (2–4), bold, italic, lists, quotes, tables and links "
            "(http, https, mailto, tel). Scripts, styles, event handlers, images and other "
            "markup are removed on save."
        ),
    )
    image = models.ImageField(
        _("main image"),
        upload_to=article_image_path,
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG or WebP, at most 5 MB. It is re-encoded without metadata."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        db_index=True,
        help_text=_("A time in the future schedules the article: it stays hidden until then."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_articles",
    )
    source_url = models.URLField(_("source link"), blank=True, max_length=500)
    tags = TaggableManager(_("tags"), through=TaggedArticle, blank=True)
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions"), blank=True, related_name="articles"
    )
    communities = models.ManyToManyField(
        Municipality, verbose_name=_("communities"), blank=True, related_name="articles"
    )
    # Only ever changed by a single UPDATE ... SET view_count = view_count + 1.
    view_count = models.PositiveBigIntegerField(_("views"), default=0, editable=False)
    # Normalised copies for search (see SEARCH_FIELDS); labels are kept by news.signals.
    search_title_uk = models.TextField(editable=False, blank=True, default="")
    search_title_en = models.TextField(editable=False, blank=True, default="")
    search_lead_uk = models.TextField(editable=False, blank=True, default="")
    search_lead_en = models.TextField(editable=False, blank=True, default="")
    search_body_uk = models.TextField(editable=False, blank=True, default="")
    search_body_en = models.TextField(editable=False, blank=True, default="")
    search_labels = models.TextField(editable=False, blank=True, default="")
    # search_vector() of the columns above, kept by the database (see SearchDocumentField).
    search_document = SearchDocumentField(editable=False, null=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    # The image name as loaded from the database (see from_db); "" for a new article.
    _stored_image = ""

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "-pk"]
        constraints = [
            # ~Q(title_uk="") alone becomes NOT (title_uk = '' AND title_uk IS NOT NULL),
            # which is true for NULL: two NULL titles passed. Hence the explicit IS NOT NULL.
            models.CheckConstraint(
                condition=(Q(title_uk__isnull=False) & ~Q(title_uk=""))
                | (Q(title_en__isnull=False) & ~Q(title_en="")),
                name="news_article_has_a_title",
            ),
        ]
        indexes = [
            # Every list's order (published_at, then id): pages and their keysets in index order.
            models.Index(
                fields=["status", "-published_at", "-id"], name="news_article_listing_key"
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.slug

    def save(self, *args, **kwargs):
        for code in LANGUAGES:
            setattr(self, f"body_{code}", sanitise_body(getattr(self, f"body_{code}") or ""))
        for field in SEARCH_WEIGHTS:
            for code in LANGUAGES:
                text = search_text(getattr(self, f"{field}_{code}") or "")
                setattr(self, f"search_{field}_{code}", text)
        # Written elsewhere, never from a possibly stale instance: the count by one
        # UPDATE per view, the labels when topics, regions or communities change.
        kept = {"view_count", SEARCH_LABELS_FIELD, SEARCH_DOCUMENT_FIELD}
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *SEARCH_TEXT_FIELDS} - kept
        elif not self._state.adding:
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name not in kept
            ]
        super().save(*args, **kwargs)
        if self.image:
            make_renditions(self.image.storage, self.image.name)
        if self._stored_image and self._stored_image != self.image.name:
            self.discard_image_after_commit(self._stored_image)
        self._stored_image = self.image.name or ""

    def get_absolute_url(self) -> str:
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    def get_canonical_url(self) -> str:
        """The address in the language the text is written in: an article in one
        language has one page, the other language's address only shows it as a fallback."""
        with translation.override(self.content_language):
            return self.get_absolute_url()

    # Image files ------------------------------------------------------------
    @classmethod
    def from_db(cls, *args, **kwargs):
        article = super().from_db(*args, **kwargs)
        # The image as stored, to delete its files once a replacement is committed
        # (absent when the field was deferred: then nothing is deleted).
        stored = article.__dict__.get("image")
        article._stored_image = getattr(stored, "name", stored) or ""
        return article

    def discard_image_after_commit(self, name: str) -> None:
        """Delete an image's files once the transaction that dropped it has committed
        (a rollback keeps them), unless another article still uses the same file."""
        storage = self.image.storage

        def delete():
            if not Article.objects.filter(image=name).exists():
                delete_image_files(storage, name)

        transaction.on_commit(delete, using=self._state.db)

    # Which language the reader gets ---------------------------------------
    CONTENT_LANGUAGES = LANGUAGES

    @property
    def content_language(self) -> str:
        """The language the text is shown in: the reader's, else English, else Ukrainian."""
        current = (get_language() or "uk")[:2]
        order = content_order(current)
        return next((code for code in order if getattr(self, f"title_{code}", "")), current)

    @property
    def languages(self) -> list[str]:
        """The languages the article is written in (those with a title)."""
        return [code for code in LANGUAGES if getattr(self, f"title_{code}", "")]

    @property
    def is_translated(self) -> bool:
        return self.content_language == (get_language() or "uk")[:2]

    def text(self, field: str) -> str:
        """Title, lead or body in content_language: never a mix of two languages."""
        return getattr(self, f"{field}_{self.content_language}") or ""

    @property
    def display_title(self) -> str:
        return self.text("title")

    @property
    def display_lead(self) -> str:
        return self.text("lead")

    @property
    def display_body(self) -> str:
        return self.text("body")

    @property
    def text_image_alt(self) -> str:
        return self.text("image_alt")

    @property
    def is_draft(self) -> bool:
        return self.status == ArticleStatus.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED and self.published_at <= timezone.now()

    # Image sizes ------------------------------------------------------------
    def image_srcset(self) -> str:
        if not self.image:
            return ""
        storage, name = self.image.storage, self.image.name
        sizes = [
            f"{storage.url(rendition_name(name, w))} {w}w"
            for w in RENDITION_WIDTHS
            if not self.image_width or w < self.image_width
        ]
        sizes.append(f"{self.image.url} {self.image_width or STORED_MAX_WIDTH}w")
        return ", ".join(sizes)

    def image_small_url(self) -> str:
        return self.image.storage.url(rendition_name(self.image.name, RENDITION_WIDTHS[0]))


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=CommentStatus.VISIBLE)

    def for_thread(self):
        return self.visible().select_related("author").order_by("created_at", "pk")


class Comment(models.Model):
    MAX_LENGTH = 2000

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="news_comments",
    )
    body = models.TextField(_("comment"), max_length=MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=16, choices=CommentStatus.choices, default=CommentStatus.VISIBLE
    )
    # Set when staff decided; reports made before that no longer hide it.
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("written"), default=timezone.now, db_index=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="news_comment_thread"),
            models.Index(fields=["author", "created_at"], name="news_comment_rate"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(body=""), name="news_comment_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.author} — {self.body[:60]}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"


class CommentReport(models.Model):
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="news_comment_reports",
    )
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="news_comment_report_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reporter} → {self.comment_id}"
