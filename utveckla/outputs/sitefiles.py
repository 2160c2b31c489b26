"""Site-level files for robots and researchers: robots.txt and /.well-known/security.txt."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def robots_txt(site_url: str) -> str:
    """/admin/ is the editors' form editor (cms.py): nothing for search engines."""
    return f"User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def security_txt(site_url: str, today: dt.date) -> str:
    """RFC 9116. Expires a year after the build, so the nightly rebuild keeps it valid."""
    base = site_url.rstrip("/")
    expires = (today + dt.timedelta(days=365)).isoformat()
    return (
        f"Contact: {base}/om/#kontakt\n"
        f"Expires: {expires}T00:00:00Z\n"
        "Preferred-Languages: sv, en\n"
        f"Canonical: {base}/.well-known/security.txt\n"
        f"Policy: {base}/om/#sakerhet\n"
    )


def section_sitemap(paths: list[str], site_url: str) -> bytes:
    """A sitemap of one section (news, the English pages), placed in the section's folder.

    The theme's script fetches `sitemap.xml` beside every `<link rel="alternate">` in the page
    head (the news feed, the language versions); this answers that request with a real, valid
    file instead of a 404 in every visitor's console.
    """
    base = site_url.rstrip("/") + "/"
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for path in paths:
        url = ET.SubElement(root, f"{{{SITEMAP}}}url")
        ET.SubElement(url, f"{{{SITEMAP}}}loc").text = base + path
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", default_namespace=SITEMAP) + b"\n"
