#!/usr/bin/env python3
"""Benchmark the investment map with 500 synthetic investments.

    .venv/bin/python scripts/bench_map.py              # 500 investments, 5 loads
    .venv/bin/python scripts/bench_map.py --count 1000 --runs 3 --write /tmp/karta.md   # then paste into README.md

Copies the project to a temporary folder, replaces content/investeringar/ with synthetic
investments spread over the county, builds the site, serves it from 127.0.0.1 (compressed
with gzip like GitHub Pages, so both the bytes on the wire and the uncompressed bytes are
known; in its own process, from memory) and loads /investeringar/ in headless Chromium with
the tile server blocked.

Weight: every response the page gets, tiles excluded, in groups: the page's HTML, the
theme (Material's CSS and JS), the map (Leaflet, markercluster, karta.js/css), the site's
other CSS/JS. The site search (Pagefind) loads nothing but its 1 kB starter (in "other")
until someone searches, so its index is not part of the page's weight.

Time to interactive: from navigation start until the markers are on the map, the filter
has run over the table, and the main thread has had no long task (over 50 ms) since: the
later of DOMContentLoaded, "map ready", "filter ready" and the end of the last long task.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.crawl import CHROMIUM, NO_BROWSER_UI  # noqa: E402
from utveckla.content.collections import inside_county  # noqa: E402

EPOCH = "1795348800"
MUNICIPALITIES = {  # centre and spread (degrees) for synthetic places
    "harnosand": (62.63, 17.94, 0.15), "kramfors": (62.93, 17.78, 0.2), "solleftea": (63.17, 17.27, 0.3),
    "sundsvall": (62.39, 17.31, 0.25), "timra": (62.49, 17.33, 0.1), "ange": (62.52, 15.66, 0.3),
    "ornskoldsvik": (63.29, 18.72, 0.3),
}
NAMES = {"harnosand": "Härnösand", "kramfors": "Kramfors", "solleftea": "Sollefteå", "sundsvall": "Sundsvall",
         "timra": "Timrå", "ange": "Ånge", "ornskoldsvik": "Örnsköldsvik"}
SECTORS = ["energi", "industri", "infrastruktur", "bostader", "fastigheter", "besoksnaring", "digital", "logistik", "ovrigt"]
STATUSES = ["planerad"] * 4 + ["beslutad"] * 2 + ["pagaende"] * 3 + ["klar"] * 3 + ["pausad", "avbruten"]
INIT_SCRIPT = """
window.__bench = {longTasks: [], mapReady: null, filterReady: null};
new PerformanceObserver(list => list.getEntries().forEach(e =>
  window.__bench.longTasks.push(e.startTime + e.duration))).observe({type: 'longtask', buffered: true});
document.addEventListener('uv-filter', () => { if (window.__bench.filterReady === null) window.__bench.filterReady = performance.now(); });
new MutationObserver((changes, observer) => {
  const map = document.getElementById('map_karta');
  if (map && map.dataset.markerCount && map.dataset.markerCount !== '0' && window.__bench.mapReady === null) {
    window.__bench.mapReady = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-marker-count'], childList: true});
"""


def synthetic(count: int, seed: int = 4) -> list[tuple[str, str]]:
    """(slug, file text) for `count` investments inside the county, the same for the same seed."""
    rng = random.Random(seed)
    files = []
    for number in range(1, count + 1):
        municipality = rng.choice(list(MUNICIPALITIES))
        lat0, lon0, spread = MUNICIPALITIES[municipality]
        while True:
            lat, lon = round(lat0 + rng.uniform(-spread, spread) / 2, 4), round(lon0 + rng.uniform(-spread, spread), 4)
            if inside_county(lat, lon):
                break
        sector, status = rng.choice(SECTORS), rng.choice(STATUSES)
        slug = f"syntetisk-{number:04d}"
        lines = ["---", f'title: "Syntetisk investering {number} i {NAMES[municipality]}"',
                 f'summary: "En påhittad investering för prestandatest: {sector} i {NAMES[municipality]}."',
                 f'owner: "Testföretag {number % 97} AB"', f"municipality: {municipality}", f"sector: {sector}",
                 f"status: {status}"]
        if status in ("pausad", "avbruten"):
            lines.append('status_note: "Påhittad förklaring till varför investeringen står still."')
        if rng.random() < 0.6:
            lines += [f"amount_msek: {rng.choice([50, 120, 300, 850, 1500, 4000, 12000])}",
                      f"amount_year: {rng.randint(2018, 2026)}"]
        if rng.random() < 0.4:
            lines.append(f"jobs: {rng.randint(5, 800)}")
        lines += ["location:", f"  lat: {lat}", f"  lon: {lon}", "reviewed: 2026-11-01", "---",
                  "Påhittad text om investeringen. Den finns bara för att mäta hur sidan klarar många investeringar."]
        files.append((slug, "\n".join(lines) + "\n"))
    return files


def prepare(workdir: Path, count: int) -> Path:
    project = workdir / "projekt"
    project.mkdir()
    for name in ("docs", "overrides", "content"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    folder = project / "content" / "investeringar"
    shutil.rmtree(folder)
    folder.mkdir()
    for slug, text in synthetic(count):
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    return project


def build(project: Path) -> tuple[Path, float]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f",
                          str(project / "mkdocs.yml"), "-d", str(project / "site")], capture_output=True, text=True, env=env)
    if run.returncode != 0:
        sys.exit("The build failed:\n" + run.stderr[-3000:])
    return project / "site", time.perf_counter() - started


class StaticHandler(http.server.BaseHTTPRequestHandler):
    """Serves the built site from memory, text files gzip-compressed (as GitHub Pages does).

    Everything is read and compressed before the first request, and the server runs in its
    own process: the measurement is of the page, not of Python compressing files.
    """

    COMPRESS = (".html", ".css", ".js", ".json", ".geojson", ".csv", ".svg", ".xml")
    files: dict[str, tuple[bytes, bytes | None, str]] = {}

    @classmethod
    def load(cls, site: Path) -> None:
        import mimetypes

        for path in site.rglob("*"):
            if path.is_file():
                body = path.read_bytes()
                packed = gzip.compress(body, compresslevel=6, mtime=0) if path.suffix in cls.COMPRESS else None
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                cls.files["/" + path.relative_to(site).as_posix()] = (body, packed, kind)

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = urlsplit(self.path).path
        if path.endswith("/"):
            path += "index.html"
        found = self.files.get(path)
        if found is None:
            self.send_error(404)
            return
        body, packed, kind = found
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if packed is not None and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = packed
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def serve(site: Path, port_queue) -> None:
    """Run in a child process: load the site, report the port, serve until terminated."""
    StaticHandler.load(site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StaticHandler)
    port_queue.put(server.server_address[1])
    server.serve_forever()


def group(url: str) -> str:
    path = urlsplit(url).path
    if "/assets/vendor/" in path or path.endswith(("/karta.js", "/karta.css", "/table-sort.js")):
        return "map (Leaflet, markercluster, karta.js/css, table-sort.js)"
    if "/assets/stylesheets/" in path or "/assets/javascripts/" in path:
        return "theme (Material CSS and JS)"
    if path.endswith((".html", "/")):
        return "page HTML (table and marker data)"
    return "other (site.css, filter.js, icons)"


def measure(site: Path, runs: int, tile_host: str) -> dict:
    from playwright.sync_api import sync_playwright

    queue = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(site, queue), daemon=True)
    server.start()
    url = f"http://127.0.0.1:{queue.get(timeout=60)}/investeringar/"
    results = {"tti": [], "map": [], "dcl": [], "load": [], "weights": None, "markers": None, "rows": None}
    # The tile server is blocked in the browser's resolver (a refused local port), so blocking
    # it costs no round trip through this script.
    blocked = f"--host-resolver-rules=MAP {tile_host} 127.0.0.1:9"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", blocked, NO_BROWSER_UI])
        for run in range(runs + 1):  # the first load warms up the server and the disk cache; not counted
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            responses = []
            # A function of our own: playwright marks the handler, which a bound builtin (list.append) refuses.
            context.on("requestfinished", lambda request, found=responses: found.append(request))
            page = context.new_page()
            page.add_init_script(INIT_SCRIPT)
            page.goto(url, wait_until="load")
            # A paged table (content/paging.py) is right as it comes: its filter runs at the first
            # choice, not at load, so only the markers are waited for.
            page.wait_for_function("() => window.__bench.mapReady !== null")
            page.wait_for_timeout(1500)  # let late long tasks be seen (the measurement is whether they come)
            bench = page.evaluate("window.__bench")
            nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0]; "
                                "return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()")
            tti = max([nav["dcl"], bench["mapReady"], bench["filterReady"] or 0, *bench["longTasks"]])
            if run:
                results["tti"].append(tti)
                results["map"].append(bench["mapReady"])
                results["dcl"].append(nav["dcl"])
                results["load"].append(nav["load"])
            if results["weights"] is None:
                weights: dict[str, list[int]] = {}
                for request in responses:
                    if urlsplit(request.url).hostname == tile_host:
                        continue
                    response = request.response()
                    if response is None:
                        continue
                    raw = len(response.body())
                    wire = request.sizes()["responseBodySize"]
                    entry = weights.setdefault(group(request.url), [0, 0, 0])
                    entry[0] += raw
                    entry[1] += wire
                    entry[2] += 1
                results["weights"] = weights
                results["markers"] = int(page.get_attribute("#map_karta", "data-marker-count"))
                results["rows"] = page.locator("#investeringar tbody tr").count()
            context.close()
        browser.close()
    server.terminate()
    server.join()
    return results


def report(count: int, build_seconds: float, results: dict) -> str:
    kb = lambda n: f"{n / 1000:,.0f} kB"  # noqa: E731
    ms = lambda values: f"{statistics.median(values):,.0f} ms"  # noqa: E731
    weights = results["weights"]
    load = results.get("loadavg")
    page_raw = sum(v[0] for v in weights.values())
    page_wire = sum(v[1] for v in weights.values())
    lines = [
        f"### Investment map with {count} synthetic investments",
        "",
        f"`scripts/bench_map.py` (`make bench-map`): headless Chromium on the development machine "
        f"(2 cores), {len(results['tti'])} loads after one warm-up, median and worst. Tiles are blocked "
        f"and not counted; the local server gzips text like GitHub Pages. Building the whole site "
        f"({count} investment pages included) took {build_seconds:.0f} s."
        + (f" Load average (1 min) was {load[0]:.1f} before and {load[1]:.1f} after the run: other "
           "processes on the same two cores make the times longer." if load else ""),
        "",
        f"The map showed {results['markers']} markers and the table {results['rows']} rows.",
        "",
        "| part of the page | files | uncompressed | transferred (gzip) |",
        "|---|---:|---:|---:|",
    ]
    for name, (raw, wire, files) in sorted(weights.items(), key=lambda item: -item[1][0]):
        lines.append(f"| {name} | {files} | {kb(raw)} | {kb(wire)} |")
    lines += [
        f"| **the map page's weight** | | **{kb(page_raw)}** | **{kb(page_wire)}** |",
        "",
        "| time from navigation start | median | worst |",
        "|---|---:|---:|",
        f"| DOMContentLoaded | {ms(results['dcl'])} | {max(results['dcl']):,.0f} ms |",
        f"| markers on the map | {ms(results['map'])} | {max(results['map']):,.0f} ms |",
        f"| load event | {ms(results['load'])} | {max(results['load']):,.0f} ms |",
        f"| **interactive** (markers, filter run, no long task left) | **{ms(results['tti'])}** | "
        f"{max(results['tti']):,.0f} ms |",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure the investment map page's weight and time to interactive.")
    parser.add_argument("--count", type=int, default=500, help="synthetic investments (default 500)")
    parser.add_argument("--runs", type=int, default=5, help="measured loads (default 5)")
    parser.add_argument("--write", type=Path, help="also write the result as Markdown to this file")
    args = parser.parse_args()
    from mkdocs.config import load_config

    tile_host = urlsplit(load_config(str(ROOT / "mkdocs.yml")).plugins["utveckla"].config.tiles_url).hostname
    with tempfile.TemporaryDirectory(prefix="bench-karta-") as temporary:
        project = prepare(Path(temporary), args.count)
        site, seconds = build(project)
        before = os.getloadavg()[0]
        results = measure(site, args.runs, tile_host)
        results["loadavg"] = (before, os.getloadavg()[0])
    text = report(args.count, seconds, results)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
