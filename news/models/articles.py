"""The article: its texts in two languages, its image, its labels."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from core.languages import content_order
from partnerships.models import Municipality, Region

from ..images import (
    RENDITION_WIDTHS,
    STORED_MAX_WIDTH,
    delete_image_files,
    make_renditions,
    rendition_name,
)
from ..text import sanitise_body, search_text
from .counts import ArticleViewCount
from .queries import ArticleQuerySet, ArticleStatus
from .search import (
    LANGUAGES,
    SEARCH_DOCUMENT_FIELD,
    SEARCH_LABELS_FIELD,
    SEARCH_TEXT_FIELDS,
    SEARCH_WEIGHTS,
    SearchDocumentField,
)
from .topics import TaggedArticle


def article_image_path(instance: "Article", filename: str) -> str:
    # clean_uploaded_image() already generated the name; keep only that.
    return f"news/{filename.rsplit('/', 1)[-1]}"


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
    # The view count as read with the row (ArticleQuerySet.with_view_count) or set.
    _view_count: int | None = None

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
        # Written elsewhere, never from a possibly stale instance: the labels when
        # topics, regions or communities change, the document by the database.
        kept = {SEARCH_LABELS_FIELD, SEARCH_DOCUMENT_FIELD}
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

    # Views ------------------------------------------------------------------
    @property
    def view_count(self) -> int:
        """Readers' views (ArticleViewCount, kept by news.services.article_add_view): as
        annotated by the query that read the article, else read now."""
        if self._view_count is None:
            self._view_count = ArticleViewCount.of(self.pk)
        return self._view_count

    @view_count.setter
    def view_count(self, value: int) -> None:
        self._view_count = value

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
