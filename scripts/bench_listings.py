"""Listing pages at ten times today's content, and the offer filter's response time at 5,000 offers.

    python scripts/bench_listings.py              # sizes at 10×, then the filter at 5,000 offers
    python scripts/bench_listings.py --no-filter  # sizes only

Sizes: a copy of the real project with 500 offers, 300 investments and every other collection
× 10 (bench_scale.make_project), built with `mkdocs build --strict`; the HTML size of every page
of every listing, against the budget in budgets.yml (weight: html_kb).

Filter: a copy with 5,000 offers, served like the audit serves the site, /stod/ opened in headless
Chromium at 375 px with the CPU slowed down 4× (DevTools' throttling, a mid-range phone). The
offers are read (focus on the filter, as a visitor does), then each choice is timed from the
event to the next frame: the result is on screen. Median and worst of the runs. Figures only;
nothing fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

import yaml
from bench_scale import ROOT, build_once, make_project

sys.path.insert(0, str(ROOT))
from audit.crawl import CHROMIUM, FLAGS  # noqa: E402  (the repository root is on the path from here)
from audit.server import serve  # noqa: E402

TEN_TIMES = {"stod": 500, "investeringar": 300}
# Every listing of the site and its first page; the others are its sida-N pages.
LISTINGS = ("stod/", "aktorer/", "kalender/", "kalender/arkiv/", "investeringar/", "en/investments/",
            "aktuellt/", "kommuner/", "om-projektet/resultat/", "oppna-data/")
# Each choice as (what it is, the select's name, its value) or free text; run in this order.
CHOICES = (("typ: lån", "typ", "lan"), ("kommun: Sundsvall", "kommun", "sundsvall"),
           ("fritext: lån maskin", None, "lån maskin"), ("fritext: låna", None, "låna"))

# From nothing chosen (not timed) to the choice on screen: the event, the filter and the next frame.
TIME_ONE_CHOICE = """async ([name, value]) => {
  const form = document.getElementById("uv-filter");
  const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  form.querySelectorAll("select").forEach(select => { select.value = ""; });
  form.querySelector("input[name=sok]").value = "";
  form.dispatchEvent(new Event("submit", {cancelable: true}));
  await frame();
  const start = performance.now();
  if (name) {
    const select = form.querySelector(`select[name=${name}]`);
    select.value = value;
    select.dispatchEvent(new Event("change"));
  } else {
    form.querySelector("input[name=sok]").value = value;
    form.dispatchEvent(new Event("submit", {cancelable: true}));
  }
  await frame();
  return [performance.now() - start, document.getElementById("uv-count").textContent];
}"""


def listing_sizes(site: Path) -> list[tuple[str, int, int]]:
    """(listing, pages, largest page in bytes) for every listing in LISTINGS."""
    rows = []
    for listing in LISTINGS:
        pages = [site / listing / "index.html"] + sorted((site / listing).glob("sida-*/index.html"))
        pages = [page for page in pages if page.exists()]
        if pages:
            rows.append((listing, len(pages), max(page.stat().st_size for page in pages)))
    return rows


def time_filter(site: Path, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import expect, sync_playwright

    times: dict[str, list[float]] = {label: [] for label, _, _ in CHOICES}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 375, "height": 812})
            page.route("**/*", lambda route: route.abort() if not route.request.url.startswith(base)
                       else route.continue_())
            cdp = page.context.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(f"{base}/stod/", wait_until="load")
            page.focus("#uv-q")
            expect(page.locator("#uv-filter")).to_have_attribute("data-filter-all-read", "", timeout=60_000)
            for label, name, value in CHOICES:
                milliseconds, count = page.evaluate(TIME_ONE_CHOICE, [name, value])
                times[label].append(milliseconds)
                print(f"  {label}: {milliseconds:.0f} ms – {count}", flush=True)
            page.close()
        browser.close()
    return times


def report_sizes(tmp: Path, budget_kb: int) -> None:
    project = tmp / "x10"
    project.mkdir()
    make_project(project, 10, TEN_TIMES)
    counts = {p.name: len(list(p.glob("*.md"))) for p in (project / "content").iterdir() if p.is_dir()}
    seconds = build_once(project)
    print(f"10×: {', '.join(f'{n} {name}' for name, n in sorted(counts.items()))}; bygget tog {seconds:.1f} s\n")
    print(f"| listing | pages | largest page, HTML | within {budget_kb} KB |")
    print("|---|---:|---:|---|")
    for listing, pages, largest in listing_sizes(project / "site"):
        print(f"| /{listing} | {pages} | {largest / 1024:.1f} KB | {'yes' if largest <= budget_kb * 1024 else 'NO'} |")


def report_filter(tmp: Path, runs: int) -> None:
    project = tmp / "filter"
    project.mkdir()
    make_project(project, 1, {"stod": 5000})
    offers = len(list((project / "content" / "stod").glob("*.md")))
    seconds = build_once(project)
    print(f"\n{offers} offers; bygget tog {seconds:.1f} s. Filtret, CPU 4× långsammare, {runs} körningar:")
    times = time_filter(project / "site", runs)
    print("\n| choice | median | worst |")
    print("|---|---:|---:|")
    for label, values in times.items():
        print(f"| {label} | {statistics.median(values):.0f} ms | {max(values):.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-filter", action="store_true", help="only the listing sizes")
    parser.add_argument("--no-sizes", action="store_true", help="only the filter timing")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    budget_kb = yaml.safe_load((ROOT / "budgets.yml").read_text(encoding="utf-8"))["weight"]["html_kb"]
    with tempfile.TemporaryDirectory(prefix="bench-listings-") as tmp:
        if not args.no_sizes:
            report_sizes(Path(tmp), budget_kb)
        if not args.no_filter:
            report_filter(Path(tmp), args.runs)


if __name__ == "__main__":
    main()
