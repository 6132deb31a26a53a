from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag
from taggit.utils import parse_tags

from . import services
from .images import clean_uploaded_image
from .models import (
    Article,
    ArticleQuerySet,
    ArticleStatus,
    Comment,
    CommentReport,
    CommentStatus,
    TopicName,
    topic_label,
)
from .widgets import RichTextWidget

# taggit's Tag.name is a varchar(100): a longer topic must be a form error, not a 500.
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length


def existing_tag(name: str) -> Tag | None:
    """The topic a typed name means, whatever its case and language.

    TAGGIT_CASE_INSENSITIVE makes taggit match with iexact, but SQLite folds only ASCII
    case, so the slug (lower-cased by taggit's slugify) is compared as well; a name in
    another language ("Partnership") means the topic too.
    """
    return (
        Tag.objects.filter(
            Q(name__iexact=name) | Q(slug=Tag().slugify(name)) | Q(names__name__iexact=name)
        )
        .order_by("pk")
        .first()
    )


class TopicNameInline(admin.TabularInline):
    model = TopicName
    verbose_name_plural = _("Names in each language")

    def get_extra(self, request, obj=None, **kwargs) -> int:
        # A blank row for each language without a name yet.
        named = obj.names.count() if obj is not None else 0
        return max(len(settings.LANGUAGES) - named, 0)

    def get_max_num(self, request, obj=None, **kwargs) -> int:
        return len(settings.LANGUAGES)


admin.site.unregister(Tag)


@admin.register(Tag)
class TopicAdmin(admin.ModelAdmin):
    """Topics: the base name and the slug (the address, the same in every language),
    and the name readers see in each language."""

    inlines = [TopicNameInline]
    fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    list_display = ["local_name", "name", "slug", "named_languages"]
    search_fields = ["name", "names__name"]
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("names")

    @admin.display(description=_("Name in your language"))
    def local_name(self, obj: Tag) -> str:
        return topic_label(obj).name

    @admin.display(description=_("Named in"))
    def named_languages(self, obj: Tag) -> str:
        codes = {row.language for row in obj.names.all()}
        return ", ".join(code for code, _name in settings.LANGUAGES if code in codes)


class TopicMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return topic_label(obj).name


class ArticleAdminForm(forms.ModelForm):
    # Existing topics are picked with the admin's autocomplete; new ones typed beside it.
    tags = TopicMultipleChoiceField(
        label=_("Topics"),
        queryset=Tag.objects.prefetch_related("names"),
        required=False,
        widget=AutocompleteSelectMultiple(Article._meta.get_field("tags"), admin.site),
    )
    new_tags = forms.CharField(
        label=_("New topics"),
        required=False,
        max_length=200,
        help_text=_("Topics not in the list yet, separated by commas."),
    )

    class Meta:
        model = Article
        fields = [
            "title", "slug", "lead", "body", "image", "image_alt", "status", "published_at",
            "author", "source_url", "tags", "regions", "communities",
        ]  # fmt: skip
        widgets = {"body_uk": RichTextWidget, "body_en": RichTextWidget}

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            return clean_uploaded_image(image)
        return image

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        new_tags = parse_tags(cleaned.get("new_tags", ""))
        for name in new_tags:
            if len(name) > TAG_MAX_LENGTH:
                self.add_error(
                    "new_tags",
                    _("A topic can be at most %(limit)d characters long: “%(start)s…”.")
                    % {"limit": TAG_MAX_LENGTH, "start": name[:40]},
                )
        cleaned["tags"] = [*cleaned.get("tags", []), *(existing_tag(n) or n for n in new_tags)]
        titles = {code: cleaned.get(f"title_{code}") for code in ("uk", "en")}
        if not any(titles.values()):
            raise forms.ValidationError(_("Give the article a title in at least one language."))
        # A language is either complete (title, lead, body) or absent.
        for code, title in titles.items():
            for field in ("lead", "body"):
                if title and not (cleaned.get(f"{field}_{code}") or "").strip():
                    self.add_error(
                        f"{field}_{code}",
                        _("Needed because the article has a title in this language."),
                    )
        # Readers of each language the article is written in get the image described.
        if cleaned.get("image"):
            for code, title in titles.items():
                if title and not (cleaned.get(f"image_alt_{code}") or "").strip():
                    self.add_error(
                        f"image_alt_{code}",
                        _("Describe the image for readers who cannot see it."),
                    )
        return cleaned


class PublicationFilter(admin.SimpleListFilter):
    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [
            ("live", _("live")),
            ("scheduled", _("scheduled")),
            (ArticleStatus.DRAFT, _("draft")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "live":
            return queryset.published(now=now)
        if self.value() == "scheduled":
            return queryset.filter(status=ArticleStatus.PUBLISHED, published_at__gt=now)
        if self.value() == ArticleStatus.DRAFT:
            return queryset.filter(status=ArticleStatus.DRAFT)
        return queryset


@admin.register(Article)
class ArticleAdmin(TranslationAdmin):
    form = ArticleAdminForm
    list_display = ["title", "publication", "published_at", "views", "comment_total"]
    list_filter = [PublicationFilter, "regions"]
    search_fields = ["title_uk", "title_en", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["regions", "communities", "author"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["views", "created_at", "updated_at"]
    actions = ["publish_now"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Publication"),
            {"fields": ["status", "published_at", "author", "source_url"]},
        ),
        (_("Labels"), {"fields": ["tags", "new_tags", "regions", "communities"]}),
        (_("Figures"), {"fields": ["views", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        articles: ArticleQuerySet = super().get_queryset(request)  # type: ignore[assignment]
        return articles.with_view_count().annotate(comments_total=Count("comments"))

    def preview(self, request, article):
        """ "Save and preview": the article page, where staff see drafts and scheduled ones."""
        self.message_user(
            request, _("The article is saved. This is how readers will see it."), messages.SUCCESS
        )
        return redirect(article.get_canonical_url())

    def response_add(self, request, obj, post_url_continue=None):
        if "_preview" in request.POST:
            return self.preview(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if "_preview" in request.POST:
            return self.preview(request, obj)
        return super().response_change(request, obj)

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("publication"))
    def publication(self, article):
        if article.status == ArticleStatus.DRAFT:
            return _("draft")
        if article.published_at > timezone.now():
            return _("scheduled")
        return _("live")

    @admin.display(description=_("views"), ordering="view_count")
    def views(self, article):
        return article.view_count

    @admin.display(description=_("comments"), ordering="comments_total")
    def comment_total(self, article):
        return article.comments_total

    @admin.action(
        description=_("Publish the selected articles now (their publication time becomes now)")
    )
    def publish_now(self, request, queryset):
        count = services.articles_publish(article_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext(
                "%(count)d article published, dated now.",
                "%(count)d articles published, dated now.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class ModerationFilter(admin.SimpleListFilter):
    title = _("moderation")
    parameter_name = "moderation"

    def lookups(self, request, model_admin):
        return [("queue", _("needs a decision")), ("reported", _("reported at least once"))]

    def queryset(self, request, queryset):
        if self.value() == "queue":
            return queryset.filter(status=CommentStatus.AWAITING_REVIEW)
        if self.value() == "reported":
            return queryset.filter(report_total__gt=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "author", "article_link", "created_at", "status", "report_total"]
    list_filter = [ModerationFilter, "status"]
    search_fields = ["body", "author__email", "article__title_uk", "article__title_en"]
    list_select_related = ["author", "article"]
    raw_id_fields = ["article", "author"]
    readonly_fields = ["article", "author", "created_at", "reviewed_at"]
    fields = ["article", "author", "body", "status", "created_at", "reviewed_at"]
    actions = ["hide", "unhide"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(report_total=Count("reports", filter=Q(reports__isnull=False)))
        )

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            obj.reviewed_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return comment.body[:80]

    @admin.display(description=_("article"))
    def article_link(self, comment):
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), comment.article)

    @admin.display(description=_("reports"), ordering="report_total")
    def report_total(self, comment):
        return comment.report_total

    @admin.action(description=_("Hide the selected comments"))
    def hide(self, request, queryset):
        self._moderate(request, queryset, hide=True)

    @admin.action(description=_("Show the selected comments again"))
    def unhide(self, request, queryset):
        self._moderate(request, queryset, hide=False)

    def _moderate(self, request, queryset, *, hide: bool) -> None:
        count = services.comments_moderate(
            comment_ids=list(queryset.values_list("pk", flat=True)), hide=hide
        )
        if hide:
            done = ngettext("%(count)d comment hidden.", "%(count)d comments hidden.", count)
        else:
            done = ngettext("%(count)d comment shown.", "%(count)d comments shown.", count)
        self.message_user(request, done % {"count": count}, messages.SUCCESS)


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ["comment", "reporter", "created_at"]
    list_select_related = ["comment", "reporter"]
    raw_id_fields = ["comment", "reporter"]
