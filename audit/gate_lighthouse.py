"""Gate: Lighthouse (npm, mobile preset, median of several runs) on one page of each template.

The site is served by audit/server.py, which compresses text like a real host: scored on an
uncompressed python http.server, the site would lose points that it does not lose deployed.
Lighthouse drives Debian's Chromium (CHROME_PATH) with every non-local host unresolvable.
"""

from __future__ import annotations

import fnmatch
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from audit import ROOT
from audit.built_site import BuiltSite, page_path
from audit.crawl import CHROMIUM
from audit.report import Finding, GateResult
from audit.server import DESCRIPTION, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
NAMES = {"performance": "Prestanda", "accessibility": "Tillgänglighet",
         "best-practices": "Bästa praxis", "seo": "SEO"}
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
KB = 1024


def pick_pages(site: BuiltSite, entries: list[dict]) -> tuple[list[tuple[str, str]], list[str], list[Finding]]:
    """(template, page) for every entry; notes for optional templates the site lacks;
    findings for required templates with no page (a renamed folder must not go unmeasured)."""
    chosen, notes, missing = [], [], []
    for entry in entries:
        excluded = {p for pattern in entry.get("exclude", []) for p in site.matching(pattern)}
        matches = [p for p in site.matching(entry["page"]) if p not in excluded]
        if matches:
            chosen.append((entry["template"], matches[0]))
        elif entry.get("optional"):
            notes.append(f"hoppar över {entry['template']}: ingen sida {entry['page']} ännu")
        else:
            missing.append(Finding(entry["page"], "mall-saknas",
                                   f"ingen sida matchar {entry['page']} ({entry['template']})",
                                   "rätta sökvägen i lighthouse.pages i budgets.yml"))
    return chosen, notes, missing


def run_once(url: str, workdir: Path) -> dict:
    """One Lighthouse run → its JSON report (raises when Lighthouse fails)."""
    report = workdir / "report.json"
    flags = CHROME_FLAGS + [f"--user-data-dir={workdir / 'profile'}"]
    cmd = [str(LIGHTHOUSE.resolve()), url, "--quiet", "--output=json", f"--output-path={report}",
           "--only-categories=" + ",".join(CATEGORIES), "--throttling-method=simulate",
           "--max-wait-for-load=45000", "--chrome-flags=" + " ".join(flags)]
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "HOME": str(workdir)}   # HOME: Chromium's crash files
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if not report.is_file():
        raise RuntimeError((done.stderr or done.stdout).strip().splitlines()[-1:] or ["ingen rapport"])
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(data["runtimeError"].get("message", "okänt fel"))
    return data


def scores(report: dict) -> dict[str, float]:
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def failing_audits(report: dict, category: str, limit: int = 4) -> str:
    """The audits that cost the category points, biggest weight first."""
    refs = sorted(report["categories"][category]["auditRefs"], key=lambda r: -r.get("weight", 0))
    out = []
    for ref in refs:
        audit = report["audits"].get(ref["id"], {})
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 0.9:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            out.append(f"{ref['id']}{value}")
    return ", ".join(out[:limit]) or "se Lighthouse-rapporten"


def run(site: BuiltSite, budgets: dict) -> GateResult:
    b = budgets["lighthouse"]
    chosen, notes, findings = pick_pages(site, b["pages"])
    result = GateResult("lighthouse", f"{len(chosen)} mallar × {b['runs']} körningar, mobil, median",
                        notes=[f"Servern: {DESCRIPTION}."] + notes, findings=findings)
    if not LIGHTHOUSE.exists():
        result.error = f"{LIGHTHOUSE} saknas: kör  npm ci --ignore-scripts  (make audit gör det)"
        return result
    rows: list[tuple[str, ...]] = [("mall", "sida", "prest.", "tillg.", "praxis", "seo", "KB", "prestanda per körning")]
    with serve(site.root) as base, tempfile.TemporaryDirectory(prefix="audit-lh-") as tmp:
        for template, page in chosen:
            reports = []
            for n in range(b["runs"]):
                workdir = Path(tmp) / f"{len(rows)}-{n}"
                workdir.mkdir()
                try:
                    reports.append(run_once(base + page_path(page), workdir))
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    result.findings.append(Finding(page, "lighthouse-fel", f"{template}: {error}",
                                                   "kör Lighthouse på sidan för hand och läs felet"))
            if not reports:
                continue
            runs = [scores(r) for r in reports]
            median = {c: statistics.median(s[c] for s in runs) for c in CATEGORIES}
            # The run whose performance score is the median explains the median's failures.
            typical = sorted(reports, key=lambda r: scores(r)["performance"])[len(reports) // 2]
            weight = typical["audits"]["total-byte-weight"]["numericValue"]
            rows.append((template, page, *(f"{median[c]:.0f}" for c in CATEGORIES), f"{weight / KB:.0f}",
                         "/".join(str(s["performance"]) for s in runs)))
            for c in CATEGORIES:
                if median[c] < b["min_scores"][c]:
                    result.findings.append(Finding(
                        page, f"lighthouse-{c}",
                        f"{template}: {NAMES[c]} {median[c]:.0f} < {b['min_scores'][c]}",
                        "rätta det som drar ned poängen: " + failing_audits(typical, c)))
            is_map = any(fnmatch.fnmatch(page, p) for p in budgets["map_pages"])
            limit = budgets["weight"]["map_page_total_kb" if is_map else "page_total_kb"]
            if weight > limit * KB:
                result.findings.append(Finding(page, "sidvikt", f"{template}: Lighthouse mätte {weight / KB:.0f} KB > {limit} KB",
                                               "minska det sidan laddar (bilder, skript, sökindex)"))
            print(f"   lighthouse {page}: " + ", ".join(f"{NAMES[c]} {median[c]:.0f}" for c in CATEGORIES),
                  flush=True)
    result.notes.append(_table(rows))
    return result


def _table(rows) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    return "\n   ".join([lines[0], "  ".join("-" * w for w in widths)] + lines[1:])
