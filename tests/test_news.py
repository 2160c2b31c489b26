"""News: order, pages of ten, tags, the Atom feed and the start page's latest three."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from utveckla.content import news
from utveckla.content.validate import load_site
from utveckla.outputs import atom

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
A = "{http://www.w3.org/2005/Atom}"


def fixture_site():
    site, diagnostics = load_site(FIXTURES, dt.date(2026, 11, 22))
    assert diagnostics == []
    return site


def test_newest_first_and_pages_of_ten():
    site = fixture_site()
    assert [e.slug for e in news.articles(site)] == ["nyhet-3", "nyhet-2", "nyhet-1"]
    pages = news.listing_pages(site, per_page=2)
    assert [(p.url, [e.slug for e in p.items]) for p in pages] == [
        ("aktuellt/", ["nyhet-3", "nyhet-2"]), ("aktuellt/sida-2/", ["nyhet-1"])]


def test_tags_get_addresses_without_swedish_letters():
    tags = news.all_tags(fixture_site())
    assert [(t.name, t.url, len(entries)) for t, entries in tags.items()] == [
        ("omställning", "aktuellt/tagg/omstallning/", 3), ("test", "aktuellt/tagg/test/", 3)]


def test_atom_feed_golden_and_escaped():
    site = fixture_site()
    data = atom.feed(news.articles(site), "https://example.se/", "Aktuellt", "aktuellt/feed.xml", "aktuellt/")
    root = ET.fromstring(data)
    entries = root.findall(f"{A}entry")
    assert [e.find(f"{A}title").text for e in entries][0] == 'Nyhet nummer 3 om lån & "stöd"'
    assert root.find(f"{A}updated").text == "2026-11-03T00:00:00Z"
    golden = GOLDEN / "aktuellt-feed.xml"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()


def test_built_news_pages(fixture_site):
    listing = (fixture_site / "aktuellt" / "index.html").read_text(encoding="utf-8")
    assert listing.index("Nyhet nummer 3") < listing.index("Nyhet nummer 1")
    article = (fixture_site / "aktuellt" / "nyhet-2" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-02">2 november 2026</time>' in article
    assert 'href="../../aktuellt/tagg/omstallning/">omställning</a>' in article
    assert 'href="../../kommuner/sundsvall/">Sundsvall</a>' in article
    start = (fixture_site / "index.html").read_text(encoding="utf-8")
    section = start[start.index("Nyheter</h2>"):start.index("Kontakta din kommun</h2>")]
    assert section.count('class="uv-article__title"') == 3


def test_feed_is_linked_from_every_page_head(fixture_site):
    for page in fixture_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html or page.relative_to(fixture_site).parts[0] == "admin":
            continue  # redirects, and the editors' form editor (test_cms.py)
        head = html[:html.index("</head>")]
        assert 'rel="alternate" type="application/atom+xml"' in head, page
