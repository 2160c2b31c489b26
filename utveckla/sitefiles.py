"""Site-level files for robots and researchers: robots.txt and /.well-known/security.txt."""

from __future__ import annotations

import datetime as dt


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


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
