from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import caching
from core.responses import compressed_body, conditional_response
from partnerships.models import Activity

FEED_SIZE = 30


class LatestActivitiesFeed(Feed):
    """RSS 2.0 of the newest published activities of all partnerships."""

    def title(self):
        return _("Activities of partnerships — Twinning portal")

    def description(self):
        return _("What Ukrainian communities and their partners abroad do together.")

    def link(self):
        return reverse("partnerships:municipality-list")

    def items(self):
        return Activity.objects.for_feed().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.partnership}: {item.title}"

    def item_description(self, item):
        # An RSS description is HTML; the description is plain text, kept as typed.
        return escape(item.description)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [item.get_kind_display()]


@require_safe
def activity_feed(request):
    """The feed, rendered once per registry and activities generation, language and
    host (its links are absolute), with an ETag: a feed reader that polls it gets a 304
    until an activity is published or changed."""
    registry, activities = caching.tokens("registry", "activities")
    key = f"activity-feed:{registry}:{activities}:{get_language()}:{request.get_host()}"
    entry = cache.get(key)
    if entry is None:
        response = LatestActivitiesFeed()(request)
        entry = {**compressed_body(response.content.decode()), "type": response["Content-Type"]}
        cache.set(key, entry, caching.MAX_AGE)
    return conditional_response(request, entry, entry["type"])
