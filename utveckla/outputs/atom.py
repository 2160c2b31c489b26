"""The news feed in Atom (RFC 4287), built with ElementTree so every value is escaped.

`updated` comes from the articles' own dates, not the clock, so two builds are identical.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable

from ..content.site import Entry

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def feed(articles: list[Entry], site_url: str, title: str, feed_path: str, page_path: str,
         subtitle: str = "Nyheter om stöd, investeringar och omställning för företag i Västernorrland.",
         categories: Callable[[Entry], list[str]] = lambda article: list(article.data.tags)) -> bytes:
    """articles: entries with a `date` (news, results), newest first; categories: each one's terms."""
    base = site_url.rstrip("/") + "/"
    root = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "sv"})
    _add(root, "id", base + page_path)
    _add(root, "title", title)
    _add(root, "subtitle", subtitle)
    _add(root, "updated", _stamp(max((a.data.date for a in articles), default=dt.date(2026, 1, 1))))
    _add(root, "link", rel="self", type="application/atom+xml", href=base + feed_path)
    _add(root, "link", rel="alternate", type="text/html", href=base + page_path)
    author = _add(root, "author")
    _add(author, "name", "Utveckla Västernorrland")
    _add(author, "uri", base)
    for article in articles:
        entry = _add(root, "entry")
        url = base + article.url
        _add(entry, "id", url)
        _add(entry, "title", article.data.title)
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", _stamp(article.data.date))
        _add(entry, "updated", _stamp(article.data.date))
        _add(entry, "summary", article.data.summary)
        for term in categories(article):
            _add(entry, "category", term=term)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"

