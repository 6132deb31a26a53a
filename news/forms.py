import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from core.listing import ANY, AlphabeticalChoiceField, AlphabeticalChoiceFilter
from partnerships.models import Municipality, Region

from .models import (
    Article,
    ArticleStatus,
    Comment,
    TaggedArticle,
    topic_label,
    topics_with_names,
)


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Your comment")}
        widgets = {"body": forms.Textarea(attrs={"rows": 5, "maxlength": Comment.MAX_LENGTH})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in here, in the reader's language: "%" on a lazy text at import time
        # would fix it in the language active when the module was loaded.
        self.fields["body"].help_text = _(
            "Plain text, up to %(limit)s characters. Web addresses become links."
        ) % {"limit": Comment.MAX_LENGTH}

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before sending."))
        return body


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def live(prefix: str) -> dict:
    """Article.objects.published() as lookups through a relation (a join, not an IN list)."""
    return {f"{prefix}__status": ArticleStatus.PUBLISHED, f"{prefix}__published_at__lte": now()}


def used_tags(request=None):
    """Topics of live articles only: a draft's or a scheduled article's topic is not offered."""
    return topics_with_names().filter(
        Exists(TaggedArticle.objects.filter(tag=OuterRef("pk"), **live("content_object")))
    )


def communities_with_news(request=None):
    """Communities that live articles are about (not drafts or scheduled ones).

    The filter offers those of one region (see ArticleFilter.limit_communities): every
    community of the registry in one list would make each news page a long one."""
    return Municipality.objects.filter(
        Exists(
            Article.communities.through.objects.filter(
                municipality=OuterRef("pk"), **live("article")
            )
        )
    )


class TopicChoiceField(AlphabeticalChoiceField):
    """Topics by their names in the reader's language, in its alphabet."""

    def label_from_instance(self, obj) -> str:
        return topic_label(obj).name


class TopicChoiceFilter(AlphabeticalChoiceFilter):
    field_class = TopicChoiceField


SEARCH_MAX_LENGTH = 100


class TruncatedCharField(forms.CharField):
    """A text that is cut to max_length instead of being refused: a long pasted search
    still filters (by its first words) rather than being dropped with a warning."""

    def to_python(self, value):
        value = super().to_python(value)
        return value[: self.max_length].strip() if self.max_length else value


class TruncatedCharFilter(django_filters.CharFilter):
    field_class = TruncatedCharField


class ArticleFilter(django_filters.FilterSet):
    q = TruncatedCharFilter(
        label=_("Search the news"), method="filter_search", max_length=SEARCH_MAX_LENGTH
    )
    # Every list in the alphabet of the reader's language (core.listing), not the database's.
    tag = TopicChoiceFilter(
        label=_("Topic"),
        queryset=used_tags,
        to_field_name="slug",
        field_name="tags",
        empty_label=ANY,
    )
    region = AlphabeticalChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        field_name="regions",
        empty_label=ANY,
    )
    community = AlphabeticalChoiceFilter(
        label=_("Community"),
        queryset=communities_with_news,
        to_field_name="slug",
        field_name="communities",
        empty_label=ANY,
    )
    date_from = django_filters.DateFilter(
        label=_("From"), field_name="published_at", lookup_expr="date__gte", widget=DateInput()
    )
    date_to = django_filters.DateFilter(
        label=_("Until"), field_name="published_at", lookup_expr="date__lte", widget=DateInput()
    )

    class Meta:
        model = Article
        fields: list[str] = []

    # Set by a view whose URL fixes the topic or the region (no field for it then).
    scope: str | None = None
    scope_region_slug: str | None = None

    @property
    def form(self):
        """Built on first use only: a page whose rendered form is cached needs none."""
        if not hasattr(self, "_form"):
            form = super().form
            if self.scope:
                form.fields.pop(self.scope, None)
            self.limit_communities(form)
        return self._form

    def limit_communities(self, form) -> None:
        """Offer the communities of the chosen region, and the one chosen (a link from a
        profile names a community alone); without a region, a hint to choose one."""
        field = form.fields.get("community")
        if field is None:
            return
        data = self.data or {}
        region_slug = self.scope_region_slug or data.get("region")
        selected = data.get("community")
        wanted = Q(region__slug=region_slug) if region_slug else Q(pk__in=[])
        if selected:
            wanted |= Q(slug=selected)
        field.queryset = communities_with_news().filter(wanted)
        if not region_slug:
            field.help_text = _("Choose a region first to list its communities.")

    def filter_queryset(self, queryset):
        # The words last: a search ranks a bounded set of matches, which must already
        # be the ones of the other filters.
        words = self.form.cleaned_data.get("q")
        queryset = super().filter_queryset(queryset)
        return queryset.search(words) if words else queryset

    def filter_search(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset

    @property
    def is_search(self) -> bool:
        return bool(self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("q"))
