"""The conversation of a request: the form, writing, hiding, attachments.

The rule for who reads and writes is the request's (`permissions.get_request_for_user`):
both sides' approved officials and staff; anyone else gets a 404. Only staff hide.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.submit_once import SubmitKeyField, new_key
from core.uploads import DOCUMENT_HINT, clean_document
from partnerships import permissions
from partnerships.models import Message
from partnerships.services import conversation

MAX_MESSAGE_CHARS = 5000


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        required=False,
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Plain text; links are made clickable."),
    )
    attachment = forms.FileField(
        label=gettext_lazy("Attachment"),
        required=False,
        help_text=DOCUMENT_HINT,
    )
    submit_key = SubmitKeyField()

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        self.attachment_name = get_valid_filename(upload.name) or "attachment"
        return clean_document(upload)

    def clean(self):
        cleaned = super().clean() or {}
        empty = not (cleaned.get("body") or "").strip() and not cleaned.get("attachment")
        if empty and not self.errors:
            raise ValidationError(_("Write a message or attach a file."))
        return cleaned


def new_form() -> MessageForm:
    return MessageForm(initial={"submit_key": new_key()})


@login_required
@require_POST
def message_create(request, pk: int):
    cooperation_request = permissions.get_request_for_user(request.user, pk)
    back = _back(request, cooperation_request).url
    if sent := conversation.already_sent(cooperation_request, request.POST.get("submit_key")):
        return _back(request, cooperation_request, anchor=sent.anchor)
    if reason := conversation.closed_reason(cooperation_request):
        return _refused(request, cooperation_request, back=back, reason=reason)
    form = MessageForm(request.POST, request.FILES)
    if not form.is_valid():
        # A clear reason and the way back, with what was typed kept in the form.
        return render(
            request,
            "partnerships/message_refused.html",
            {
                "cooperation_request": cooperation_request,
                "form": form,
                "back": back,
            },
            status=400,
        )
    try:
        message, created = conversation.message_post(
            cooperation_request=cooperation_request,
            author=request.user,
            body=form.cleaned_data["body"].strip(),
            attachment=form.cleaned_data["attachment"],
            attachment_name=getattr(form, "attachment_name", ""),
            submit_key=form.cleaned_data["submit_key"],
        )
    except conversation.ConversationClosed as error:
        # Declined or withdrawn while the message was being written.
        return _refused(request, cooperation_request, back=back, reason=str(error))
    if created:
        messages.success(request, _("Your message was sent."))
    return _back(request, cooperation_request, anchor=message.anchor)


def _refused(request, cooperation_request, *, back: str, reason: str):
    """The conversation is closed: say why, with the way back to read it, and no form."""
    return render(
        request,
        "partnerships/message_refused.html",
        {"cooperation_request": cooperation_request, "reason": reason, "back": back},
        status=409,
    )


@login_required
@require_POST
def message_hide(request, pk: int, message_pk: int):
    cooperation_request = permissions.get_request_for_user(request.user, pk)
    if not request.user.is_staff:
        raise PermissionDenied
    message = get_object_or_404(Message, pk=message_pk, request=cooperation_request)
    hidden = request.POST.get("hidden") != "0"
    conversation.message_set_hidden(message=message, by=request.user, hidden=hidden)
    messages.success(
        request, _("The message is hidden.") if hidden else _("The message is shown again.")
    )
    return _back(request, cooperation_request, anchor=message.anchor)


@login_required
def message_attachment(request, pk: int, message_pk: int):
    cooperation_request = permissions.get_request_for_user(request.user, pk)
    message = get_object_or_404(
        Message.objects.shown_to(request.user), pk=message_pk, request=cooperation_request
    )
    if not message.attachment:
        raise Http404
    return FileResponse(
        message.attachment.open("rb"),
        content_type=message.attachment_type or "application/octet-stream",
        as_attachment=True,
        filename=message.attachment_name or "attachment",
    )


def _back(request, cooperation_request, *, anchor: str = "conversation"):
    """To the page the form was on (the request's or the memorandum's)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = cooperation_request.get_absolute_url()
    return redirect(f"{target.split('#')[0]}#{anchor}")
