"""Readers' comments on articles, and their reports of a comment."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .articles import Article


class CommentStatus(models.TextChoices):
    VISIBLE = "visible", _("visible")
    # Hidden automatically by readers' reports until staff look at it.
    AWAITING_REVIEW = "awaiting_review", _("hidden, awaiting review")
    HIDDEN = "hidden", _("hidden by staff")


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
