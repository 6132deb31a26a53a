"""notify(): the one call every step makes; the language to mail a user in.

A step (a request answered, a message written, a comment hidden …) calls
`notify(recipients, kind, target, title=…, params=…)` inside its transaction. Each
recipient gets a notification (bell and page) whose title is shown in the reader's
language (`titles`), and,
after commit, a mail through the task queue if they chose "at once" for the kind;
"digest" marks it for the daily digest (`digest.py`), "never" mails nothing.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import Promise

from core.caching import bump, generation_value
from core.tasks import send_email

from . import titles
from .models import Delivery, MailPreference, Notification, NotificationKind

StrOrPromise = str | Promise


@dataclass(frozen=True)
class MailLanguageSource:
    """An app that keeps a language for some users (an official's language for mails):
    `get` answers for many users at once ({user id: language}, leaving out those it
    keeps none for), `set` stores a new choice (or does nothing)."""

    get: Callable[[list[Any]], Mapping[int, str]]
    set: Callable[[Any, str], None]


_SOURCES: list[MailLanguageSource] = []


def register_mail_language_source(source: MailLanguageSource) -> None:
    """Apps register in their AppConfig.ready(); the ground floor imports none of them."""
    if source not in _SOURCES:
        _SOURCES.append(source)


def preference_of(user) -> MailPreference:
    """The user's mail preference, or the defaults (unsaved) if they never chose."""
    try:
        return user.mail_preference
    except MailPreference.DoesNotExist:
        return MailPreference(user=user)


def mail_language(user, default: str | None = None) -> str:
    """The language to mail this user in: what an app keeps for them (an official's
    language setting), else their own choice, else the language they signed up in
    (stored as their choice at sign-up), else `default` or the portal's default."""
    return mail_languages([user], default=default)[user.pk]


def mail_languages(
    users: list[Any],
    *,
    preferences: Mapping[int, MailPreference] | None = None,
    default: str | None = None,
) -> dict[int, str]:
    """`mail_language` of many users in a fixed number of queries: one per app source
    and one for the preferences (none if the caller has them)."""
    if preferences is None:
        rows = MailPreference.objects.filter(user_id__in=[user.pk for user in users])
        preferences = {preference.user_id: preference for preference in rows}
    kept: dict[int, str] = {}
    for source in _SOURCES:
        if asked := [user for user in users if user.pk not in kept]:
            kept.update({pk: language for pk, language in source.get(asked).items() if language})
    fallback = default or settings.LANGUAGE_CODE
    return {
        user.pk: kept.get(user.pk)
        or (preferences[user.pk].language if user.pk in preferences else fallback)
        for user in users
    }


def set_mail_preference(user, choices: Mapping[str, str]) -> None:
    """The settings page's choices (language, delivery per group): the user's own, and
    the language for any app that keeps one. One row per user, also when the first
    choice is submitted twice at once."""
    MailPreference.objects.update_or_create(user=user, defaults=dict(choices))
    for source in _SOURCES:
        source.set(user, choices["language"])


def remember_signup_language(user, language: str) -> None:
    """A new account's mails go out in the language it signed up in, until changed."""
    codes = {code for code, _name in settings.LANGUAGES}
    MailPreference.objects.get_or_create(
        user=user, defaults={"language": language if language in codes else settings.LANGUAGE_CODE}
    )


def notify(
    recipients: Iterable[Any],
    kind: NotificationKind,
    target: Any = None,
    *,
    title: StrOrPromise,
    params: Mapping[str, Any] | None = None,
    excerpt: str = "",
    actor: Any = None,
    about: str = "",
    mail: tuple[str, Mapping[str, Any]] | None = None,
    quiet: bool = False,
) -> list[Notification]:
    """Tell each recipient (users; the actor is left out) that `kind` happened to `target`.

    title: a lazy translatable text with %(name)s placeholders, filled from `params`
    (model instances are turned into text in each language; numbers stay numbers), and
    rendered in the language of whoever reads it.
    about: a key for marking read together what the reader has seen (`mark_read_about`).
    mail: a template prefix (`<prefix>_subject.txt`, `_body.txt`) and its context for
    the immediate mail; by default the generic notification mail.
    quiet: the bell only, no mail at once or in the digest (the same step mailed already).
    """
    users = {
        user.pk: user
        for user in recipients
        if user is not None and user.is_active and (actor is None or user.pk != actor.pk)
    }
    if not users:
        return []
    preferences = {p.user_id: p for p in MailPreference.objects.filter(user_id__in=list(users))}
    languages = mail_languages(list(users.values()), preferences=preferences)
    # Kept as written in the code, with the parameters in every language: each reader
    # sees the title in theirs (Notification.display_title).
    source = titles.source_of(title)
    stored_params = titles.params_in_every_language(params)
    notifications, mails = [], []
    for user in users.values():
        preference = preferences.get(user.pk) or MailPreference(user=user)
        language = languages[user.pk]
        text = (
            titles.render(source, stored_params, language)
            or titles.render(source, stored_params, titles.SOURCE_LANGUAGE)
            or source
        )
        with translation.override(language):
            path = _path_of(target)  # under the recipient's language prefix
        delivery = preference.delivery(kind) if user.email and not quiet else Delivery.NEVER
        notifications.append(
            Notification(
                recipient=user,
                kind=kind,
                title=text[:300],
                title_source=source[:300],
                params=stored_params,
                excerpt=excerpt[:1000],
                url=path,
                about=about,
                digest_pending=delivery == Delivery.DIGEST,
            )
        )
        if delivery == Delivery.IMMEDIATE:
            mails.append((user.email, language, text, path))
    created = Notification.objects.bulk_create(notifications)
    unread_changed(*users)
    if mails:
        transaction.on_commit(lambda: _send(mails, excerpt, mail), robust=True)
    return created


def unread_count(user) -> int:
    """The bell's count, kept in the cache per user until one of their notifications
    is written, read or deleted (`unread_changed`)."""
    return generation_value(
        _unread_generation(user.pk),
        lambda: Notification.objects.for_user(user).unread().count(),
    )


def unread_changed(*user_ids: int) -> None:
    """These users' bell counts are computed again on their next page."""
    for user_id in user_ids:
        bump(_unread_generation(user_id))


def _unread_generation(user_id: int) -> str:
    return f"notifications-unread:{user_id}"


def mark_read(notification: Notification) -> None:
    if Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    ):
        unread_changed(notification.recipient_id)


def mark_all_read(user) -> int:
    count = Notification.objects.for_user(user).unread().update(read_at=timezone.now())
    if count:
        unread_changed(user.pk)
    return count


def mark_read_about(user, about: str) -> int:
    """The reader has seen it (a conversation they just read): its notifications are read."""
    count = (
        Notification.objects.for_user(user)
        .unread()
        .filter(about=about)
        .update(read_at=timezone.now())
    )
    if count:
        unread_changed(user.pk)
    return count


def forget_excerpts(about: str, anchor: str) -> int:
    """Text that may no longer be shown (a message hidden by staff) leaves the
    notifications that quoted it: the page, the bell and the digest still to go out."""
    return Notification.objects.pointing_to(about, anchor).update(excerpt="")


def _path_of(target: Any) -> str:
    """A model's page, or a path given as text (possibly lazy), or none."""
    if target is None:
        return ""
    if hasattr(target, "get_absolute_url"):
        return target.get_absolute_url()
    return str(target)


def _send(
    mails: list[tuple[str, str, str, str]],
    excerpt: str,
    mail: tuple[str, Mapping[str, Any]] | None,
) -> None:
    prefix, extra = mail or ("core/email/notification", {})
    for email, language, title, path in mails:
        context = {
            **extra,
            "title": title,
            "excerpt": excerpt,
            "link": f"{settings.PORTAL_BASE_URL}{path}" if path else "",
            "base_url": settings.PORTAL_BASE_URL,
        }
        with translation.override(language):
            subject = render_to_string(f"{prefix}_subject.txt", context)
            body = render_to_string(f"{prefix}_body.txt", context)
        send_email.enqueue(subject=" ".join(subject.split()), body=body, to=[email])


@receiver(post_save, sender=Notification, dispatch_uid="notification_saved_unread")
@receiver(post_delete, sender=Notification, dispatch_uid="notification_deleted_unread")
def _notification_changed(sender, instance: Notification, **kwargs) -> None:
    """One saved or deleted on its own (admin): `notify()` and the marks above write
    in bulk, which sends no signal, and call `unread_changed` themselves."""
    unread_changed(instance.recipient_id)
