"""Gate: page weight from the files themselves, as a host that compresses text would send them.

For each page: the HTML, and every local file it loads (stylesheets and what they load with
url(), scripts, images, icons, same-site frames and their files), each file once. Text is
counted gzip-compressed, images as they are. Files that scripts fetch later (the search
index) are not seen here; Lighthouse's byte weight on the template pages includes them.
"""

from __future__ import annotations

import fnmatch
import gzip
from functools import cache
from pathlib import Path

from audit.built_site import BuiltSite
from audit.htmlrefs import css_refs, page_refs
from audit.report import Finding, GateResult

KB = 1024
TEXT = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".ics", ".map", ".webmanifest"}


@cache
def transfer_size(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data, 6, mtime=0)) if path.suffix.lower() in TEXT else len(data)


def page_files(site: BuiltSite, page: str) -> set[Path]:
    """The local files a page loads (not the page itself)."""
    seen: set[Path] = set()

    def visit(rel: str, path: Path):
        urls = [(r.url, r.kind) for r in page_refs(path).refs if r.kind != "link"] \
            if path.suffix == ".html" else [(u, "asset") for u in css_refs(path)]
        for url, _kind in urls:
            what, target, _ = site.resolve(rel, url)
            if what != "local" or target is None or target in seen:
                continue
            seen.add(target)
            if target.suffix in (".css", ".html"):
                visit(target.relative_to(site.root).as_posix(), target)

    visit(page, site.root / page)
    seen.discard(site.root / page)
    return seen


def run(site: BuiltSite, budgets: dict) -> GateResult:
    b = budgets["weight"]
    findings = []
    pages = site.pages()
    heaviest = (0, "")
    for page in pages:
        html = site.root / page
        files = page_files(site, page)
        html_raw = html.stat().st_size
        css_js = sum(transfer_size(f) for f in files if f.suffix in (".css", ".js", ".mjs"))
        total = transfer_size(html) + sum(transfer_size(f) for f in files)
        heaviest = max(heaviest, (total, page))
        is_map = any(fnmatch.fnmatch(page, pattern) for pattern in budgets["map_pages"])
        limit = b["map_page_total_kb"] if is_map else b["page_total_kb"]
        if html_raw > b["html_kb"] * KB:
            findings.append(Finding(page, "html-storlek",
                                    f"HTML {html_raw / KB:.0f} KB > {b['html_kb']} KB",
                                    "dela upp sidan eller korta listan (visa färre kort, länka till resten)"))
        css_js_limit = b["map_css_js_gzip_kb"] if is_map else b["css_js_gzip_kb"]
        if css_js > css_js_limit * KB:
            biggest = max((f for f in files if f.suffix in (".css", ".js", ".mjs")), key=transfer_size)
            findings.append(Finding(page, "css-js-vikt",
                                    f"CSS+JS {css_js / KB:.0f} KB gzip > {css_js_limit} KB "
                                    f"(störst: {biggest.relative_to(site.root).as_posix()}, "
                                    f"{transfer_size(biggest) / KB:.0f} KB)",
                                    "ta bort eller dela upp skriptet/stilmallen; ladda bara det sidan behöver"))
        if total > limit * KB:
            findings.append(Finding(page, "sidvikt",
                                    f"hela sidan {total / KB:.0f} KB > {limit} KB"
                                    + (" (kartsida, utan kartbilder)" if is_map else ""),
                                    "minska bilderna (rätt storlek, WebP/AVIF) och ta bort filer sidan inte behöver"))
    return GateResult("vikt", f"{len(pages)} sidor, tyngst {heaviest[1]} {heaviest[0] / KB:.0f} KB",
                      findings=findings)
