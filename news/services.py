"""Writes of the news app: view counting and comments."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.notifications.models import NotificationKind
from core.notifications.service import notify

from .caching import comments_changed, news_changed
from .models import (
    Article,
    ArticleStatus,
    ArticleViewCount,
    Comment,
    CommentReport,
    CommentStatus,
)

COMMENT_RATE_LIMIT = 5  # comments per user ...
COMMENT_RATE_WINDOW = timedelta(minutes=10)  # ... in this window
# The same text by the same author on the same article within this time is a double submit.
DUPLICATE_WINDOW = timedelta(minutes=10)
REPORTS_TO_HIDE = 3


def article_add_view(*, article_id: int) -> int | None:
    """Add one view and return the new count (None when nothing was counted), in one
    statement, so a page can show it without reading it again.

    Only a published article whose time has come is counted (the condition is part of
    the statement). The count is an upsert of the article's row in the narrow
    ArticleViewCount table (news.models.counts: a HOT update, no index touched); the
    database serialises parallel readers, and the first view creates the row.
    """
    views = connection.ops.quote_name(ArticleViewCount._meta.db_table)
    articles = connection.ops.quote_name(Article._meta.db_table)
    # A view count is not worth a wait for the disk: on PostgreSQL this statement's
    # commit does not wait for its WAL flush (synchronous_commit off for its own
    # transaction only). A crash of the database server may lose the last fraction of
    # a second of counts; it cannot make anything inconsistent.
    unflushed = (
        ", (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed"
        if connection.vendor == "postgresql"
        else ""
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {views} (article_id, views) "  # noqa: S608 - our SQL
            f"SELECT id, 1 FROM {articles}{unflushed} "
            "WHERE id = %s AND status = %s AND published_at <= %s "
            f"ON CONFLICT (article_id) DO UPDATE SET views = {views}.views + 1 "
            "RETURNING views",
            [
                article_id,
                ArticleStatus.PUBLISHED,
                connection.ops.adapt_datetimefield_value(timezone.now()),
            ],
        )
        row = cursor.fetchone()
    return row[0] if row else None


class DuplicateComment(Exception):
    """The author has just published this very text on this article (a double submit)."""

    def __init__(self, comment: Comment):
        super().__init__(comment.pk)
        self.comment = comment


@transaction.atomic
def comment_create(*, article: Article, author: AbstractBaseUser, body: str) -> Comment:
    """Create a comment.

    Raises ValidationError when the author writes too fast or the article is not
    public, and DuplicateComment when the same text is already there (a double submit).
    """
    if article.status != ArticleStatus.PUBLISHED or not article.is_public:
        raise ValidationError(_("This article is not open for comments."), code="not_public")
    body = body.strip()
    # The author's row is the lock: their parallel posts take turns here, so each one's
    # count and duplicate check below see the comments the others committed.
    get_user_model().objects.select_for_update().filter(pk=author.pk).values("pk").get()
    now = timezone.now()
    duplicate = (
        Comment.objects.filter(
            author=author, article=article, body=body, created_at__gte=now - DUPLICATE_WINDOW
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if duplicate is not None:
        raise DuplicateComment(duplicate)
    recent = Comment.objects.filter(author=author, created_at__gte=now - COMMENT_RATE_WINDOW)
    count = recent.count()
    if count >= COMMENT_RATE_LIMIT:
        raise ValidationError(
            _("You have written %(count)s comments in the last %(minutes)s minutes. "
              "Please wait a little before writing again.")
            % {"count": count, "minutes": int(COMMENT_RATE_WINDOW.total_seconds() // 60)},
            code="rate_limited",
        )  # fmt: skip
    comment = Comment(article=article, author=author, body=body)
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_report(*, comment: Comment, reporter: AbstractBaseUser) -> bool:
    """Record one report per user; the third distinct reporter hides the comment.

    Returns False if this user had already reported it. Reports made before a
    staff review do not count again.
    """
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, reporter=reporter)
    except IntegrityError:
        return False
    reports = CommentReport.objects.filter(comment=comment)
    if comment.reviewed_at is not None:
        reports = reports.filter(created_at__gt=comment.reviewed_at)
    # Conditional UPDATE: a comment staff already hid stays "hidden by staff".
    if reports.count() >= REPORTS_TO_HIDE and Comment.objects.filter(
        pk=comment.pk, status=CommentStatus.VISIBLE
    ).update(status=CommentStatus.AWAITING_REVIEW):
        comments_changed(comment.article_id)
    return True


def comment_delete(*, comment: Comment) -> None:
    comment.delete()


def comments_moderate(*, comment_ids: list[int], hide: bool) -> int:
    """Staff decision on comments: hide or show them, marking them as reviewed."""
    status = CommentStatus.HIDDEN if hide else CommentStatus.VISIBLE
    comments = Comment.objects.filter(pk__in=comment_ids)
    article_ids = set(comments.values_list("article_id", flat=True))
    newly_hidden = list(
        comments.exclude(status=CommentStatus.HIDDEN).select_related("author", "article")
        if hide
        else []
    )
    count = comments.update(status=status, reviewed_at=timezone.now())
    for comment in newly_hidden:
        notify(
            [comment.author],
            NotificationKind.COMMENT_HIDDEN,
            comment.article,
            title=gettext_lazy("Your comment on “%(article)s” was hidden by the moderators"),
            params={"article": comment.article},
            excerpt=comment.body,
        )
    for article_id in article_ids:
        comments_changed(article_id)
    return count


def articles_publish(*, article_ids: list[int]) -> int:
    """Publish now: every selected draft or scheduled article goes live dated now.

    A draft keeps no stale date from when it was started, and a scheduled article does
    not wait. Articles already live keep their date. Returns how many were published.
    """
    now = timezone.now()
    count = (
        Article.objects.filter(pk__in=article_ids)
        .exclude(status=ArticleStatus.PUBLISHED, published_at__lte=now)
        .update(status=ArticleStatus.PUBLISHED, published_at=now)
    )
    news_changed()
    return count
