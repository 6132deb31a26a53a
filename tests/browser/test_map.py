"""The interactive map in a real browser: clusters, zoom, a popup that leads to a
profile, on a desktop and on a phone; the list beside it for keyboard users."""

import pytest

from tests.browser.support import BROWSER_TESTS, go_by, screenshot, url

pytestmark = BROWSER_TESTS
READY = ".live-map--ready"
SET_VIEW = """([lat, lon]) => {
    document.querySelector("[data-map]").leafletMap.setView([lat, lon], 10, {animate: false});
}"""
POSITION_OF = """([lat, lon]) => {
    const element = document.querySelector("[data-map]");
    const point = element.leafletMap.latLngToContainerPoint([lat, lon]);
    const box = element.querySelector(".leaflet-container").getBoundingClientRect();
    return [box.left + point.x, box.top + point.y];
}"""


@pytest.fixture
def crowded(world):
    """Forty communities around one town: they cluster at a country's zoom."""
    from tests.factories import MunicipalityFactory

    for n in range(40):
        MunicipalityFactory(latitude=49.0 + (n % 8) * 0.05, longitude=32.0 + (n // 8) * 0.05)
    return world


def zoom_of(page) -> float:
    return page.evaluate("() => document.querySelector('[data-map]').leafletMap.getZoom()")


@pytest.mark.parametrize("width", [1280, 360], ids=["desktop", "phone"])
def test_map_clusters_zooms_and_a_popup_leads_to_the_profile(person, crowded, width):
    page = person()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url("partnerships:map", "en"))
    page.wait_for_selector(READY)
    assert page.locator(".map-fallback").is_hidden()  # the drawing is for readers without scripts
    clusters = page.locator(".map-cluster")
    assert clusters.count() >= 1
    biggest = max(int(text) for text in clusters.all_inner_texts())
    assert biggest >= 10

    before = zoom_of(page)
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_function(
        f"() => document.querySelector('[data-map]').leafletMap.getZoom() > {before}"
    )
    page.wait_for_timeout(500)  # the zoom's animation ends

    izium = crowded.a
    page.evaluate(
        SET_VIEW,
        [float(izium.latitude), float(izium.longitude)],
    )
    page.wait_for_timeout(300)  # the canvas redraws on the next frame
    x, y = page.evaluate(POSITION_OF, [float(izium.latitude), float(izium.longitude)])
    page.mouse.click(x, y)
    card = page.locator(".leaflet-popup .map-card")
    card.wait_for()
    assert card.locator(".map-card__name").inner_text() == izium.name_en
    assert card.locator(".map-card__place").inner_text() == "Kharkiv Oblast"
    assert card.locator(".map-card__partners").inner_text() == "Partners: 1"
    screenshot(page, f"map-popup-{width}")
    go_by(page, card.locator(".map-card__profile"))
    assert page.url.endswith(url("partnerships:municipality-detail", "en", slug=izium.slug))
    assert page.locator("h1").inner_text() == izium.name_en


def test_the_list_beside_the_map_links_what_is_shown(person, crowded):
    page = person()
    page.goto(url("partnerships:map", "en") + "?region=kharkivska")
    page.wait_for_selector(READY)
    names = page.locator(".map-list__items a").all_inner_texts()
    assert names == ["Balakliia Urban Hromada", "Izium Urban Hromada"]
    assert "?region=kharkivska" in page.url  # the filter stays in the address, to share
    link = page.locator(".map-list__items a").first
    link.focus()
    assert page.evaluate("() => document.activeElement.textContent") == names[0]


def test_an_official_gets_cooperate_in_the_popup_but_not_on_their_own(person, crowded):
    page = person(crowded.official_a)
    page.goto(url("partnerships:map", "en") + f"?focus={crowded.a.slug}")
    page.wait_for_selector(READY)
    for town, expected in ((crowded.d, 1), (crowded.a, 0)):
        page.evaluate(
            SET_VIEW,
            [float(town.latitude), float(town.longitude)],
        )
        page.wait_for_timeout(300)
        x, y = page.evaluate(POSITION_OF, [float(town.latitude), float(town.longitude)])
        page.mouse.click(x, y)
        card = page.locator(".leaflet-popup .map-card")
        card.wait_for()
        assert card.locator(".map-card__name").inner_text() == town.name_en
        assert card.get_by_role("link", name="Cooperate").count() == expected
        page.keyboard.press("Escape")


def test_a_municipality_name_in_the_map_tooltip_is_text_not_html(person, crowded):
    from tests.factories import MunicipalityFactory

    name = '<b class="injected">Gotham</b>'
    gotham = MunicipalityFactory(name_en=name, name_uk=name, latitude=49.9, longitude=33.9)
    page = person()
    # The focused municipality's name is shown at once, in a permanent tooltip.
    page.goto(url("partnerships:map", "en") + f"?focus={gotham.slug}")
    page.wait_for_selector(READY)
    tooltip = page.locator(".leaflet-tooltip")
    tooltip.first.wait_for()
    assert page.locator(".leaflet-tooltip .injected").count() == 0
    assert name in tooltip.all_inner_texts()
