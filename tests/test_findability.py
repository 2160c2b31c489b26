"""Findability: titles, descriptions, lang, canonical, sitemap, robots, security.txt, JSON-LD, search."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

SITE_URL = "https://utvecklavasternorrland.se/"


def html_pages(site):
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "admin":
            continue  # the editors' form editor, not for visitors or search engines (test_cms.py)
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' not in html:  # redirects from old addresses are not pages
            yield page, html


def test_every_page_has_lang_unique_title_and_description(county_site):
    titles = {}
    for page, html in html_pages(county_site):
        assert re.search(r'<html lang="(sv|en)"', html), page
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        assert title not in titles, f"{page} and {titles[title]} share the title {title!r}"
        titles[title] = page
        description = re.search(r'<meta name="description" content="([^"]*)"', html)
        assert description and len(description.group(1)) > 20, page
        assert '<meta property="og:image"' in html, page


def test_sitemap_lists_every_published_page_and_nothing_else(county_site):
    root = ET.parse(county_site / "sitemap.xml").getroot()
    listed = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = set()
    for page, html in html_pages(county_site):
        relative = page.relative_to(county_site).as_posix()
        if relative == "404.html":
            continue
        pages.add(SITE_URL + relative.removesuffix("index.html"))
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert canonical == SITE_URL + relative.removesuffix("index.html"), page
    assert listed == pages


def test_robots_and_security_txt(county_site):
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (county_site / "robots.txt").read_text()
    security = (county_site / ".well-known" / "security.txt").read_text()
    assert "Contact: https://utvecklavasternorrland.se/om/#kontakt" in security
    assert "Expires: 2027-11-22T00:00:00Z" in security  # a year after the build date


def test_offer_pages_carry_government_service(county_site):
    html = (county_site / "stod" / "almi-mikrolan" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "GovernmentService"
    assert data["provider"]["name"] == "Almi Mitt"
    assert data["url"] == SITE_URL + "stod/almi-mikrolan/"


def search(page, url, words):
    page.goto(url)
    page.click("[data-uv-sok-oppna]")
    expect(page.locator(".uv-sok-dialog .uv-sok-falt")).to_be_focused()
    page.keyboard.type(words, delay=20)
    # The results on screen answer the whole text, not a word half typed.
    expect(page.locator(".uv-sok-dialog .uv-sok-formular")).to_have_attribute("data-sokt", words)
    return page.eval_on_selector_all(
        ".uv-sok-dialog .uv-sok-traff__lank", "a => a.map(x => new URL(x.href).pathname)")


@pytest.mark.browser
def test_swedish_search_finds_offers_first(page_at, county_url):
    page = page_at(1280)
    results = search(page, county_url, "lån")
    assert results[0].startswith("/stod/") and "lan" in results[0]
    results = search(page, county_url, "Sundsvall")
    assert results[0].startswith(("/stod/", "/kalender/", "/investeringar/", "/kommuner/sundsvall/"))
    assert "/kommuner/sundsvall/" in results[:3]
    assert any(r.startswith(("/stod/", "/kalender/", "/investeringar/")) for r in results[:5])
    results = search(page, county_url, "omställning")
    assert results, "a word with ä and å must find something"
