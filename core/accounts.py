"""allauth adapted to the portal."""

import copy

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's mails name the site ("Hello from {{ current_site.name }}!"); the
        Sites record holds one name, so give the mail the portal's name in the
        language the mail is written in."""
        site = copy.copy(get_current_site(allauth_context.request))
        site.name = gettext("Twinning portal")
        super().send_mail(template_prefix, email, {**context, "current_site": site})
