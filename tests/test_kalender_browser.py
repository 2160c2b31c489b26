"""The calendar in headless Chromium: the municipality filter and its URL state, and axe-core
(WCAG 2.1 A/AA) with no violations on /kalender/, the archive and event pages at 375 and 1280 px."""

from __future__ import annotations

import pytest

from conftest import inject_axe, serve
from kalender_support import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def kalender_url(fixture_build):
    server, url = serve(fixture_build)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def kalender_real_url(kalender_county_build):
    server, url = serve(kalender_county_build)
    yield url
    server.shutdown()


def visible_municipalities(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-filter-list] > li:not([hidden])", "cards => cards.map(c => c.dataset.municipality)")


def test_filter_by_municipality_keeps_only_its_events_and_the_url_keeps_it(browser, kalender_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(kalender_url + "kalender/")
    assert page.is_visible("#uv-filter")
    assert len(visible_municipalities(page)) == 9
    page.select_option("#uv-kommun", "sundsvall")
    assert page.url.endswith("/kalender/?kommun=sundsvall")
    shown = visible_municipalities(page)
    assert shown == ["sundsvall"] * 3
    assert page.text_content("#uv-count") == "Visar 3 av 9 kommande evenemang."
    assert page.is_hidden("#manad-2027-05")  # a month with no events in Sundsvall is hidden
    page.reload()
    assert page.input_value("#uv-kommun") == "sundsvall"
    assert visible_municipalities(page) == ["sundsvall"] * 3
    page.goto(kalender_url + "kalender/?kommun=timra&plats=digitalt")
    assert visible_municipalities(page) == ["timra"]
    page.click("#uv-filter button[type=reset]")
    page.wait_for_function("() => !location.search")
    assert len(visible_municipalities(page)) == 9
    page.close()


def test_filter_online_events(browser, kalender_url):
    page = browser.new_page()
    page.goto(kalender_url + "kalender/?plats=digitalt")
    titles = page.eval_on_selector_all("[data-filter-list] > li:not([hidden]) h3", "hs => hs.map(h => h.textContent)")
    assert titles == ["Webbinarium om att börja exportera", "Seminarium om energieffektivisering i Timrå"]
    page.close()


def test_stod_filter_still_treats_empty_municipalities_as_all(browser, kalender_url):
    """filter.js was generalised for the calendar; /stod/ must behave as before."""
    page = browser.new_page()
    page.goto(kalender_url + "stod/?kommun=sundsvall")
    values = page.eval_on_selector_all("[data-filter-list] > li:not([hidden])", "cs => cs.map(c => c.dataset.municipalities || '')")
    assert values and all(v == "" or "sundsvall" in v.split() for v in values)
    assert "" in values  # county-wide offers stay
    page.close()


def run_axe(page) -> list[dict]:
    inject_axe(page)
    return page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))",
        AXE_TAGS,
    )


PAGES = [
    ("fixture", "kalender/"),
    ("fixture", "kalender/arkiv/"),
    ("fixture", "kalender/frukost-sundsvall/"),
    ("fixture", "kalender/installt-natverk-sundsvall/"),
    ("fixture", "kalender/?kommun=solleftea"),  # the "no events match" state
    ("real", "kalender/"),
    ("real", "kalender/arkiv/"),
    ("real", "kalender/rus-dagen-2023/"),
]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("which, path", PAGES)
def test_axe_finds_no_violations(browser, kalender_url, kalender_real_url, which, path, width):
    if not AXE.exists():
        pytest.fail("axe-core saknas: kör  npm ci")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((kalender_url if which == "fixture" else kalender_real_url) + path)
    violations = run_axe(page)
    page.close()
    assert violations == [], violations
