"""The portal in a real browser: CSP holds (no console errors), keyboard and phone use."""

import os
from pathlib import Path

import pytest

from tests.factories import MunicipalityFactory, PartnershipFactory

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is installed by bin/setup"),
]
# Playwright's sync API runs an event loop in this thread; the ORM calls are ours.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.console_errors = []
        page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
        yield page
        browser.close()


@pytest.fixture
def registry(db):
    partnership = PartnershipFactory(
        municipality_a=MunicipalityFactory(name_uk="Ізюмська міська громада", name_en="Iziumska")
    )
    MunicipalityFactory(name_uk="Бучанська міська громада", name_en="Buchanska")
    return partnership


@pytest.mark.parametrize("path", ["/uk/", "/uk/municipalities/", "/en/map/", "/uk/statistics/"])
def test_pages_load_without_console_errors(live_server, page, registry, path):
    page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    assert page.console_errors == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(live_server, page, registry):
    page.goto(live_server.url + "/uk/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_directory_search_works_without_javascript(live_server, page, registry):
    page.goto(live_server.url + "/uk/municipalities/")
    page.fill("input[name=q]", "ізюм")
    page.locator("aside form button[type=submit]").click()
    page.wait_for_load_state()
    titles = page.locator(".card--municipality h2, .card--municipality h3").all_inner_texts()
    assert [t.strip() for t in titles] == ["Ізюмська міська громада"]


@pytest.mark.parametrize("path", ["/uk/", "/uk/municipalities/", "/uk/statistics/", "profile"])
def test_phone_width_has_no_sideways_scroll(live_server, page, registry, path):
    if path == "profile":
        path = registry.municipality_a.get_absolute_url()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_keyboard_users_can_skip_past_the_map(live_server, page, registry):
    page.goto(live_server.url + "/uk/map/")
    page.focus("a[href='#main-map-after']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-map-after"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('svg')") is None
