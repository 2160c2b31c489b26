"""The English section: the theme in English, English pages per investment, hreflang pairs,
English labels and amounts on the map, and the language switch."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from utveckla.content import amounts

SWEDISH_TABS = ["Start", "Stöd och finansiering", "Kalender", "Investeringskarta", "Kommuner", "Aktörer"]


def english_pages(site: Path) -> list[Path]:
    return sorted((site / "en").rglob("index.html"))


def tabs(html: str) -> list[str]:
    return re.findall(r'class="md-tabs__link">\s*([^<]+?)\s*<', html)


def drawer(html: str) -> str:
    """The text of the menu a phone opens (the primary nav, which holds the page's contents too)."""
    nav = html.split('<nav class="md-nav md-nav--primary', 1)[1].split('class="md-content"', 1)[0]
    return re.sub(r"<[^>]+>", " ", nav)


def footer(html: str) -> str:
    return html.split('<footer class="md-footer"', 1)[1].split("</footer>", 1)[0]


def test_every_english_page_has_english_navigation_search_and_footer(county_site):
    pages = english_pages(county_site)
    assert len(pages) >= 2 + 10  # /en/, the map and one page per fixture investment
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(county_site)
        assert '<html lang="en"' in html, name
        assert tabs(html) == ["In English", "Investment map"], name
        assert "Investment map" in drawer(html) and "Kalender" not in drawer(html), name
        # The site search is Swedish on every page, and marked so (lang="sv").
        assert 'data-uv-sok-oppna lang="sv"' in html and '<dialog class="uv-sok-dialog" id="uv-sok-dialog" ' \
            'aria-label="Sök på webbplatsen" lang="sv">' in html, name
        labels = set(re.findall(r'aria-label="([^"]+)"', html))
        assert {"Header", "Tabs", "Select language"} <= labels, name
        assert not labels & {"Sidhuvud", "Flikar", "Välj språk"}, name
        foot = footer(html)
        assert "Co-funded by the European Union" in foot and "About the project (in Swedish)" in foot, name
        assert "Om projektet" not in foot and "Medfinansieras" not in foot, name
    # A page with a table of contents names it in English.
    assert "Table of contents" in (county_site / "en" / "index.html").read_text(encoding="utf-8")


def test_swedish_pages_keep_the_swedish_menu_and_theme(county_site):
    for path in ["index.html", "investeringar/index.html", "stod/index.html"]:
        html = (county_site / path).read_text(encoding="utf-8")
        assert '<html lang="sv"' in html
        assert tabs(html)[:6] == SWEDISH_TABS and "In English" not in tabs(html)
        assert 'aria-label="Sidhuvud"' in html and "Om projektet" in footer(html)


def test_each_investment_has_an_english_page_that_the_english_map_and_table_link_to(county_site):
    swedish = sorted(p.parent.name for p in (county_site / "investeringar").glob("*/index.html"))
    english = sorted(p.parent.name for p in (county_site / "en" / "investments").glob("*/index.html"))
    assert swedish and english == swedish
    listing = (county_site / "en" / "investments" / "index.html").read_text(encoding="utf-8")
    table_links = re.findall(r'<th scope="row"><a href="([^"]+)"', listing)
    assert sorted(table_links) == [f"../../en/investments/{slug}/" for slug in swedish]
    assert '"links":"../../en/investments/"' in listing  # the popups' links (karta.js adds the slug)
    assert "../investeringar/" not in listing.split('<h2 id="open-data"')[0].split("<article", 1)[1]


def test_english_text_where_written_and_swedish_marked_where_not(county_site):
    listing = (county_site / "en" / "investments" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../en/investments/atnorth-datacenter-hamre/">atNorth\'s data centre in Hamre</a>' \
        in listing.replace("&#39;", "'")
    assert 'lang="sv">Metsä Boards' in listing or re.search(r'metsa-board-husum/" lang="sv">', listing)
    written = (county_site / "en/investments/atnorth-datacenter-hamre/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1>atNorth(&#39;|')s data centre in Hamre</h1>", written)
    assert '<p class="uv-lead">atNorth plans a data centre' in written
    fallback = (county_site / "en/investments/metsa-board-husum/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 lang="sv">[^<]+</h1>', fallback)
    assert '<p class="uv-lead" lang="sv">' in fallback
    assert "Owner" in fallback and "Vem står bakom" not in fallback


def sitemap_versions(site: Path) -> dict[str, dict[str, str]]:
    """Each address in sitemap.xml → its hreflang versions there."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    found = {}
    for entry in re.findall(r"<url>(.*?)</url>", sitemap, re.S):
        loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
        found[loc] = dict(re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', entry))
    return found


@pytest.mark.parametrize("swedish, english", [
    ("", "en/"), ("investeringar/", "en/investments/"),
    ("investeringar/metsa-board-husum/", "en/investments/metsa-board-husum/"),
])
def test_hreflang_pairs_are_present_and_reciprocal(county_site, swedish, english):
    root = "https://utvecklavasternorrland.se/"
    expected = {"sv": root + swedish, "en": root + english, "x-default": root + swedish}
    versions = sitemap_versions(county_site)
    assert versions[root + swedish] == expected
    assert versions[root + english] == expected


def test_every_english_page_has_its_swedish_twin_and_untranslated_pages_claim_none(county_site):
    root = "https://utvecklavasternorrland.se/"
    versions = sitemap_versions(county_site)
    english = [url for url in versions if url.startswith(root + "en/")]
    assert len(english) >= 12 and all(versions[url]["en"] == url for url in english)
    assert all(versions[versions[url]["sv"]] == versions[url] for url in english)  # reciprocal
    assert versions[root + "stod/"] == {}
    html = (county_site / "stod" / "index.html").read_text(encoding="utf-8")
    # No <link rel="alternate" hreflang> in <head>: Material would fetch a sitemap beside each on load.
    assert "hreflang" not in html.split("</head>")[0]
    assert 'hreflang="en" class="md-select__link"' in html  # the switch in the header stays
    assert (county_site / "en" / "sitemap.xml").is_file()
    item = (county_site / "investeringar/metsa-board-husum/index.html").read_text(encoding="utf-8")
    assert '<a href="../../en/investments/metsa-board-husum/" hreflang="en" lang="en">' in item


@pytest.mark.parametrize("msek, swedish, english", [
    (1250, "1,3 miljarder kronor", "SEK 1.3 billion"), (28450, "28,5 miljarder kronor", "SEK 28.5 billion"),
    (1000, "1 miljard kronor", "SEK 1 billion"), (830, "830 miljoner kronor", "SEK 830 million"),
    (0.25, "0,3 miljoner kronor", "SEK 0.3 million"), (120000, "120 miljarder kronor", "SEK 120 billion"),
])
def test_amounts_are_rounded_the_same_in_both_languages(msek, swedish, english):
    assert amounts.msek_text(msek, "sv") == swedish
    assert amounts.msek_text(msek, "en") == english


def test_the_maps_show_the_same_total_in_each_language(county_site):
    def total(path: str) -> str:
        figures = (county_site / path).read_text(encoding="utf-8").split('<ul class="uv-keyfigures">')[1]
        return re.findall(r'uv-keyfigures__value">([^<]+)<', figures)[1]  # the second: the combined amount

    swedish, english = total("investeringar/index.html"), total("en/investments/index.html")
    number = re.compile(r"\d[\d.,\u00a0]*")
    assert number.search(swedish).group(0).replace(",", ".") == number.search(english).group(0)
    assert "miljard" in swedish and "billion" in english


def test_english_map_has_english_labels_and_the_same_records(county_site):
    english = (county_site / "en" / "investments" / "index.html").read_text(encoding="utf-8")
    swedish = (county_site / "investeringar" / "index.html").read_text(encoding="utf-8")
    rows = re.compile(r'<tr data-id="([a-z0-9-]+)"')
    assert rows.findall(english) == rows.findall(swedish)
    assert '<option value="avbruten">Cancelled</option>' in english
    assert "Amount, SEK million (year)" in english
    assert "Ägare" not in english


@pytest.mark.browser
def test_english_map_popup_in_english_links_to_the_english_page(page_at, county_url):
    page = page_at(1280)
    page.goto(county_url + "en/investments/")
    marker = page.locator(".uv-marker").first   # a single investment, not a cluster
    marker.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".uv-popup")).to_be_visible()
    text = page.text_content(".leaflet-container")
    assert "Zoom in" in page.get_attribute(".leaflet-control-zoom-in", "title")
    assert "Ägare" not in text
    assert "/en/investments/" in page.locator(".uv-popup a").first.get_attribute("href")


@pytest.mark.browser
def test_the_phone_menu_is_english_on_english_pages(page_at, county_url):
    page = page_at(375)
    page.goto(county_url + "en/investments/")
    menu = page.locator('button[data-for="__drawer"]')
    assert menu.get_attribute("aria-label") == "Menu"
    menu.click()
    drawer = page.locator(".md-nav--primary")
    drawer.get_by_text("Investment map").wait_for(state="visible")
    assert "Kalender" not in drawer.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["en/", "en/investments/", "en/investments/metsa-board-husum/",
                                  "en/investments/atnorth-datacenter-hamre/"])
def test_english_pages_have_no_axe_violations(page_at, county_url, path, width):
    page = page_at(width)
    page.goto(county_url + path, wait_until="networkidle")
    assert axe_violations(page) == []
    # The map pages may ask the configured tile server for map images, and nothing else.
    assert [url for url in page.foreign_requests if not url.startswith("https://tile.openstreetmap.org/")] == []
