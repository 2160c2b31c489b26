"""Shared fixtures: fixture projects, built sites, a local web server and headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from audit.crawl import AXE, CHROMIUM, FLAGS
from audit.gate_html import JAR as VNU_JAR
from audit.server import start as start_server

# The calendar's fixtures (fixture_project, fixture_build, kalender_county_build) and the
# results' (results_build) for every test file.
pytest_plugins = ["kalender_support", "resultat_support"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
# A frozen, county-sized sample of real content (all seven municipalities, a dozen offers, ten
# investments, events and news): the tests never read the live content/, which editors change.
COUNTY = FIXTURES / "county" / "content"
# The Nu HTML checker comes from npm (make test runs npm ci) and runs on Java. make test-fast
# does not install npm packages, so without them the HTML tests are skipped, never failed.
needs_vnu = pytest.mark.skipif(not VNU_JAR.exists() or not shutil.which("java"),
                               reason="vnu-jar (npm ci) eller Java saknas: kör  make test  eller  npm ci")
# The front matter of a valid offer in the fixture content (provider almi): tests add a body or a field.
GOOD_OFFER_FRONT = """---
title: Ett bra lån
summary: Ett lån för företag som vill växa.
provider: almi
type: lan
url: https://www.almi.se/lan
reviewed: 2026-11-01
---
"""
# 2026-11-22 12:00 UTC: the build date every test build uses, so statuses are predictable.
EPOCH = "1795348800"


# make test runs the files on two processes (pytest-xdist, --dist loadgroup). Each file is one
# group, run whole by one process, so that its module fixtures (a built site, a browser page)
# are made once. Files that share a session-wide built site are one group, so that it is built
# once: the key is the file, the value the group it joins.
SHARED_BUILDS = {
    "test_resultat_browser.py": "test_resultat.py",       # results_build
    "test_kalender_ical.py": "test_kalender_browser.py",  # kalender_county_build
}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        group = SHARED_BUILDS.get(item.path.name, item.path.name)
        item.add_marker(pytest.mark.xdist_group(group))


def make_project(target: Path, content: Path = COUNTY) -> Path:
    """A copy of the site's configuration, pages and theme with a fixture content folder."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copytree(content, target / "content")
    return target


def run_build(project: Path, site_dir: Path, epoch: str = EPOCH) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "--site-dir", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project,
    )


@pytest.fixture(scope="session")
def county_site(tmp_path_factory) -> Path:
    """The county sample (tests/fixtures/county) built once for the whole session."""
    project = make_project(tmp_path_factory.mktemp("county"))
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The small, hand-made fixture content (tests/fixtures/content) built once."""
    project = make_project(tmp_path_factory.mktemp("fixture"), FIXTURES / "content")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def serve(directory: Path):
    """(server, base URL with a trailing slash): the audit's server, so tests see what it sees."""
    return start_server(directory)


@pytest.fixture(scope="session")
def county_url(county_site):
    server, url = serve(county_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    server, url = serve(fixture_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium saknas: .ci/run ska installera Debians paket chromium")
        pytest.skip("Chromium saknas: installera med  sudo apt-get install chromium")
    from playwright.sync_api import expect, sync_playwright

    # The waits on conditions (expect) return as soon as the condition holds; with two test
    # processes and their browsers on two busy cores one can take longer than Playwright's 5 s,
    # so the limit, which only a failing test waits out, is 15 s.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            # The audit crawl's: nothing may leave the machine (every host but 127.0.0.1 fails at
            # once), and no hidden browser pages.
            args=FLAGS,
        )
        yield browser
        browser.close()


# Runs before any script of the page (and, through the DevTools protocol, outside its CSP):
# keeps every Content Security Policy violation the page reports.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " +
  event.sourceFile + ":" + event.lineNumber));
"""


def csp_violations(page) -> list[str]:
    """The CSP violations a page (opened by page_at) has reported so far."""
    return page.evaluate("window.__cspViolations || []")


def watched(page):
    """The page, recording requests to hosts other than 127.0.0.1 (page.foreign_requests) and
    console errors (page.console_errors)."""
    page.foreign_requests = []
    page.console_errors = []
    page.on("request", lambda r: page.foreign_requests.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


def visit_all(page, base: str, paths: list[str], tabs: int = 4, on_new_tab=None):
    """Yield (path, tab) for every path, each tab loaded and its network idle. The paths are
    opened a batch at a time in `tabs` tabs of the page's context, which the browser loads side
    by side: a test of every page then waits out the half second of quiet that "networkidle"
    means once per batch, not once per page. Tabs after the first record what page_at's do;
    on_new_tab(tab) adds a test's own listeners to each of them."""
    open_tabs = [page]
    for _ in range(tabs - 1):
        open_tabs.append(watched(page.context.new_page()))
        if on_new_tab:
            on_new_tab(open_tabs[-1])
    for start in range(0, len(paths), tabs):
        batch = list(zip(paths[start:start + tabs], open_tabs, strict=False))
        for path, tab in batch:
            tab.goto(base + path, wait_until="commit")
        for path, tab in batch:
            tab.wait_for_load_state("networkidle")
            yield path, tab


@pytest.fixture
def page_at(browser):
    """page_at(width) → a fresh page that records requests to hosts other than 127.0.0.1,
    console errors and CSP violations (csp_violations(page)). The site's CSP is in force."""
    contexts = []

    def open_page(width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_init_script(RECORD_CSP_VIOLATIONS)
        contexts.append(context)
        return watched(context.new_page())

    yield open_page
    for context in contexts:
        context.close()


def inject_axe(page) -> None:
    """Load axe-core into the page. Evaluated through the DevTools protocol, not as a <script>
    tag: the site's CSP rightly refuses an inline script it has no hash for."""
    if not AXE.exists():
        pytest.fail("axe-core saknas: kör  npm ci  (make test gör det)")
    page.evaluate(AXE.read_text(encoding="utf-8"))


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) in the page and return its violations."""
    inject_axe(page)
    return page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
