"""Each municipality page lists exactly what the content says concerns that municipality."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import COUNTY, EPOCH
from utveckla.content.site import build_now
from utveckla.content.validate import load_site
from utveckla.views import events

ROOT = Path(__file__).resolve().parent.parent
MUNICIPALITIES = ["harnosand", "kramfors", "solleftea", "sundsvall", "timra", "ange", "ornskoldsvik"]


@pytest.fixture(scope="module")
def site():
    """The real content at the same build moment as the county_site build."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        now = build_now()
    site, diagnostics = load_site(COUNTY.parent, now.date(), now)
    assert diagnostics == []
    return site


def section(html: str, heading_id: str, next_marker: str) -> str:
    start = html.index(heading_id)
    return html[start:html.index(next_marker, start)]


@pytest.mark.parametrize("slug", MUNICIPALITIES)
def test_municipality_page_lists_exactly_its_own_and_county_wide_items(county_site, site, slug):
    html = (county_site / "kommuner" / slug / "index.html").read_text(encoding="utf-8")
    listed_offers = set(re.findall(r'<li><a href="\.\./\.\./stod/([a-z0-9-]+)/">', section(html, "Stöd för företag i", "</ul>")))
    expected_offers = {e.slug for e in site.entries["stod"]
                       if not e.data.municipalities or slug in e.data.municipalities}
    closed = {e.slug for e in site.entries["stod"] if e.data.deadline and e.data.deadline < site.today}
    assert listed_offers == expected_offers - closed

    investments = section(html, 'id="investeringar"', 'id="nyheter"')
    listed_investments = set(re.findall(r'<a href="\.\./\.\./investeringar/([a-z0-9-]+)/">', investments))
    assert listed_investments == {e.slug for e in site.entries["investeringar"] if e.data.municipality == slug}

    expected_events = {c.slug for c in events.upcoming_events(site) if c.municipality == slug}
    listed_events = set(re.findall(r'href="\.\./\.\./kalender/([a-z0-9-]+)/"', section(html, "Evenemang i", "<h2")))
    assert listed_events == expected_events

    listed_news = set(re.findall(r'href="\.\./\.\./aktuellt/([a-z0-9-]+)/"', section(html, 'id="nyheter"', "<h2")))
    assert listed_news == {e.slug for e in site.entries["aktuellt"] if slug in e.data.municipalities}
