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
from audit.crawl import CHROMIUM, FLAGS
from audit.report import Finding, GateResult
from audit.server import DESCRIPTION, serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# The Lighthouse categories this gate knows: (name in messages, column heading). The ones
# measured are those budgets.yml gives a minimum for (lighthouse.min_scores), in its order.
CATEGORIES = {"performance": ("Prestanda", "prest."), "accessibility": ("Tillgänglighet", "tillg."),
              "best-practices": ("Bästa praxis", "praxis"), "seo": ("SEO", "seo")}
# The page weight and the runs' spread are read from the performance category.
PERFORMANCE = "performance"
CHROME_FLAGS = ["--headless=new", *FLAGS]   # the crawl's: no host but 127.0.0.1, no browser UI
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


def run_once(url: str, workdir: Path, categories: list[str]) -> dict:
    """One Lighthouse run → its JSON report (raises when Lighthouse fails)."""
    report = workdir / "report.json"
    flags = CHROME_FLAGS + [f"--user-data-dir={workdir / 'profile'}"]
    cmd = [str(LIGHTHOUSE.resolve()), url, "--quiet", "--output=json", f"--output-path={report}",
           "--only-categories=" + ",".join(categories), "--throttling-method=simulate",
           "--max-wait-for-load=45000", "--chrome-flags=" + " ".join(flags)]
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "HOME": str(workdir)}   # HOME: Chromium's crash files
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if not report.is_file():
        raise RuntimeError((done.stderr or done.stdout).strip().splitlines()[-1:] or ["ingen rapport"])
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise RuntimeError(data["runtimeError"].get("message", "okänt fel"))
    return data


def scores(report: dict, categories: list[str]) -> dict[str, float]:
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in categories}


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
    categories = list(b["min_scores"])
    chosen, notes, findings = pick_pages(site, b["pages"])
    result = GateResult("lighthouse", f"{len(chosen)} mallar × {b['runs']} körningar, mobil, median",
                        notes=[f"Servern: {DESCRIPTION}."] + notes, findings=findings)
    unknown = [c for c in categories if c not in CATEGORIES]
    if unknown:
        result.error = (f"budgets.yml: lighthouse.min_scores har okända kategorier {', '.join(unknown)}"
                        f" — välj bland {', '.join(CATEGORIES)}")
        return result
    if not LIGHTHOUSE.exists():
        result.error = f"{LIGHTHOUSE} saknas: kör  npm ci --ignore-scripts  (make audit gör det)"
        return result
    measures_weight = PERFORMANCE in categories
    varies = PERFORMANCE if measures_weight else categories[0]
    heading = ["mall", "sida", *(CATEGORIES[c][1] for c in categories)]
    rows: list[tuple[str, ...]] = [tuple(heading + (["KB", "prestanda per körning"] if measures_weight else []))]
    with serve(site.root) as base, tempfile.TemporaryDirectory(prefix="audit-lh-") as tmp:
        for template, page in chosen:
            reports = []
            for n in range(b["runs"]):
                workdir = Path(tmp) / f"{len(rows)}-{n}"
                workdir.mkdir()
                try:
                    reports.append(run_once(base + page_path(page), workdir, categories))
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    result.findings.append(Finding(page, "lighthouse-fel", f"{template}: {error}",
                                                   "kör Lighthouse på sidan för hand och läs felet"))
            if not reports:
                continue
            runs = [scores(r, categories) for r in reports]
            median = {c: statistics.median(s[c] for s in runs) for c in categories}
            # The run whose performance score (the one that varies) is the median explains the median's failures.
            typical = sorted(reports, key=lambda r: scores(r, categories)[varies])[len(reports) // 2]
            row = [template, page, *(f"{median[c]:.0f}" for c in categories)]
            for c in categories:
                if median[c] < b["min_scores"][c]:
                    result.findings.append(Finding(
                        page, f"lighthouse-{c}",
                        f"{template}: {CATEGORIES[c][0]} {median[c]:.0f} < {b['min_scores'][c]}",
                        "rätta det som drar ned poängen: " + failing_audits(typical, c)))
            if measures_weight:
                weight = typical["audits"]["total-byte-weight"]["numericValue"]
                row += [f"{weight / KB:.0f}", "/".join(str(s[PERFORMANCE]) for s in runs)]
                is_map = any(fnmatch.fnmatch(page, p) for p in budgets["map_pages"])
                limit = budgets["weight"]["map_page_total_kb" if is_map else "page_total_kb"]
                if weight > limit * KB:
                    result.findings.append(Finding(page, "sidvikt", f"{template}: Lighthouse mätte {weight / KB:.0f} KB > {limit} KB",
                                                   "minska det sidan laddar (bilder, skript, sökindex)"))
            rows.append(tuple(row))
            print(f"   lighthouse {page}: " + ", ".join(f"{CATEGORIES[c][0]} {median[c]:.0f}" for c in categories),
                  flush=True)
    result.notes.append(_table(rows))
    return result


def _table(rows) -> str:
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    return "\n   ".join([lines[0], "  ".join("-" * w for w in widths)] + lines[1:])
