"""The English section: language attributes, English labels on the map, the language switch."""

import re

import pytest


def test_english_pages_declare_their_language_and_mark_the_swedish_chrome(county_site):
    for path in ["en/index.html", "en/investments/index.html"]:
        html = (county_site / path).read_text(encoding="utf-8")
        assert "<html lang=\"en\"" in html
        assert '<header lang="sv" class="md-header' in html
        assert '<footer lang="sv" class="md-footer"' in html
    assert '<html lang="sv"' in (county_site / "index.html").read_text(encoding="utf-8")


def test_english_map_has_english_labels_and_the_same_records(county_site):
    english = (county_site / "en" / "investments" / "index.html").read_text(encoding="utf-8")
    swedish = (county_site / "investeringar" / "index.html").read_text(encoding="utf-8")
    rows = re.compile(r'<tr data-id="([a-z0-9-]+)"')
    assert rows.findall(english) == rows.findall(swedish)
    assert '<option value="avbruten">Cancelled</option>' in english
    assert "Amount, SEK million (year)" in english
    assert "Ägare" not in english


def test_language_switch_links_both_ways(county_site):
    html = (county_site / "stod" / "index.html").read_text(encoding="utf-8")
    # The switch is in the header; <head> claims no translation of the page that does not exist.
    assert 'hreflang="en"' not in html.split("</head>")[0]
    assert 'hreflang="en" class="md-select__link"' in html
    assert (county_site / "en" / "sitemap.xml").is_file()


@pytest.mark.browser
def test_english_map_popup_in_english(page_at, county_url):
    page = page_at(1280)
    page.goto(county_url + "en/investments/")
    page.wait_for_selector(".uv-marker, .uv-cluster")
    page.locator(".leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(600)
    text = page.text_content(".leaflet-container")
    assert "Zoom in" in page.get_attribute(".leaflet-control-zoom-in", "title")
    assert "Ägare" not in text
