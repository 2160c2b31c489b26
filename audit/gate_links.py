"""Gate: every internal link, anchor and asset resolves to a file in the built site.

External links are listed in a report file and never fetched: the audit must not depend on
other people's servers, and it must not leave the machine.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from audit.built_site import BuiltSite
from audit.htmlrefs import css_refs, page_refs
from audit.report import Finding, GateResult

FIX_LINK = ("rätta adressen i innehållet eller mallen (länka till en sida som finns); "
            "har sidan flyttats, lägg en omdirigering på den gamla adressen")
FIX_ASSET = "lägg filen i docs/assets/ eller rätta sökvägen i mallen som laddar den"
FIX_ANCHOR = "länka till en rubrik eller ett id som finns på målsidan (kontrollera stavningen)"


def run(site: BuiltSite, budgets: dict, report_dir: Path | None = None) -> GateResult:
    findings: list[Finding] = []
    external: dict[str, set[str]] = defaultdict(set)   # url → pages
    checked_css: set[Path] = set()
    pages = site.pages()
    stubs = [p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html")
             if page_refs(p).redirect]
    refs = 0
    for page in pages + sorted(stubs):
        for ref in page_refs(site.root / page).refs:
            refs += 1
            kind, target, fragment = site.resolve(page, ref.url)
            if kind == "external":
                external[ref.url].add(page)
            elif kind == "local" and target is None:
                asset = ref.kind != "link"
                findings.append(Finding(
                    page, "saknad-fil" if asset else "bruten-länk",
                    f"rad {ref.line}: {ref.tag} {ref.url} finns inte i webbplatsen",
                    FIX_ASSET if asset else FIX_LINK))
            elif target is None:
                continue  # external or not a file of the site: nothing more to check here
            elif kind == "local" and target.suffix == ".css" and target not in checked_css:
                checked_css.add(target)
                findings += _check_css(site, target)
            elif kind == "local" and fragment and target.suffix == ".html" \
                    and fragment not in page_refs(target).ids:
                findings.append(Finding(page, "saknat-ankare",
                                        f"rad {ref.line}: {ref.url}: målsidan har inget id ”{fragment}”",
                                        FIX_ANCHOR))
    notes = [f"{len(external)} externa adresser listade, inte hämtade"]
    if report_dir is not None:
        path = report_dir / "externa-lankar.txt"
        _write_external(path, external)
        notes[0] += f": {path}"
    limit = budgets["links"]["max_broken"]
    result = GateResult("länkar", f"{len(pages)} sidor, {refs} adresser, {len(checked_css)} CSS-filer",
                        notes=notes)
    if len(findings) > limit:
        result.findings = findings
    return result


def _check_css(site: BuiltSite, css: Path) -> list[Finding]:
    rel = css.relative_to(site.root).as_posix()
    out = []
    for url in css_refs(css):
        kind, target, _ = site.resolve(rel, url)
        if kind == "local" and target is None:
            out.append(Finding(rel, "saknad-fil", f"url({url}) finns inte i webbplatsen", FIX_ASSET))
    return out


def _write_external(path: Path, external: dict[str, set[str]]) -> None:
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in sorted(external):
        by_host[urlsplit(url).hostname or urlsplit(url).scheme].append(url)
    lines = ["# Externa länkar på webbplatsen (hämtas inte av granskningen), per värd", ""]
    for host in sorted(by_host, key=lambda h: (-len(by_host[h]), h)):
        lines.append(f"{host} ({len(by_host[host])})")
        for url in by_host[host]:
            pages = sorted(external[url])
            lines.append(f"  {url}   ← {pages[0]}" + (f" och {len(pages) - 1} sidor till" if len(pages) > 1 else ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
