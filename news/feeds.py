from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from taggit.models import Tag

from partnerships.models import Region

from .models import Article

FEED_SIZE = 30


class LatestNewsFeed(Feed):
    """RSS 2.0; the Atom variants below only change the generator."""

    def get_object(self, request, slug=None):
        return None

    def title(self, obj):
        return _("News — Twinning portal")

    def description(self, obj):
        return _("News of Ukrainian communities and their partner municipalities abroad.")

    subtitle = description

    def link(self, obj):
        return reverse("news:article-list")

    def items(self, obj):
        return Article.objects.published().for_cards()[:FEED_SIZE]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        return item.display_lead

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class TagNewsFeed(LatestNewsFeed):
    def get_object(self, request, slug=None):
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj):
        return _("News on “%(tag)s” — Twinning portal") % {"tag": obj.name}

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


class LatestNewsAtom(LatestNewsFeed):
    feed_type = Atom1Feed


class TagNewsAtom(TagNewsFeed):
    feed_type = Atom1Feed


class RegionNewsAtom(RegionNewsFeed):
    feed_type = Atom1Feed
