from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("feed/rss/", feeds.LatestNewsFeed(), name="rss"),
    path("feed/atom/", feeds.LatestNewsAtom(), name="atom"),
    path("tags/<str:slug>/", views.ArticleListView.as_view(scope="tag"), name="tag"),
    path("tags/<str:slug>/feed/rss/", feeds.TagNewsFeed(), name="tag-rss"),
    path("tags/<str:slug>/feed/atom/", feeds.TagNewsAtom(), name="tag-atom"),
    path("regions/<slug:slug>/", views.ArticleListView.as_view(scope="region"), name="region"),
    path("regions/<slug:slug>/feed/rss/", feeds.RegionNewsFeed(), name="region-rss"),
    path("regions/<slug:slug>/feed/atom/", feeds.RegionNewsAtom(), name="region-atom"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/report/", views.comment_report, name="comment-report"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("<slug:slug>/comments/", views.comment_create, name="comment-create"),
]
