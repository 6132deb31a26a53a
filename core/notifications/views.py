"""The notifications page, marking as read, and the mail settings page."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .models import MailPreference, Notification
from .service import mail_language, mark_all_read, mark_read, preference_of, set_mail_preference

PAGE_SIZE = 50


@login_required
def notification_list(request):
    """The newest notifications first (the latest PAGE_SIZE: older ones are history)."""
    notifications = list(Notification.objects.for_user(request.user)[:PAGE_SIZE])
    return render(
        request,
        "core/notification_list.html",
        {
            "notifications": notifications,
            "has_unread": any(not n.is_read for n in notifications),
            "crumbs": [(_("Notifications"), "")],
        },
    )


@login_required
@require_POST
def notification_read(request, pk: int):
    """Mark one as read and go where it points (or back to the list)."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    mark_read(notification)
    if request.POST.get("open") and notification.url:
        return redirect(notification.link)
    return _back(request)


@login_required
@require_POST
def notification_read_all(request):
    count = mark_all_read(request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return _back(request)


def _back(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("core:notification-list")
    return redirect(target)


class MailSettingsForm(forms.ModelForm):
    class Meta:
        model = MailPreference
        fields = ["language", "requests", "messages", "memoranda", "signatures", "decisions"]
        widgets = {
            name: forms.RadioSelect
            for name in ["requests", "messages", "memoranda", "signatures", "decisions"]
        }
        help_texts = {
            "language": gettext_lazy("Every mail of the portal reaches you in this language."),
        }


@login_required
def notification_settings(request):
    preference = preference_of(request.user)
    form = MailSettingsForm(
        request.POST or None,
        instance=preference,
        initial={"language": mail_language(request.user)},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            set_mail_preference(request.user, form.cleaned_data)
            messages.success(request, _("Your notification settings are saved."))
            return redirect("core:notification-settings")
        status = 400
    return render(
        request,
        "core/notification_settings.html",
        {
            "form": form,
            "crumbs": [
                (_("Notifications"), reverse("core:notification-list")),
                (_("Notification settings"), ""),
            ],
        },
        status=status,
    )
