"""The site search (Pagefind) in headless Chromium on the county sample: Swedish word forms and
names without å, ä, ö, never the editors' guide, narrowing by kind, the keyboard, the search
page, and 0 axe violations with results open at both widths."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, csp_violations

pytestmark = pytest.mark.browser


def open_search(page, url: str):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.wait_for_load_state("load")
    # Nothing of the search is fetched before someone searches.
    assert not [r for r in requests if "/pagefind/" in r]
    page.keyboard.press("/")
    expect(page.locator(".uv-sok-dialog .uv-sok-falt")).to_be_focused()
    return requests


def answered(page, what: str, where: str = ".uv-sok-dialog") -> list[str]:
    """The result links once the results on screen answer `what` (the query, or query|kind)."""
    expect(page.locator(f"{where} .uv-sok-formular")).to_have_attribute("data-sokt", what)
    return page.eval_on_selector_all(f"{where} .uv-sok-traff__lank", "a => a.map(x => new URL(x.href).pathname)")


def search(page, text: str) -> list[str]:
    page.fill(".uv-sok-dialog .uv-sok-falt", text)
    return answered(page, text)


@pytest.mark.parametrize("width", [375, 1280])
def test_swedish_word_forms_and_names_without_diacritics(page_at, county_url, width):
    page = page_at(width)
    requests = open_search(page, county_url)
    found = search(page, "ange")
    assert "/kommuner/ange/" in found[:3]
    assert any("/pagefind/" in r for r in requests)  # loaded on the first search
    found = search(page, "företagen")
    titles = page.eval_on_selector_all(".uv-sok-dialog .uv-sok-traff", "li => li.map(x => x.innerText)")
    # Pages that say "företag" (not "företagen") are found, through the Swedish stem.
    assert any("företag" in t.lower() and "företagen" not in t.lower() for t in titles), titles
    assert not [u for u in found if u.startswith("/redaktorer/")]
    assert csp_violations(page) == [] and page.console_errors == [] and page.foreign_requests == []
    assert axe_violations(page) == []


def test_the_editors_guide_is_never_a_result(page_at, county_url):
    page = page_at()
    open_search(page, county_url)
    for word in ("felkoder", "redaktör", "fältreferens", "lån maskin"):
        found = search(page, word)
        assert not [u for u in found if u.startswith("/redaktorer/")], (word, found)


def test_results_narrow_by_kind(page_at, county_url):
    page = page_at()
    open_search(page, county_url)
    everything = search(page, "lån")
    page.check(".uv-sok-dialog .uv-sok-typ:has-text('Stöd') input")
    links = answered(page, "lån|Stöd")
    assert everything
    kinds = page.eval_on_selector_all(".uv-sok-dialog .uv-sok-traff__typ", "s => s.map(x => x.textContent)")
    assert kinds and set(kinds) == {"Stöd"} and all(u.startswith("/stod/") for u in links), (kinds, links)


def test_keyboard_slash_arrows_and_escape(page_at, county_url):
    page = page_at(375)
    open_search(page, county_url)
    found = search(page, "lån")
    assert len(found) >= 2
    page.keyboard.press("ArrowDown")
    assert page.evaluate("new URL(document.activeElement.href).pathname") == found[0]
    page.keyboard.press("ArrowDown")
    assert page.evaluate("new URL(document.activeElement.href).pathname") == found[1]
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('uv-sok-falt')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('uv-sok-dialog').open")
    # The header's button opens it again, by keyboard.
    page.focus("[data-uv-sok-oppna]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('uv-sok-dialog').open")


def test_the_search_page_reads_its_address_and_explains_itself_without_javascript(page_at, browser, county_url):
    page = page_at()
    page.goto(county_url + "sok/?q=ange")
    assert "/kommuner/ange/" in answered(page, "ange", ".uv-sok--sida")[:3]
    assert not page.is_visible(".uv-sok-utan-js")
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(county_url + "sok/")
    text = plain.inner_text(".uv-sok-utan-js")
    assert "JavaScript" in text and plain.is_visible("a[href='../stod/']")
    context.close()
