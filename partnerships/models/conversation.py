import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.submit_once import submit_key_field, submitted_once
from partnerships.memoranda.models import private_storage

from .cooperation import CooperationRequest
from .municipality import Municipality


def attachment_path(instance: "Message", filename: str) -> str:
    # A generated name: the uploader's file name never reaches the disk.
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"messages/{uuid.uuid4().hex}.{extension}"


class MessageQuerySet(models.QuerySet):
    def shown_to(self, user):
        """Staff see hidden messages too (marked so); the parties do not."""
        return self if user.is_staff else self.filter(hidden_at__isnull=True)

    def for_thread(self):
        return self.select_related("author", "municipality", "hidden_by").order_by(
            "created_at", "id"
        )


class Message(models.Model):
    """One message in the conversation of a request (it carries on into the memorandum).

    Who may read and write is who may see the request (`CooperationRequest.visible_to`):
    the two sides' approved officials and staff. `municipality` is the side the author
    wrote for; empty for the ministry. A message hidden by staff is kept for the audit.
    """

    request = models.ForeignKey(
        CooperationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("written for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField(_("message"), blank=True)
    attachment = models.FileField(
        _("attachment"), upload_to=attachment_path, storage=private_storage, blank=True
    )
    attachment_name = models.CharField(_("attachment name"), max_length=200, blank=True)
    attachment_type = models.CharField(_("attachment type"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    # The form's one-time key: a second submit of the same form makes no second message.
    submit_key = submit_key_field()
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        constraints = [
            submitted_once("request", name="message_submitted_once"),
            models.CheckConstraint(
                condition=~Q(body="") | ~Q(attachment=""), name="message_not_empty"
            ),
        ]
        indexes = [models.Index(fields=["request", "created_at"], name="message_thread")]

    def __str__(self) -> str:
        return f"{self.request} · {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:request-detail", kwargs={"pk": self.request_id}) + (
            f"#{self.anchor}"
        )

    @property
    def anchor(self) -> str:
        """The message's place on the page (its element's id)."""
        return f"message-{self.pk}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def attachment_url(self) -> str:
        return reverse(
            "partnerships:message-attachment",
            kwargs={"pk": self.request_id, "message_pk": self.pk},
        )


class ThreadReading(models.Model):
    """How far a reader has read a request's conversation (the newest message seen)."""

    request = models.ForeignKey(CooperationRequest, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("thread reading")
        verbose_name_plural = _("thread readings")
        constraints = [
            models.UniqueConstraint(fields=["request", "user"], name="thread_reading_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.request_id} · {self.last_read_id}"
