"""allauth's two-factor pages: the same addresses as allauth's own, their views (and
cryptography, fido2) imported on the first request to one of them, not by every page."""

import pytest
from allauth.mfa import urls as allauth_mfa_urls
from django.urls import URLPattern, URLResolver, reverse

from core import account_urls
from tests.fresh import python_output

CHECK = """
import sys
import django
django.setup()
from django.test import Client
from django.urls import resolve, reverse
reverse("home"), reverse("mfa_index"), reverse("mfa_activate_totp"), resolve(reverse("mfa_index"))
assert Client().get(reverse("about")).status_code == 200
loaded = [m for m in sys.modules
          if m.startswith(("fido2", "cryptography")) or m.startswith("allauth.mfa") and ".views" in m]
print(",".join(sorted(loaded)))
"""


def _flat(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _flat(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            assert isinstance(pattern, URLPattern)
            yield prefix + str(pattern.pattern), pattern.name, pattern.callback


def test_the_lazy_two_factor_addresses_are_allauths_own():
    ours = {route: (name, callback) for route, name, callback in _flat(account_urls.urlpatterns)}
    theirs = list(_flat(allauth_mfa_urls.urlpatterns, "2fa/"))
    assert theirs
    for route, name, view in theirs:
        our_name, callback = ours[route]
        assert our_name == name
        module, _dot, attribute = callback.lazy_view.rpartition(".")
        assert getattr(__import__(module, fromlist=[attribute]), attribute) is view


def test_reversing_urls_and_rendering_a_page_import_no_two_factor_view(db):
    env = {"DJANGO_SETTINGS_MODULE": "twinning.test_settings"}
    assert python_output(CHECK, env).strip().splitlines()[-1:] in ([], [""])


@pytest.mark.usefixtures("english")
def test_the_two_factor_pages_still_answer(client, plain_user):
    client.force_login(plain_user)
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert reverse("mfa_activate_totp") in page.content.decode()
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)
