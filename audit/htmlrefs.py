"""What a built HTML page points at: links, assets, ids, and whether it is only a redirect.

The standard library's HTMLParser is enough for MkDocs output and keeps the audit free of
extra dependencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# (tag, attribute) → kind. "link" is navigation; "asset" is loaded with the page.
_REF_ATTRS = {
    ("a", "href"): "link", ("area", "href"): "link", ("form", "action"): "link",
    ("iframe", "src"): "frame",
    ("img", "src"): "asset", ("img", "srcset"): "asset", ("source", "src"): "asset",
    ("source", "srcset"): "asset", ("script", "src"): "asset", ("video", "src"): "asset",
    ("video", "poster"): "asset", ("audio", "src"): "asset", ("track", "src"): "asset",
    ("embed", "src"): "asset", ("object", "data"): "asset", ("input", "src"): "asset",
}
# <link rel=…> values whose href the browser loads with the page.
_LOADED_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload",
                "manifest", "mask-icon"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Ref:
    url: str
    kind: str   # link | asset | frame
    tag: str    # the element, for messages: <img>, <link rel=stylesheet> …
    line: int


@dataclass
class PageRefs:
    refs: list[Ref] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    redirect: bool = False


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = PageRefs()
        self._in_style = False

    def _add(self, url: str, kind: str, tag: str):
        url = url.strip()
        if url:
            self.out.refs.append(Ref(url, kind, tag, self.getpos()[0]))

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if a.get("id"):
            self.out.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.out.ids.add(a["name"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.out.redirect = True
            target = re.search(r"url\s*=\s*['\"]?([^'\"]+)", a.get("content", ""), re.I)
            if target:
                self._add(target.group(1), "link", "<meta http-equiv=refresh>")
        if tag == "style":
            self._in_style = True
        if tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            if rels & _LOADED_RELS:
                self._add(a["href"], "asset", f"<link rel={' '.join(sorted(rels))}>")
            elif rels & {"prev", "next", "alternate", "canonical"}:
                # canonical and alternate point at the deployed address: checked like links.
                self._add(a["href"], "link", f"<link rel={' '.join(sorted(rels))}>")
        for name, value in a.items():
            kind = _REF_ATTRS.get((tag, name))
            if kind is None or not value:
                continue
            urls = [c.strip().split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
            for url in urls:
                self._add(url, kind, f"<{tag}>")
        if a.get("style"):
            for m in CSS_URL.finditer(a["style"]):
                self._add(m.group(1) or m.group(2), "asset", f"<{tag} style>")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for m in CSS_URL.finditer(data):
                self._add(m.group(1) or m.group(2), "asset", "<style>")


_cache: dict[Path, PageRefs] = {}


def page_refs(path: Path) -> PageRefs:
    """Parse a page once per run (links and anchors ask for the same pages many times)."""
    if path not in _cache:
        collector = _Collector()
        collector.feed(path.read_text(encoding="utf-8", errors="replace"))
        _cache[path] = collector.out
    return _cache[path]


def css_refs(path: Path) -> list[str]:
    """url(…) and @import in a stylesheet, comments removed."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8", errors="replace"), flags=re.S)
    return [m.group(1) or m.group(2) for m in CSS_URL.finditer(text)]
