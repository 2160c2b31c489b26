"""The support-offer finder in real headless Chromium: filters, URL state, keyboard, axe."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import axe_violations, visit_all

pytestmark = pytest.mark.browser


def visible_types(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-filter-list] > li:not([hidden])", "cards => cards.map(c => c.dataset.type).sort()")


def test_filters_narrow_and_live_in_the_url(page_at, fixture_url):
    page = page_at(1280)
    page.goto(fixture_url + "stod/")
    assert page.is_visible("#uv-filter")
    assert len(visible_types(page)) == 5

    page.select_option("#uv-typ", "lan")
    assert visible_types(page) == ["lan", "lan", "lan"]
    assert page.text_content("#uv-count") == "Visar 3 av 5 erbjudanden."

    page.select_option("#uv-kommun", "sundsvall")
    titles = page.eval_on_selector_all("[data-filter-list] > li:not([hidden]) h2 a", "a => a.map(x => x.textContent)")
    assert sorted(titles) == ["Lån för hela länet", "Lån i Sundsvall"]
    assert page.url.endswith("/stod/?typ=lan&kommun=sundsvall")

    page.reload()
    assert page.input_value("#uv-typ") == "lan"
    assert page.input_value("#uv-kommun") == "sundsvall"
    assert len(visible_types(page)) == 2
    assert page.get_attribute("#uv-count", "role") == "status"


def test_free_text_and_status_filters(page_at, fixture_url):
    page = page_at(375)
    page.goto(fixture_url + "stod/?sok=export")
    assert visible_types(page) == ["radgivning"]
    page.goto(fixture_url + "stod/?status=stangd")
    assert visible_types(page) == ["bidrag"]
    assert page.is_visible("text=Stängda erbjudanden")
    # A sector the card does not show is still found, and so is a word of the summary.
    page.goto(fixture_url + "stod/?sok=industri")
    assert visible_types(page) == ["bidrag"]
    page.goto(fixture_url + "stod/?sok=ansökningstid")
    assert visible_types(page) == ["bidrag"]
    page.goto(fixture_url + "stod/?typ=garanti-som-inte-finns")
    assert len(visible_types(page)) == 5  # an unknown value in a shared link is ignored


def test_a_shared_finder_link_with_text_opens_the_finder_not_the_site_search(page_at, fixture_url):
    page = page_at(375)
    page.goto(fixture_url + "stod/?sok=export")
    page.reload()
    assert page.input_value("#uv-q") == "export"
    assert visible_types(page) == ["radgivning"]
    assert not page.evaluate("document.getElementById('uv-sok-dialog').open")  # the site search stays closed
    page.fill("#uv-q", "industri")
    page.keyboard.press("Enter")
    assert "sok=industri" in page.url and "q=" not in page.url.replace("sok=", "")


def test_keyboard_only(page_at, fixture_url):
    page = page_at(1280)
    page.goto(fixture_url + "stod/")
    page.focus("#uv-q")
    page.keyboard.type("lån")
    page.keyboard.press("Tab")  # to "Typ av stöd"
    assert page.evaluate("document.activeElement.id") == "uv-typ"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # skede → bransch → kommun
    assert page.evaluate("document.activeElement.id") == "uv-kommun"
    page.keyboard.press("ArrowDown")  # first municipality
    page.wait_for_url(lambda url: "kommun=sundsvall" in urlsplit(url).query)
    assert "kommun=sundsvall" in page.url and "sok=l%C3%A5n" in page.url
    assert len(visible_types(page)) == 2
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # status → "Visa alla"
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).query == "")
    assert len(visible_types(page)) == 5
    assert page.url.endswith("/stod/")


def test_routes_on_start_page_open_the_finder_prefiltered(page_at, fixture_url):
    page = page_at(375)
    page.goto(fixture_url)
    page.click("text=Låna pengar")
    page.wait_for_load_state("load")  # filter.js runs at the end of the page; the URL changes before
    assert page.url.endswith("/stod/?typ=lan")
    assert visible_types(page) == ["lan", "lan", "lan"]


def test_without_javascript_the_whole_list_shows(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_url + "stod/?typ=lan")
    assert page.locator("[data-filter-list] > li").count() == 5
    assert not page.is_visible("#uv-filter")
    context.close()


TILE_SERVER = "https://tile.openstreetmap.org/"
PAGES = ["", "stod/", "stod/almi-mikrolan/", "aktorer/almi-mitt/", "kommuner/sundsvall/", "aktorer/", "aktuellt/",
         "aktuellt/vad-betyder-100-120-miljarder/", "aktuellt/tagg/omstallning/", "om-projektet/", "404.html",
         "kommuner/", "om/", "tillganglighet/", "en/", "en/investments/", "investeringar/"]


@pytest.mark.parametrize("width", [375, 1280])
def test_no_axe_violations_and_no_third_party_requests(page_at, county_url, width):
    problems = {}
    for path, tab in visit_all(page_at(width), county_url, PAGES):
        found = {
            "axe": axe_violations(tab),
            # Map pages may ask the configured tile server for map images, and nothing else.
            "requests": [url for url in tab.foreign_requests if not url.startswith(TILE_SERVER)],
            "console": [e for e in tab.console_errors if "ERR_NAME_NOT_RESOLVED" not in e],
        }
        # The tab opens another page next: what it recorded belongs to this one.
        tab.foreign_requests.clear()
        tab.console_errors.clear()
        if any(found.values()):
            problems[path or "/"] = {kind: items for kind, items in found.items() if items}
    assert problems == {}
