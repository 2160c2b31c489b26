"""Shared helpers for the calendar tests (tests/test_kalender*.py), kept out of conftest.py.

The fixture project is the real content (municipalities, actors, vocabularies) with the events
replaced by tests/fixtures/kalender/evenemang/, built with tests/fixtures/kalender/mkdocs.yml
against the real docs/ and theme overrides.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from utveckla.site import STOCKHOLM
from utveckla.validate import load_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "kalender"
GOLDEN = ROOT / "tests" / "golden"
EPOCH = 1801472400  # 2027-02-01 09:00 UTC = 10:00 in Stockholm
SITE_URL = "https://utvecklavasternorrland.se/"
MKDOCS = Path(sys.executable).parent / "mkdocs"


def moment(epoch: int = EPOCH) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).astimezone(STOCKHOLM)


def make_project(target: Path) -> Path:
    """A project folder with the real content, except the events, which are the fixtures."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "content", target / "content", ignore=shutil.ignore_patterns("evenemang"))
    shutil.copytree(FIXTURE / "evenemang", target / "content" / "evenemang")
    shutil.copy(FIXTURE / "mkdocs.yml", target / "mkdocs.yml")
    (target / "docs").symlink_to(ROOT / "docs", target_is_directory=True)
    (target / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    return target


def load_fixture_site(project: Path, epoch: int = EPOCH):
    now = moment(epoch)
    site, diagnostics = load_site(project, now.date(), now)
    assert diagnostics == [], [d.text() for d in diagnostics]
    return site


def real_events() -> dict[str, object]:
    """slug → the validated event (models.Event) of every published event in content/evenemang/."""
    return {entry.slug: entry.data for entry in load_fixture_site(ROOT).entries.get("evenemang", ())}


def build(project: Path, out: Path, epoch: int = EPOCH, config: str = "mkdocs.yml") -> Path:
    """`mkdocs build --strict` of a project into out/, as `make build` does."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / config),
                             "--site-dir", str(out)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def ics_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.ics"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a built site on a free local port; returns (base URL, server)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("kalender") / "project")


@pytest.fixture(scope="session")
def fixture_build(fixture_project, tmp_path_factory) -> Path:
    """The fixture site built once at EPOCH."""
    return build(fixture_project, tmp_path_factory.mktemp("kalender-site") / "site")
