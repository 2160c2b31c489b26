"""The editors' guide in a browser: no axe violations, no third-party requests, tables usable on a phone."""

from __future__ import annotations

import pytest

from conftest import axe_violations

pytestmark = pytest.mark.browser

PAGES = ["redaktorer/", "redaktorer/arbetsgang/", "redaktorer/stod/", "redaktorer/evenemang/",
         "redaktorer/investeringar/", "redaktorer/nyheter/", "redaktorer/kommuner/", "redaktorer/bilder/",
         "redaktorer/falt/", "redaktorer/felkoder/"]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_guide_pages_pass_axe(page_at, county_url, path, width):
    page = page_at(width)
    page.goto(county_url + path)
    assert axe_violations(page) == []
    assert page.foreign_requests == []
    assert page.console_errors == []


def test_field_reference_scrolls_inside_its_table_on_a_phone(page_at, county_url):
    page = page_at(375)
    page.goto(county_url + "redaktorer/falt/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0  # the page itself never scrolls sideways


def test_error_code_links_from_messages_land_on_their_section(page_at, county_url):
    page = page_at(1280)
    page.goto(county_url + "redaktorer/felkoder/#okant-falt")
    heading = page.locator("#okant-falt")
    assert heading.inner_text() == "Okänt fält"
    assert heading.is_visible()
