"""Listings in pages (content/paging.py): every offer, organisation and investment is reachable
without JavaScript through the listing's pages, and with JavaScript the filter works on every item,
also those on later pages. On the county fixture with its offers, organisations and investments
copied until each listing has more than one page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import COUNTY, axe_violations, make_project, run_build, serve
from scripts.bench_scale import multiply
from utveckla.content import paging

SIZES = {"stod": 2 * paging.CARDS_PER_PAGE + 5, "aktorer": paging.CARDS_PER_PAGE + 5,
         "investeringar": paging.ROWS_PER_PAGE + 5}
LINK = re.compile(r'<a href="([^"]+)"')
NEXT = re.compile(r'<a href="([^"]+)" rel="next">')


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("paged"), COUNTY)
    multiply(project / "content", 1, SIZES)
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def large_url(large_site):
    server, url = serve(large_site)
    yield url
    server.shutdown()


def item_pages(site: Path, folder: str) -> set[str]:
    """The item pages of a listing as built: every folder with a page but the listing's own pages."""
    return {p.parent.name for p in (site / folder).glob("*/index.html") if not p.parent.name.startswith("sida-")}


def walk_pages(site: Path, folder: str) -> tuple[list[str], set[str]]:
    """Follow the listing's "Nästa" links from its first page as a reader without JavaScript
    would: (the pages seen, the item folders linked from them)."""
    seen, linked, page = [], set(), site / folder / "index.html"
    while True:
        html = page.read_text(encoding="utf-8")
        seen.append(str(page.relative_to(site)))
        main = html[html.index("<article"):html.index("</article>")]
        for href in LINK.findall(main):
            target = (page.parent / href).resolve()
            if target.parent == (site / folder).resolve() and not target.name.startswith("sida-"):
                linked.add(target.name)
        following = NEXT.search(main)
        if not following:
            return seen, linked
        page = (page.parent / following.group(1) / "index.html").resolve()


@pytest.mark.parametrize("folder", ["stod/", "aktorer/", "investeringar/", "en/investments/"])
def test_every_item_is_reachable_without_javascript(large_site, folder):
    seen, linked = walk_pages(large_site, folder)
    assert len(seen) > 1, "the fixture is meant to fill more than one page"
    assert linked == item_pages(large_site, folder)


def test_later_pages_say_where_the_reader_is_and_link_back(large_site):
    html = (large_site / "stod" / "sida-2" / "index.html").read_text(encoding="utf-8")
    total = len(item_pages(large_site, "stod/"))
    first, last = paging.CARDS_PER_PAGE + 1, 2 * paging.CARDS_PER_PAGE
    assert f"Erbjudande {first}–{last} av {total}" in html
    assert "<title>Stöd och finansiering – sida 2" in html
    assert 'rel="prev"' in html and 'aria-current="page"' in html
    assert 'href="../../stod/">Sök och filtrera bland alla stöd</a>' in html
    assert html.count('class="uv-card"') == paging.CARDS_PER_PAGE


def test_the_file_for_the_filter_holds_every_item_once(large_site):
    data = json.loads((large_site / "stod" / "alla.json").read_text(encoding="utf-8"))
    slugs = re.findall(r'<a href="\.\./stod/([^"/]+)/">', data["html"])
    assert sorted(slugs) == sorted(item_pages(large_site, "stod/"))
    markers = json.loads((large_site / "investeringar" / "markorer.json").read_text(encoding="utf-8"))
    assert sorted(row[2] for row in markers) == sorted(item_pages(large_site, "investeringar/"))


def loans(site: Path) -> int:
    """How many offers of type lån the site has (their cards in the file with every offer)."""
    html = json.loads((site / "stod" / "alla.json").read_text(encoding="utf-8"))["html"]
    return html.count('data-type="lan"')


@pytest.mark.browser
def test_the_finder_searches_every_page_and_shows_more_on_request(page_at, large_url, large_site):
    page = page_at(375)
    page.goto(large_url + "stod/")
    cards = page.locator("[data-filter-list] > li")
    expect(cards).to_have_count(paging.CARDS_PER_PAGE)
    page.focus("#uv-q")
    page.fill("#uv-q", "lån")
    expect(page.locator("#uv-filter")).to_have_attribute("data-filter-all-read", "")
    total = len(item_pages(large_site, "stod/"))
    expect(page.locator("[data-filter-pages]")).to_be_hidden()
    # Every loan of all the pages is found; a limit of one page shows, and a button the rest.
    page.wait_for_url(lambda url: "sok=" in url)
    expect(page.locator("#uv-count")).to_contain_text(f"av {total} erbjudanden")
    found = int(re.search(r"Visar (\d+)", page.locator("#uv-count").text_content()).group(1))
    assert found >= loans(large_site) > paging.CARDS_PER_PAGE // 2
    page.fill("#uv-q", "")
    page.wait_for_url(lambda url: "sok=" not in url)
    more = page.locator(".uv-more")
    expect(more).to_have_text(f"Visa {paging.CARDS_PER_PAGE} till ({total - paging.CARDS_PER_PAGE} kvar)")
    more.click()
    expect(cards).to_have_count(2 * paging.CARDS_PER_PAGE)
    # The keyboard goes on where the new cards begin.
    expect(page.locator(":focus")).to_have_attribute("href", re.compile(r".+/"))
    assert page.evaluate("document.activeElement.closest('li') === "
                         f"document.querySelectorAll('[data-filter-list] > li')[{paging.CARDS_PER_PAGE}]")


@pytest.mark.browser
def test_a_shared_filter_link_filters_every_page(page_at, large_url, large_site):
    page = page_at(375)
    page.goto(large_url + "stod/?typ=lan")
    expect(page.locator("#uv-filter")).to_have_attribute("data-filter-all-read", "")
    expect(page.locator("#uv-count")).to_contain_text(f"Visar {loans(large_site)} av")
    expect(page.locator("[data-filter-list] > li:not([data-type=lan])")).to_have_count(0)


@pytest.mark.browser
def test_the_map_shows_every_investment_and_follows_the_filter(page_at, large_url, large_site):
    page = page_at(1280)
    page.goto(large_url + "investeringar/")
    total = len(item_pages(large_site, "investeringar/"))
    expect(page.locator(".uv-map")).to_have_attribute("data-marker-count", str(total))
    expect(page.locator("#investeringar tbody tr")).to_have_count(paging.ROWS_PER_PAGE)
    page.select_option("#uv-kommun", "sundsvall")
    expect(page.locator("#uv-filter")).to_have_attribute("data-filter-all-read", "")
    rows = page.locator("#investeringar tbody tr:not([hidden])")
    expect(rows).not_to_have_count(0)
    expect(page.locator(".uv-map")).to_have_attribute("data-marker-count", str(rows.count()))
    expect(page.locator("#investeringar tbody tr[hidden]")).to_have_count(total - rows.count())


@pytest.mark.browser
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["stod/sida-2/", "investeringar/sida-2/", "aktorer/"])
def test_paged_listings_have_no_axe_violations(page_at, large_url, path, width):
    page = page_at(width)
    page.goto(large_url + path, wait_until="networkidle")
    assert axe_violations(page) == []
