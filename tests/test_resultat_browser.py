"""/om-projektet/resultat/ in headless Chromium: axe at both widths, the filters, and the page
without JavaScript (the fixture site of tests/test_resultat.py, built once: tests/resultat_support.py)."""

from __future__ import annotations

import pytest

from conftest import axe_violations, serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def results_url(results_build):
    server, url = serve(results_build[1])
    yield url
    server.shutdown()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_listing_and_a_result_pass_axe(page_at, results_url, width):
    page = page_at(width)
    for path in ("om-projektet/resultat/", "om-projektet/resultat/otillganglig-utvardering/"):
        page.goto(results_url + path)
        assert axe_violations(page) == [], path
        assert page.foreign_requests == [] and page.console_errors == []


@pytest.mark.parametrize("width", [320, 375])
def test_the_listing_and_a_result_fit_a_phone(page_at, results_url, width):
    """The result page is the one template the county sample has no page of (tests/test_layout_browser.py)."""
    page = page_at(width)
    for path in ("om-projektet/resultat/", "om-projektet/resultat/otillganglig-utvardering/"):
        page.goto(results_url + path, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


def test_filtering_by_kind_and_year_keeps_the_choice_in_the_address(page_at, results_url):
    page = page_at(375)
    page.goto(results_url + "om-projektet/resultat/")
    page.select_option("#uv-sort", "rapport")
    assert page.locator("[data-filter-list] > li:visible h2").all_inner_texts() == [
        "Rapport om kompetensbehovet i länet", "Rapport om bostäder på regionens webbplats"]
    page.select_option("#uv-ar", "2025")
    assert page.locator("[data-filter-list] > li:visible h2").all_inner_texts() == [
        "Rapport om bostäder på regionens webbplats"]
    assert page.locator("#uv-count").inner_text() == "Visar 1 av 4 resultat."
    assert "sort=rapport" in page.url and "ar=2025" in page.url
    page.reload()
    assert page.locator("[data-filter-list] > li:visible").count() == 1


def test_without_javascript_every_result_shows(browser, results_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(results_url + "om-projektet/resultat/?sort=rapport")
    assert page.locator("[data-filter-list] > li:visible").count() == 4
    assert not page.locator("#uv-filter").is_visible()
    context.close()
