"""Cookieless visitor statistics, off unless mkdocs.yml names the region's own collector.

    plugins:
      - utveckla:
          statistics_url: https://statistik.example.se/count

With it set, every page loads /assets/js/statistik.js (served from the site, not the
collector), which sends one GET per page view to exactly that address; the Content Security
Policy's connect-src then allows that one address and nothing else (csp.policy). Without it,
the site is as before: no script, no request, the same policy. /om/ says which is the case.
"""

from __future__ import annotations

from importlib.resources import files
from urllib.parse import urlsplit

SCRIPT_PATH = "assets/js/statistik.js"


def collector_url(setting: str | None) -> str | None:
    """The collector's address from mkdocs.yml, checked; None when statistics are off."""
    if not setting:
        return None
    parts = urlsplit(setting)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"statistics_url måste vara en fullständig https-adress utan ? och #, inte {setting!r}")
    return setting


def script() -> str:
    return files("utveckla").joinpath("assets/statistik.js").read_text(encoding="utf-8")


def script_tag(page_url: str, collector: str) -> str:
    """The <script> element for a page at page_url ("om/", "" for the start page)."""
    src = "../" * page_url.count("/") + SCRIPT_PATH
    return f'<script src="{src}" data-endpoint="{collector}" defer></script>'
