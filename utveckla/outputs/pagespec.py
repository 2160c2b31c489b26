"""What a generated page or file is, independent of the site generator.

A PageSpec becomes a virtual Markdown page in the MkDocs adapter (title, description and the
body); once the body is HTML, `render(body_html)` gives the page's content. An OutputFile is any
other file of the site (calendar feeds, redirects), written as it is. Kept apart from pages.py
so that the modules that make pages (the guide among them) need not import the listings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # e.g. "stod/almi-mikrolan.md" → /stod/almi-mikrolan/
    title: str
    description: str
    source_path: str | None  # file an editor changes, for the edit link in the footer; a folder (ending in /) for listings
    body: str  # Markdown for the generator to turn into HTML
    render: Callable[[str], str]  # body HTML → the page's full content HTML
    # No table of contents, and no empty side column at 1280 px: generated pages are not in the
    # nav, so the page and its tables get the full width (the menu on a phone is not affected).
    hide: tuple[str, ...] = field(default=("toc", "navigation"))
    searchable: bool = True  # False where every card duplicates a page that is indexed itself
    lang: str = "sv"  # the page's language; the English section says "en"
    collection: str | None = None  # an item's collection (its kind in the site search), None for other pages


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the site root, e.g. "kalender.ics"
    content: str | bytes
