from django.urls import path, register_converter

from . import feeds, views


class UnicodeSlugConverter:
    """Letters of any script, digits, hyphens and underscores (what taggit's slugify and
    validate_unicode_slug allow); anything else, control characters included, is a 404
    before a query is made (PostgreSQL refuses a NUL in a string)."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(UnicodeSlugConverter, "unicode_slug")

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("feed/rss/", feeds.LatestNewsFeed(), name="rss"),
    path("feed/atom/", feeds.LatestNewsAtom(), name="atom"),
    path("tags/<unicode_slug:slug>/", views.ArticleListView.as_view(scope="tag"), name="tag"),
    path("tags/<unicode_slug:slug>/feed/rss/", feeds.TagNewsFeed(), name="tag-rss"),
    path("tags/<unicode_slug:slug>/feed/atom/", feeds.TagNewsAtom(), name="tag-atom"),
    path("regions/<slug:slug>/", views.ArticleListView.as_view(scope="region"), name="region"),
    path("regions/<slug:slug>/feed/rss/", feeds.RegionNewsFeed(), name="region-rss"),
    path("regions/<slug:slug>/feed/atom/", feeds.RegionNewsAtom(), name="region-atom"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment-report"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("<slug:slug>/comments/", views.comment_create, name="comment-create"),
]
