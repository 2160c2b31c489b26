"""Cookieless visitor statistics in headless Chromium, against a real local collector.

The collector is a small HTTP server on 127.0.0.1 that records every request. A fixture site is
built once with statistics on (statistics_url pointing at it); the off case is the fixture site
as mkdocs.yml ships it. The browser stands in for a visitor: a normal user agent and
navigator.webdriver false, except in the test that checks the audit (an automated browser) is
not counted.
"""

from __future__ import annotations

import http.server
import re
import threading
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import FIXTURES, make_project, run_build, serve

pytestmark = pytest.mark.browser

VISITOR_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
AS_A_VISITOR = "Object.defineProperty(Navigator.prototype, 'webdriver', {get: () => false});"
DO_NOT_TRACK = "Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'});"
PRIVACY_CONTROL = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"


class Collector(http.server.BaseHTTPRequestHandler):
    hits: list[dict] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        Collector.hits.append({"path": self.path, "cookie": self.headers.get("Cookie")})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def collector():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/count"
    server.shutdown()


@pytest.fixture(scope="module")
def counted_site(tmp_path_factory, collector):
    project = make_project(tmp_path_factory.mktemp("statistik"), FIXTURES / "content")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('statistics_url: ""', f"statistics_url: {collector}"),
                      encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    server, url = serve(project / "site")
    yield project / "site", url
    server.shutdown()


@pytest.fixture
def hits():
    Collector.hits.clear()
    return Collector.hits


def visit(browser, url: str, *scripts: str, user_agent: str | None = VISITOR_UA):
    context = browser.new_context(user_agent=user_agent) if user_agent else browser.new_context()
    for script in scripts:
        context.add_init_script(script)
    page = context.new_page()
    page.goto(url, referer="https://www.example.se/sok?namn=anna")
    # statistik.js sends its one request as it runs, or never: once the network has been quiet
    # for 500 ms after the load, the collector has answered the hit (and recorded it) if there was one.
    page.wait_for_load_state("networkidle")
    return context, page


def connect_src(page) -> str:
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    return re.search(r"connect-src ([^;]*)", policy).group(1)


def test_a_page_view_sends_one_hit_with_path_and_referrer_and_no_cookie(browser, counted_site, collector, hits):
    _, url = counted_site
    context, page = visit(browser, url + "om/", AS_A_VISITOR)
    assert connect_src(page) == f"'self' {collector}"
    assert len(hits) == 1, hits
    query = parse_qs(urlsplit(hits[0]["path"]).query)
    assert query["p"] == ["/om/"]
    assert query.get("r", [""]) == ["https://www.example.se/sok"]  # no query string with a name in it
    assert hits[0]["cookie"] is None
    assert context.cookies() == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert "besoksstatistik" in page.content() and collector in page.locator("#besoksstatistik").inner_text()
    context.close()


@pytest.mark.parametrize("signal", [DO_NOT_TRACK, PRIVACY_CONTROL], ids=["dnt", "gpc"])
def test_do_not_track_and_global_privacy_control_stop_the_hit(browser, counted_site, hits, signal):
    _, url = counted_site
    context, _ = visit(browser, url, AS_A_VISITOR, signal)
    assert hits == []
    context.close()


def test_the_audit_and_crawlers_are_not_counted(browser, counted_site, hits):
    _, url = counted_site
    context, _ = visit(browser, url, user_agent=None)  # Playwright as the audit runs it: webdriver, HeadlessChrome
    context.close()
    context, _ = visit(browser, url, AS_A_VISITOR, user_agent="Mozilla/5.0 (compatible; Googlebot/2.1)")
    context.close()
    assert hits == []


def test_with_statistics_off_there_is_no_request_and_the_policy_is_unchanged(browser, fixture_site, hits):
    server, url = serve(fixture_site)
    try:
        context, page = visit(browser, url + "om/", AS_A_VISITOR)
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.reload()
        page.wait_for_load_state("networkidle")
        assert connect_src(page) == "'self'"
        assert all(r.startswith(url) for r in requests), requests
        assert not any("statistik" in r for r in requests)
        assert "besoksstatistik" not in page.content()
        assert "inga\nanalysverktyg" in page.content() or "inga analysverktyg" in page.content()
        context.close()
    finally:
        server.shutdown()
    assert hits == []
    assert not (fixture_site / "assets" / "js" / "statistik.js").exists()
