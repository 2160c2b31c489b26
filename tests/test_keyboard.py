"""Keyboard and screen-reader paths in headless Chromium: every filter, the search, the language
switch and the map, with the keyboard alone; visible focus everywhere; results announced."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from audit.server import serve
from keyboard_support import focused, tab_through, tab_until

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def kalender_url(fixture_build):   # noqa: F811
    with serve(fixture_build) as base:
        yield base + "/"


def count_text(page) -> str:
    return page.text_content("#uv-count").strip()


def use_every_filter(page):
    """Reach the filter form from the top of the page with Tab, change every select with the
    arrow keys, type in the search field, and reset with Enter; the live region announces each
    change. Folded filters (a phone's "Filter") are opened with Enter on their summary. Returns the texts announced."""
    status = page.locator("#uv-count")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    initial = count_text(page)
    announced = []
    tab_until(page, lambda s: s["inFilter"])
    while True:
        state = focused(page)
        if not state["inFilter"]:
            break
        if state["tag"] == "select":
            select = page.locator(f"#{state['id']}")
            before_value = select.input_value()
            page.keyboard.press("ArrowDown")
            # filter.js filters and announces in the change handler, in the same task as the new value.
            expect(select).not_to_have_value(before_value)
            announced.append(count_text(page))
            page.keyboard.press("ArrowUp")   # back to "all", so the next filter has cards to narrow
            expect(select).to_have_value(before_value)
        elif state["tag"] == "summary" and not page.evaluate("document.activeElement.parentElement.open"):
            page.keyboard.press("Enter")      # the folded filters (on a phone) open with Enter
            expect(page.locator("#uv-filter details:has(> summary:focus)")).to_have_js_property("open", True)
            continue
        elif state["tag"] == "input":
            page.keyboard.type("zzzz-inget-matchar")
            # The free-text filter waits for a pause in typing, then says that nothing matches.
            expect(page.locator("[data-filter-empty]")).to_be_visible()
            announced.append(count_text(page))
        elif state["tag"] == "button":
            page.keyboard.press("Enter")
            expect(status).to_have_text(initial)   # the reset filters on the next turn (filter.js)
            break
        page.keyboard.press("Tab")
    assert announced and all(text != initial for text in announced), announced
    return announced


@pytest.mark.parametrize("width", [375, 1280])
def test_stod_every_filter_by_keyboard_and_announced(page_at, fixture_url, width):
    page = page_at(width)
    page.goto(fixture_url + "stod/")
    announced = use_every_filter(page)
    assert len(announced) == 6            # free text and five selects
    assert "Visar 0 av 5 erbjudanden." in announced


@pytest.mark.parametrize("width", [375, 1280])
def test_kalender_every_filter_by_keyboard_and_announced(page_at, kalender_url, width):
    page = page_at(width)
    page.goto(kalender_url + "kalender/")
    assert page.is_visible("#uv-filter")
    announced = use_every_filter(page)
    assert len(announced) == 4            # free text, type, municipality, on site or online
    assert page.url.endswith("/kalender/")


@pytest.mark.parametrize("width", [375, 1280])
def test_search_opens_finds_and_closes_by_keyboard(page_at, fixture_url, width):
    """The header's search button is a Tab stop at both widths; Enter opens the search with its
    field focused, and Escape closes it and gives focus back to the button (sok.js; the arrow
    keys and "/" are in test_browser_sok.py)."""
    page = page_at(width)
    page.goto(fixture_url + "stod/", wait_until="networkidle")
    tab_until(page, lambda s: s["label"] == "Sök")
    page.keyboard.press("Enter")
    expect(page.locator(".uv-sok-dialog .uv-sok-falt")).to_be_focused()
    page.keyboard.type("lån")
    page.wait_for_selector(".uv-sok-dialog .uv-sok-traff", timeout=20000)
    assert "Lån" in page.text_content(".uv-sok-dialog .uv-sok-traffar")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('uv-sok-dialog').open")
    assert page.evaluate("document.activeElement.hasAttribute('data-uv-sok-oppna')")


def test_narrow_header_buttons_are_reachable_and_work_by_keyboard(page_at, fixture_url):
    """The menu icon is a label in the theme, which Tab skips; on a narrow screen it is the
    only way to the navigation, so header-buttons.js makes it a button: Tab reaches it and
    Enter opens the menu."""
    page = page_at(375)
    page.goto(fixture_url + "om/")
    tab_until(page, lambda s: s["label"] == "Meny" and s["tag"] == "button")
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["", "stod/", "stod/lan-sundsvall/", "aktorer/almi/", "kommuner/sundsvall/", "om/"])
def test_focus_is_visible_on_everything_tab_reaches(page_at, fixture_url, path, width):
    page = page_at(width)
    page.goto(fixture_url + path)
    reached = tab_through(page)
    assert len(reached) > 3
    hidden = [s["label"] for s in reached if not s["visible"]]
    assert hidden == [], f"fokus syns inte på: {hidden}"
    lost = [s["label"] for s in reached if not s["shown"]]
    assert lost == [], f"fokus hamnar på något som inte syns: {lost}"


def test_language_switch_by_keyboard(page_at, fixture_url):
    page = page_at(1280)
    page.goto(fixture_url)
    if page.locator(".md-select, [hreflang]").count() == 0:
        pytest.skip("webbplatsen har ingen språkväljare ännu")
    tab_until(page, lambda s: s["tag"] == "a" and page.evaluate("!!document.activeElement.closest('.md-select')"))


def test_map_enter_and_leave_by_keyboard(page_at, county_url):
    page = page_at(1280)
    response = page.goto(county_url + "investeringar/")
    if response is None or response.status == 404:
        pytest.skip("kartan (/investeringar/) finns inte ännu")
    # Enter the map with Tab, move it with the arrow keys, and leave it with Tab again.
    tab_until(page, lambda s: page.evaluate("!!document.activeElement.closest('.leaflet-container, [data-map]')"))
    page.keyboard.press("ArrowRight")
    tab_until(page, lambda s: not page.evaluate("!!document.activeElement.closest('.leaflet-container, [data-map]')"),
              limit=200)
