from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from partnerships.models import Region

from .models import Article, topic_label, topic_labels, topics_with_names

FEED_SIZE = 30


class PlainTextSummaryAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are plain text (Atom1Feed always says type="html")."""

    def add_item_elements(self, handler, item):
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


class LatestNewsFeed(Feed):
    """RSS 2.0; the Atom variants below change the generator and the summary type."""

    def get_object(self, request, slug=None):
        return None

    def title(self, obj):
        return _("News — Twinning portal")

    def description(self, obj):
        return _("News of Ukrainian communities and their partner municipalities abroad.")

    subtitle = description

    def author_name(self, obj):
        # Atom needs an author for the feed or for every entry; the portal publishes them all.
        return _("Twinning portal")

    def link(self, obj):
        return reverse("news:article-list")

    def items(self, obj):
        return Article.objects.published().for_cards()[:FEED_SIZE]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        # An RSS description is HTML; the lead is plain text, so "<b> & " must stay as typed.
        return escape(item.display_lead)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [topic.name for topic in topic_labels(item.tags.all())]


class TagNewsFeed(LatestNewsFeed):
    def get_object(self, request, slug=None):
        return get_object_or_404(topics_with_names(), slug=slug)

    def title(self, obj):
        return _("News on “%(tag)s” — Twinning portal") % {"tag": topic_label(obj).name}

    def link(self, obj):
        return reverse("news:tag", kwargs={"slug": obj.slug})

    def items(self, obj):
        return Article.objects.published().for_cards().filter(tags=obj)[:FEED_SIZE]


class RegionNewsFeed(LatestNewsFeed):
    def get_object(self, request, slug=None):
        return get_object_or_404(Region, slug=slug)

    def title(self, obj):
        return _("News of %(region)s — Twinning portal") % {"region": obj.name}

    def link(self, obj):
        return reverse("news:region", kwargs={"slug": obj.slug})

    def items(self, obj):
        return Article.objects.published().for_cards().filter(regions=obj)[:FEED_SIZE]


class AtomMixin:
    feed_type = PlainTextSummaryAtom1Feed

    def item_description(self, item):
        return item.display_lead


class LatestNewsAtom(AtomMixin, LatestNewsFeed):
    pass


class TagNewsAtom(AtomMixin, TagNewsFeed):
    pass


class RegionNewsAtom(AtomMixin, RegionNewsFeed):
    pass
