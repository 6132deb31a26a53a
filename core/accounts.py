"""allauth adapted to the portal: mails through the task queue, one account per address."""

import copy
import logging
import secrets
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal import flows
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext

from core.notifications.service import mail_language, remember_signup_language
from core.tasks import send_email

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the mail now, in the account's mail language (core.notifications:
        chosen on the settings page, at first the language it signed up in), or for an
        address without an account in the language of the page the person is on, and
        queue it once the request's work is committed.

        The request never talks to the mail server: a server that refuses or never
        answers leaves sign-up and password reset answering as usual, and the worker
        sends the mail when the server is back. allauth's mails name the site
        ("Hello from {{ current_site.name }}!"); the Sites record holds one name, so
        the mail gets the portal's name in its own language.
        """
        request = allauth_context.request
        with translation.override(self._language_for(email)):
            site = copy.copy(get_current_site(request))
            site.name = gettext("Twinning portal")
            ctx = {"request": request, "email": email, **context, "current_site": site}
            message = self.render_mail(template_prefix, email, ctx)
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
        fields: dict[str, Any] = {
            "subject": str(message.subject),
            "body": str(message.body),
            "to": list(message.to),
            "html": str(html),
            "from_email": str(message.from_email or ""),
        }
        # robust: the action stands even if the queue cannot take the mail; it is logged.
        transaction.on_commit(lambda: send_email.enqueue(**fields), robust=True)

    def _language_for(self, email: str) -> str:
        user = get_user_model().objects.filter(email__iexact=email).first()
        page = translation.get_language()
        return mail_language(user, default=page) if user is not None else page

    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        self._username_collided = getattr(form, "username_collided", False)
        user = super().save_user(request, user, form, commit)
        if commit:
            remember_signup_language(user, translation.get_language())
        return user

    def populate_username(self, request: HttpRequest, user) -> None:
        super().populate_username(request, user)
        if getattr(self, "_username_collided", False):
            # The username allauth derived from the address was taken by a parallel
            # sign-up: a random suffix makes this one distinct (e-mail is the login).
            user.username = f"{user.username[:20]}-{secrets.token_hex(4)}"


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, safe against two submits of the same address at once.

    The form checks that the address is free, then creates the account; two
    requests can both pass the check. The database holds one account per
    address (core migration 0001), so the second insert fails: that request then
    answers like any sign-up for a taken address (allauth's "verification sent"
    page, and a mail to the owner), not with a server error. A username that two
    different addresses happened to generate at once is made distinct and tried again.
    """

    def try_save(self, request: HttpRequest):
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            email = self.cleaned_data.get("email") or ""
            if get_user_model().objects.filter(email__iexact=email).exists():
                logger.info("A sign-up raced another for the same address: answered as taken")
                return None, flows.signup.prevent_enumeration(request, email=email, phone=None)
        # Two different addresses generated the same username at once: the next try
        # makes it distinct.
        self.username_collided = True
        with transaction.atomic():
            return super().try_save(request)
