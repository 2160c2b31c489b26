"""`make serve` (mkdocs serve) with a content error shows the Swedish problem list in the browser,
at every address, instead of a page that never loads; once the file is fixed the site is back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import EPOCH, FIXTURES, make_project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, until, timeout: float = 60) -> tuple[int, str]:
    """GET url until `until(status, text)` holds (the server rebuilds in the background)."""
    deadline = time.monotonic() + timeout
    last = (0, "")
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = (response.status, response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            last = (error.code, error.read().decode("utf-8"))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if until(*last):
            return last
        time.sleep(0.3)
    pytest.fail(f"{url} svarade inte som väntat inom {timeout} s: {last[0]} {last[1][:300]}")


@pytest.fixture
def broken_project(tmp_path):
    project = make_project(tmp_path, FIXTURES / "content")
    offer = project / "content" / "stod" / "lan-timra.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("type: lan", "type: lånet"), encoding="utf-8")
    return project, offer


def test_serve_shows_the_problems_at_every_address_and_recovers(broken_project):
    project, offer = broken_project
    port = free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f",
                               str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    try:
        status, page = fetch(base, lambda status, text: status == 200)
        assert "<h1>Innehållet har fel</h1>" in page
        assert "<code>content/stod/lan-timra.md</code>, rad" in page and "fältet <code>type</code>" in page
        assert "[okand-referens]" in page
        # An address the editor had open before the mistake shows the same list.
        status, other = fetch(base + "stod/lan-sundsvall/", lambda status, text: status == 404)
        assert "<code>content/stod/lan-timra.md</code>" in other
        offer.write_text(offer.read_text(encoding="utf-8").replace("type: lånet", "type: lan"), encoding="utf-8")
        status, fixed = fetch(base + "stod/lan-sundsvall/", lambda status, text: status == 200, timeout=90)
        assert "Innehållet har fel" not in fixed
    finally:
        server.terminate()
        server.wait(timeout=20)
