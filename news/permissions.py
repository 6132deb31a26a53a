"""Who may do what with comments: every view that changes a comment asks here."""

from allauth.account.models import EmailAddress
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from .models import Comment, CommentStatus


def can_comment(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Signed in, active, and with at least one verified e-mail address (one query)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def can_delete_comment(user: AbstractBaseUser | AnonymousUser, comment: Comment) -> bool:
    """The author, while the comment is visible: a comment that reports or staff hid stays,
    with its reports, until the moderators decide (deleting it would erase the evidence)."""
    return (
        user.is_authenticated
        and user.is_active
        and comment.author_id == user.pk
        and comment.status == CommentStatus.VISIBLE
    )


def can_report_comment(user: AbstractBaseUser | AnonymousUser, comment: Comment) -> bool:
    return can_comment(user) and comment.author_id != user.pk
