from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import titles


class NotificationGroup(models.TextChoices):
    """What a user chooses the delivery of: kinds that belong together."""

    REQUESTS = "requests", _("Requests for cooperation")
    MESSAGES = "messages", _("Messages")
    MEMORANDA = "memoranda", _("Versions and agreements of memoranda, yearly plans and reports")
    SIGNATURES = "signatures", _("Signatures and partnerships")
    DECISIONS = "decisions", _("Decisions of the ministry")


class NotificationKind(models.TextChoices):
    REQUEST_RECEIVED = "request_received", _("request received")
    REQUEST_ACCEPTED = "request_accepted", _("request accepted")
    REQUEST_DECLINED = "request_declined", _("request declined")
    REQUEST_WITHDRAWN = "request_withdrawn", _("request withdrawn")
    MESSAGE = "message", _("new message")
    MEMORANDUM_VERSION = "memorandum_version", _("new memorandum version")
    MEMORANDUM_AGREED = "memorandum_agreed", _("agreement to the memorandum")
    YEARLY_VERSION = "yearly_version", _("new version of a yearly plan or report")
    YEARLY_AGREED = "yearly_agreed", _("agreement to a yearly plan or report")
    SIGNATURE_RECORDED = "signature_recorded", _("a side signed the memorandum")
    MEMORANDUM_SIGNED = "memorandum_signed", _("memorandum signed")
    PARTNERSHIP_CREATED = "partnership_created", _("partnership created")
    APPLICATION_APPROVED = "application_approved", _("application approved")
    APPLICATION_REJECTED = "application_rejected", _("application rejected")
    PROPOSAL_APPROVED = "proposal_approved", _("municipality proposal approved")
    PROPOSAL_REJECTED = "proposal_rejected", _("municipality proposal rejected")
    COMMENT_HIDDEN = "comment_hidden", _("comment hidden")

    @property
    def group(self) -> NotificationGroup:
        return GROUP_OF[self]


K, G = NotificationKind, NotificationGroup
GROUP_OF = {
    K.REQUEST_RECEIVED: G.REQUESTS,
    K.REQUEST_ACCEPTED: G.REQUESTS,
    K.REQUEST_DECLINED: G.REQUESTS,
    K.REQUEST_WITHDRAWN: G.REQUESTS,
    K.MESSAGE: G.MESSAGES,
    K.MEMORANDUM_VERSION: G.MEMORANDA,
    K.MEMORANDUM_AGREED: G.MEMORANDA,
    K.YEARLY_VERSION: G.MEMORANDA,
    K.YEARLY_AGREED: G.MEMORANDA,
    K.SIGNATURE_RECORDED: G.SIGNATURES,
    K.MEMORANDUM_SIGNED: G.SIGNATURES,
    K.PARTNERSHIP_CREATED: G.SIGNATURES,
    K.APPLICATION_APPROVED: G.DECISIONS,
    K.APPLICATION_REJECTED: G.DECISIONS,
    K.PROPOSAL_APPROVED: G.DECISIONS,
    K.PROPOSAL_REJECTED: G.DECISIONS,
    K.COMMENT_HIDDEN: G.DECISIONS,
}


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("at once")
    DIGEST = "digest", _("in a daily digest")
    NEVER = "never", _("never")


def interface_languages():
    # A callable, so a language added to settings needs no migration.
    return settings.LANGUAGES


def _delivery_field(default: Delivery, group: NotificationGroup) -> models.CharField:
    return models.CharField(group.label, max_length=12, choices=Delivery.choices, default=default)


class MailPreference(models.Model):
    """How a user wants to be mailed: in which language, and how often per group.

    A user without a row has the defaults (`for_user` builds one unsaved).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="mail_preference",
    )
    language = models.CharField(
        _("language for e-mails"),
        max_length=8,
        choices=interface_languages,
        default=settings.LANGUAGE_CODE,
    )
    requests = _delivery_field(Delivery.IMMEDIATE, G.REQUESTS)
    messages = _delivery_field(Delivery.DIGEST, G.MESSAGES)
    memoranda = _delivery_field(Delivery.DIGEST, G.MEMORANDA)
    signatures = _delivery_field(Delivery.IMMEDIATE, G.SIGNATURES)
    decisions = _delivery_field(Delivery.IMMEDIATE, G.DECISIONS)

    class Meta:
        verbose_name = _("mail preference")
        verbose_name_plural = _("mail preferences")

    def __str__(self) -> str:
        return str(self.user)

    def delivery(self, kind: NotificationKind | str) -> Delivery:
        return Delivery(getattr(self, NotificationKind(kind).group.value))


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def digest_due(self):
        return self.filter(digest_pending=True)

    def pointing_to(self, about: str, anchor: str):
        """Those about `about` whose link ends in `anchor` (e.g. one message's)."""
        return self.filter(about=about, url__endswith=anchor)


class Notification(models.Model):
    """One thing that happened, for one user.

    The title is shown in the reader's current language (`display_title`), made from
    the title as written in the code and its parameters in every language (`titles`);
    `title` holds it in the recipient's mail language as it happened, and is what rows
    from before the parameters were kept (params null) show. The link is a path, shown
    in the reader's current language too (`link`).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    title_source = models.CharField(_("title, untranslated"), max_length=300, blank=True)
    params = models.JSONField(_("title parameters"), null=True, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # What it is about, for marking read together what the reader has now seen
    # (e.g. "conversation:12": the messages of one request's conversation).
    about = models.CharField(_("about"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # Waits for the daily digest (the recipient chose it for this kind).
    digest_pending = models.BooleanField(_("waits for the digest"), default=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_new"),
            models.Index(
                fields=["recipient", "about"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_about",
            ),
            models.Index(
                fields=["recipient"],
                condition=Q(digest_pending=True),
                name="notification_digest_pending",
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title in the language of the page (or mail) showing it."""
        rendered = titles.render(
            self.title_source, self.params, get_language() or settings.LANGUAGE_CODE
        )
        return rendered[:300] if rendered is not None else self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def link(self) -> str:
        """The link in the language of the page showing it."""
        # Our addresses differ between languages only in their prefix (/uk/, /en/ …).
        prefix, _slash, rest = self.url.lstrip("/").partition("/")
        if prefix in {code for code, _name in settings.LANGUAGES}:
            return f"/{get_language()}/{rest}"
        return self.url
