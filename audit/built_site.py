"""The built site as files: its pages, its deployed address, and URL → file resolution."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from audit.htmlrefs import page_refs

# The form editor for editors (utveckla/editor/cms.py): not a page for visitors, outside search and
# the sitemap, and judged apart by tests/test_cms_browser.py (its own policy, no third-party
# request, axe on its login screen), because the CMS's 5 MB bundle and markup are not the site's.
NOT_PUBLIC = ("admin/",)


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    url: str            # the deployed address, e.g. https://utvecklavasternorrland.se/
    tiles: re.Pattern | None  # the configured map tile server's host, if any

    def pages(self) -> list[str]:
        """Every public HTML page (relative, '/'-separated), start page first; redirect stubs and the
        form editor (admin/, see NOT_PUBLIC) left out."""
        found = []
        for path in self.root.rglob("*.html"):
            if path.relative_to(self.root).as_posix().startswith(NOT_PUBLIC):
                continue
            if not page_refs(path).redirect:
                found.append(path.relative_to(self.root).as_posix())
        return sorted(found, key=lambda rel: (rel != "index.html", rel))

    def matching(self, pattern: str) -> list[str]:
        """Pages matching a glob such as 'stod/*/index.html' ('*' stays inside one folder)."""
        regex = re.compile(fnmatch.translate(pattern).replace(".*", "[^/]*"))
        return [rel for rel in self.pages() if regex.fullmatch(rel)]

    def resolve(self, page: str, url: str) -> tuple[str, Path | None, str]:
        """Classify a URL found on `page`.

        → ("local", file or None when missing, fragment), ("external", url, "") or ("skip", url, "").
        Absolute URLs under the deployed address count as local: the 404 page links that way.
        """
        scheme = urlsplit(url).scheme.lower()
        if scheme in ("javascript", "data", "blob", "about"):
            return ("skip", None, "")
        if scheme in ("mailto", "tel", "sms"):
            return ("external", None, "")
        here = "http://site.invalid/" + page
        full = urljoin(here, url)
        if full.startswith(self.url):
            full = "http://site.invalid/" + full[len(self.url):]
        parts = urlsplit(full)
        if parts.netloc != "site.invalid":
            return ("external", None, "")
        rel = unquote(parts.path).lstrip("/")
        target = (self.root / rel).resolve()
        if rel == "" or rel.endswith("/") or target.is_dir():
            target = target / "index.html"
        inside = target.is_relative_to(self.root.resolve())
        return ("local", target if inside and target.is_file() else None, parts.fragment)


def page_path(rel: str) -> str:
    """The address a page is served at: 'stod/index.html' → '/stod/'."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may hold !!python/name tags; the audit needs none of them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_config(path: Path | None) -> dict:
    if path is None or not path.is_file():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def tiles_host_pattern(config: dict) -> re.Pattern | None:
    """The map tile server from the utveckla plugin's `tiles_url`, e.g.
    https://{s}.tile.example.org/{z}/{x}/{y}.png → a pattern for its hosts."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("utveckla"), dict):
            url = plugin["utveckla"].get("tiles_url")
            if url:
                host = urlsplit(url).netloc.rsplit("@", 1)[-1].split(":")[0]
                regex = re.escape(host).replace(re.escape("{s}"), "[a-z0-9-]+")
                return re.compile(regex + r"\Z", re.I)
    return None


def deployed_url(root: Path, config: dict) -> str:
    """site_url from mkdocs.yml, else the start page's canonical link, else a placeholder."""
    url = config.get("site_url")
    if not url:
        index = root / "index.html"
        text = index.read_text(encoding="utf-8", errors="replace") if index.is_file() else ""
        match = re.search(r'<link[^>]+rel="canonical"[^>]+href="(https?://[^"]+)"', text)
        url = match.group(1) if match else "https://site.invalid/"
    return url if url.endswith("/") else url + "/"


def load_built_site(root: Path, mkdocs_yml: Path | None) -> BuiltSite:
    config = read_mkdocs_config(mkdocs_yml)
    return BuiltSite(root.resolve(), deployed_url(root, config), tiles_host_pattern(config))
