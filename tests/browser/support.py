"""What the browser tests share: Debian's Chromium, the marks, people, screenshots."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# A reader's browser: the view counter leaves out agents that call themselves headless.
DESKTOP_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Safari/537.36"
)
PASSWORD = "correct horse battery staple"  # what tests.factories gives every user
# Git-ignored; emptied at the start of each run (see tests/conftest.py).
SCREENSHOTS = ROOT / "build" / "screenshots"

# Every browser test module: `pytestmark = BROWSER_TESTS`. Without Chromium a developer's
# run skips them; CI (CI=true) must not, so there a missing browser fails.
BROWSER_TESTS = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="Debian's chromium is installed by bin/setup",
    ),
]


def languages() -> list[str]:
    """Every language the portal offers, as settings say: new ones are covered as added."""
    return [code for code, _name in settings.LANGUAGES]


def url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def in_language(path: str, language: str) -> str:
    """The same page in another language: the first path segment is the language."""
    return re.sub(r"^/[^/]+/", f"/{language}/", path, count=1)


def session_cookie(user, base_url: str) -> dict:
    """A signed-in session for `user`, as a cookie for a browser context."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"name": name, "value": client.cookies[name].value, "url": base_url}


def go_by(page, target) -> None:
    """Click a link or a form's button (a locator) and wait until the page it leads to
    has loaded: a form sent back with errors may be at the same address, so waiting for
    an address is not enough, and reading the page before would read the old one."""
    with page.expect_navigation():
        target.click()


def send(page, form: str = "main form") -> None:
    """Send the form (the first that matches) with its submit button."""
    go_by(page, page.locator(f"{form} button[type=submit]").first)


def sign_in_through_form(page, email: str, password: str = PASSWORD) -> None:
    """Fill in the sign-in page the browser is on, as a person does."""
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    send(page)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path
