"""The comment trick in headless Chromium: the sanitizer alone keeps the page where it is.

`<!-->` ends a comment in a browser, so what follows it — a meta refresh to another host, a
javascript: link, a form — is live markup. The body check refuses such a file
(test_sakerhet_bodies.py), so here the site is built with the check switched off, as if it had
been bypassed: then the sanitizer is the only defence. The page stays at its address after
loading, asks nothing of the other host, and has no refresh, javascript: link or form left.
The same markup put into a copy of the page unsanitised does send the browser away (the
control, so the test sees what it looks for).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EPOCH, FIXTURES, make_project, serve

EVIL = "evil.example.com"
TRICK = (f'<!--> <meta http-equiv="refresh" content="0;url=https://{EVIL}/"> '
         f'<a id="uv-test-trick" href="javascript:document.title=\'kapad\'">Logga in</a> '
         f'<form action="https://{EVIL}/"><input name="q"></form> -->')
PAGE = "stod/lan-sundsvall/"
# The build as `make build` runs it, with the body check replaced by one that finds nothing.
BUILD_WITHOUT_CHECK = """
import sys
import utveckla.content.validate
utveckla.content.validate.check_body = lambda raw: []
from mkdocs.__main__ import cli
cli(sys.argv[1:])
"""
LIVE_MARKUP = """() => ({
  refresh: document.querySelectorAll('meta[http-equiv="refresh" i]').length,
  javascript_links: document.querySelectorAll('a[href^="javascript" i]').length,
  forms: document.querySelectorAll('article form, .md-content form').length,
})"""


@pytest.fixture(scope="module")
def unchecked_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("trick"), FIXTURES / "content")
    offer = project / "content" / "stod" / "lan-sundsvall.md"
    offer.write_text(offer.read_text(encoding="utf-8") + f"\nText före.\n\n{TRICK}\n\nText efter.\n", encoding="utf-8")
    site = project / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([sys.executable, "-c", BUILD_WITHOUT_CHECK, "build", "--strict", "--quiet",
                             "-f", str(project / "mkdocs.yml"), "--site-dir", str(site)],
                            capture_output=True, text=True, env=env, cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Text efter." in (site / PAGE / "index.html").read_text(encoding="utf-8")  # the body was published
    return site


def visit(page, url: str) -> dict:
    page.goto(url, wait_until="load")
    # A fixed wait on purpose: it shows that the page does NOT move on (a refresh of 0 seconds
    # would have happened by now); there is no event to wait for when nothing happens.
    page.wait_for_timeout(1500)
    return {"url": page.url, "other_host": [u for u in page.foreign_requests if EVIL in u],
            **(page.evaluate(LIVE_MARKUP) if page.url == url else {})}


@pytest.mark.browser
def test_the_comment_trick_neither_navigates_nor_leaves_a_live_link(page_at, unchecked_site, tmp_path):
    server, url = serve(unchecked_site)
    try:
        page = page_at(1280)
        assert visit(page, url + PAGE) == {"url": url + PAGE, "other_host": [], "refresh": 0,
                                           "javascript_links": 0, "forms": 0}
        assert "Logga in" in page.inner_text("article")  # shown as text, not as a link
        assert page.title() != "kapad"
    finally:
        server.shutdown()
    # The control: the same markup placed in the page without the sanitizer.
    copy = shutil.copytree(unchecked_site, tmp_path / "unsanitised")
    file = copy / PAGE / "index.html"
    html = file.read_text(encoding="utf-8")
    file.write_text(html.replace("<p>Text efter.</p>", TRICK + "<p>Text efter.</p>", 1), encoding="utf-8")
    server, url = serve(copy)
    try:
        control = visit(page_at(1280), url + PAGE)
        assert control["url"] != url + PAGE or control["other_host"], control
        assert any(u.startswith(f"https://{EVIL}/") for u in control["other_host"]), control
    finally:
        server.shutdown()
