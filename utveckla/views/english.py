"""The English section (/en/) for investors: its labels, its pages and their Swedish twins.

Editors keep Swedish labels in content/taxonomier.yml; the English ones live here, and an id
without an English label falls back to its Swedish one, so adding a sector never breaks a page.
An investment's `title_en` and `summary_en` are optional: without them the English pages show
the Swedish text, marked lang="sv" so that screen readers read it in Swedish.
"""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape

from .investments import InvestmentRow, years_text

SECTION = "en/"  # pages under docs/en/ (and generated ones at en/…) are English
INVESTMENTS = "en/investments/"  # the English investment map; one page per investment below it
SWEDISH_INVESTMENTS = "investeringar/"

SECTORS = {
    "energi": "Energy", "industri": "Industry", "infrastruktur": "Infrastructure", "bostader": "Housing",
    "fastigheter": "Property", "besoksnaring": "Tourism", "digital": "Digital", "logistik": "Logistics",
    "jord-och-skogsbruk": "Farming and forestry", "livsmedel": "Food", "handel-och-service": "Retail and services",
    "kultur-och-kreativa-naringar": "Culture and creative industries", "ovrigt": "Other",
}
STATUSES = {
    "planerad": "Planned", "beslutad": "Decided", "pagaende": "Under way", "klar": "Completed",
    "pausad": "Paused", "avbruten": "Cancelled",
}


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def english_date(day) -> str:
    """2026-11-01 → '1 November 2026' (British order, no locale involved)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def is_english(src_uri: str) -> bool:
    return src_uri.startswith(SECTION)


def english_row(row: InvestmentRow) -> InvestmentRow:
    """The same record with English labels, amounts and years, the English title and summary
    where the editors wrote them, and its address in the English section."""
    item = row.entry.data
    return replace(row, lang="en", url=f"{INVESTMENTS}{row.slug}/",
                   sector_label=SECTORS.get(row.sector, row.sector_label),
                   status_label=STATUSES.get(row.status, row.status_label),
                   years_text=years_text(item.years, "en"),
                   title=item.title_en or row.title, title_lang="en" if item.title_en else "sv",
                   summary=item.summary_en or row.summary, summary_lang="en" if item.summary_en else "sv")


def language_pairs(rows: list[InvestmentRow]) -> list[tuple[str, str]]:
    """(Swedish address, English address) of every page that exists in both languages, relative
    to the site root: the start pages, the investment maps and each investment's page."""
    pairs = [("", SECTION), (SWEDISH_INVESTMENTS, INVESTMENTS)]
    return pairs + [(f"{SWEDISH_INVESTMENTS}{row.slug}/", f"{INVESTMENTS}{row.slug}/") for row in rows]


def alternates(pairs: list[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """Page address → its versions {"sv": …, "en": …, "x-default": the Swedish one}, for both
    pages of each pair, so that the hreflang links are always reciprocal."""
    versions: dict[str, dict[str, str]] = {}
    for swedish, english in pairs:
        versions[swedish] = versions[english] = {"sv": swedish, "en": english, "x-default": swedish}
    return versions


XHTML = "http://www.w3.org/1999/xhtml"
LOC = re.compile(r"(<loc>([^<]+)</loc>)")


def sitemap_with_alternates(sitemap: str, versions: dict[str, dict[str, str]], site_url: str) -> str:
    """sitemap.xml with each translated page's versions as <xhtml:link rel="alternate" hreflang>,
    one of the ways search engines read hreflang (see README: the English section)."""
    root = site_url.rstrip("/") + "/"

    def add(match: re.Match) -> str:
        url = match.group(2)
        own = versions.get(url[len(root):]) if url.startswith(root) else None
        if own is None:
            return match.group(1)
        return match.group(1) + "".join(f'\n         <xhtml:link rel="alternate" hreflang="{lang}" href="{escape(root + path)}"/>'
                                        for lang, path in own.items())

    sitemap = sitemap.replace('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                              f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}">', 1)
    return LOC.sub(add, sitemap)
