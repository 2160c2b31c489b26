"""One browser crawl of every page, shared by the axe and network gates.

One headless Chromium (Debian's), several pages open at once, a fresh browser context per
page so that cookies and cache belong to that page alone. Each page is loaded once at the
first width and checked; then the window is resized to each further width and axe runs
again (loading every page again per width would double the crawl's time). Nothing leaves the
machine: every host except 127.0.0.1 fails to resolve, requests to the configured tile server
get an empty tile, and every request to another host is recorded and refused.
"""

from __future__ import annotations

import asyncio
import base64
import fnmatch
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from audit import ROOT, gate_axe, gate_network
from audit.built_site import BuiltSite, page_path
from audit.report import GateResult
from audit.server import serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Chromium (Debian's 156) gives every window it opens, and Playwright opens each page in a
# window of its own, two hidden pages for the address bar's popups: about 0.7 s of CPU for
# every page a test or the crawl opens. Measured with 24 pages: 26.5 s of CPU with them, 8.2 s
# without. (Chromium adds these to Playwright's own --disable-features.)
NO_BROWSER_UI = "--disable-features=WebUIOmniboxAimPopup,WebUIOmniboxPopup"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", NO_BROWSER_UI]
# A transparent 1×1 PNG: what a map tile request gets, so a map page loads offline.
EMPTY_TILE = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
AXE_RUN = """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
  resultTypes: ['violations']})).violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160)}))}))"""

# After a resize: two animation frames (layout and the theme's media-query listeners have run),
# then the end of every CSS transition. The tabs fade in at desktop width; half-faded text
# would fail the contrast rule although no visitor ever reads it that way.
SETTLE = """() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
  .then(() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))))"""


@dataclass
class Visit:
    page: str
    is_map: bool
    violations: list[dict] = field(default_factory=list)  # axe's, each with the "width" it was seen at
    foreign: list[str] = field(default_factory=list)     # URLs on hosts other than the site's
    tiles: list[str] = field(default_factory=list)       # URLs on the tile server
    cookies: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    error: str | None = None                             # the page could not be loaded or checked


def share(pages: list[str], part: tuple[int, int]) -> list[str]:
    """Part k of n: every n-th page from the k-th. The n parts together hold every page once, and
    pages of one template (neighbours when sorted) spread over the parts, so n CI jobs side by side
    take about 1/n of the time each."""
    k, n = part
    return pages[k - 1::n]


def run_browser_gates(site: BuiltSite, budgets: dict, gates: list[str],
                      part: tuple[int, int] = (1, 1)) -> list[GateResult]:
    every = site.pages()
    pages = share(every, part)
    widths = budgets["axe"]["widths"]
    counted = (f"{len(pages)} av {len(every)} sidor (del {part[0]} av {part[1]})" if part[1] > 1
               else f"{len(pages)} sidor")
    checked = f"{counted} × {len(widths)} bredder ({', '.join(f'{w} px' for w in widths)})"
    if not Path(CHROMIUM).exists() or not AXE.is_file():
        missing = ("Chromium saknas: kör  make audit  som root, eller  sudo apt-get install chromium"
                   if not Path(CHROMIUM).exists() else f"{AXE} saknas: kör  npm ci --ignore-scripts")
        return [GateResult(g, checked, error=missing) for g in gates]
    visits = asyncio.run(_crawl(site, budgets, pages, widths))
    out = []
    if "axe" in gates:
        out.append(gate_axe.judge(visits, budgets, checked))
    if "nätverk" in gates:
        out.append(gate_network.judge(visits, budgets, checked))
    return out


async def _crawl(site: BuiltSite, budgets: dict, pages: list[str], widths: list[int]) -> list[Visit]:
    from playwright.async_api import async_playwright

    limit = asyncio.Semaphore(budgets["axe"]["parallel_pages"])
    tags = budgets["axe"]["tags"]
    axe_source = AXE.read_text(encoding="utf-8")
    with serve(site.root) as base:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)

            async def visit(page: str) -> Visit:
                is_map = any(fnmatch.fnmatch(page, p) for p in budgets["map_pages"])
                result = Visit(page, is_map)
                async with limit:
                    context = await browser.new_context(viewport={"width": widths[0], "height": 900},
                                                        bypass_csp=True)  # to inject axe; CSP has its own tests
                    try:
                        await _load_and_check(context, base, page, result, site, tags, widths, axe_source)
                    except Exception as error:  # a page that cannot be checked is a failure
                        result.error = str(error).splitlines()[0][:200]
                    finally:
                        await context.close()
                return result

            visits = await asyncio.gather(*(visit(p) for p in pages))
            await browser.close()
    return list(visits)


async def _load_and_check(context, base, page, result: Visit, site: BuiltSite, tags, widths, axe_source):
    async def other_host(route):
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if site.tiles is not None and site.tiles.match(host):
            result.tiles.append(url)
            await route.fulfill(status=200, content_type="image/png", body=EMPTY_TILE)
        else:
            result.foreign.append(url)
            await route.abort("blockedbyclient")

    await context.route(lambda url: not url.startswith(base) and url.startswith(("http:", "https:")),
                        other_host)
    tab = await context.new_page()
    tab.on("console", lambda m: result.console_errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: result.console_errors.append(str(e)))
    response = await tab.goto(base + page_path(page), wait_until="load")
    if response is not None and response.status >= 400 and page != "404.html":
        result.error = f"svarade {response.status}"
    try:
        await tab.wait_for_load_state("networkidle", timeout=5000)
    except Exception:
        pass  # a page that keeps loading is still checked as it is
    await tab.add_script_tag(content=axe_source)
    for width in widths:
        if width != widths[0]:
            await tab.set_viewport_size({"width": width, "height": 900})
            await tab.evaluate(SETTLE)
        result.violations += [v | {"width": width} for v in await tab.evaluate(AXE_RUN, tags)]
    result.cookies = [c["name"] for c in await context.cookies()]
