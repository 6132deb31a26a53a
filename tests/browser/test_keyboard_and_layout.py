"""The portal in a real browser: CSP holds (no console errors), keyboard and phone use."""

import pytest

from tests.browser.support import BROWSER_TESTS, screenshot, send

pytestmark = BROWSER_TESTS


@pytest.mark.parametrize("path", ["/uk/", "/uk/municipalities/", "/en/map/", "/uk/statistics/"])
def test_pages_load_without_console_errors(page, console_errors, world, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert console_errors == []


def test_a_blocked_style_or_script_and_a_script_error_are_noted_against_the_test(
    page, world, browser_problems
):
    """Every browser test fails on these (see conftest); here they are planted."""
    page.goto("/uk/")
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            """() => document.querySelector("main").insertAdjacentHTML(
                "beforeend", '<p style="color: red">Inline style</p>'
            )"""
        )
    with page.expect_event("pageerror"):
        page.evaluate("() => setTimeout(() => { throw new Error('planted'); })")
    page.evaluate("() => 1")  # the context's own listeners have run by now
    assert any("Content Security Policy" in problem for problem in browser_problems)
    assert any("planted" in problem for problem in browser_problems)
    browser_problems.clear()


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, world):
    page.goto("/uk/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_directory_search_works_without_javascript(person, world):
    page = person(java_script_enabled=False)
    page.goto("/uk/municipalities/")
    page.fill("input[name=q]", "ізюм")
    send(page, "aside form")
    titles = page.locator(".card--municipality h2, .card--municipality h3").all_inner_texts()
    assert [t.strip() for t in titles] == ["Ізюмська міська громада"]


@pytest.mark.parametrize(
    ("name", "path"),
    [("home", "/uk/"), ("directory", "/uk/municipalities/"), ("statistics", "/uk/statistics/"),
     ("profile", None), ("article", None)],
)  # fmt: skip
def test_phone_width_has_no_sideways_scroll(page, world, name, path):
    path = path or {"profile": world.a, "article": world.article}[name].get_absolute_url()
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, f"phone-{name}-uk")


def test_keyboard_users_reach_municipalities_through_the_list_not_the_markers(page, world):
    page.goto("/uk/map/")
    page.wait_for_selector(".live-map--ready")
    # Markers are drawn on canvas: the map holds only its controls and clusters.
    stops = page.locator(".live-map__canvas :is(a[href], button, [tabindex='0'])")
    assert stops.count() < 20
    links = page.locator(".map-list__items a")
    assert links.count() >= 4
    assert links.first.get_attribute("href").startswith("/uk/municipalities/")


def test_keyboard_users_can_skip_past_the_map(person, world):
    page = person(java_script_enabled=False)  # the drawing is the map without scripts
    page.goto("/uk/map/")
    page.focus("a[href='#main-map-after']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-map-after"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('svg')") is None
