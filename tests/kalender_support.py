"""Shared helpers for the calendar tests (tests/test_kalender*.py), kept out of conftest.py.

The fixture project is the county sample (municipalities, actors, vocabularies) with the events
replaced by tests/fixtures/kalender/evenemang/, built with tests/fixtures/kalender/mkdocs.yml
against the real docs/ and theme overrides.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COUNTY
from conftest import make_project as make_county_project
from utveckla.content.site import STOCKHOLM
from utveckla.content.validate import load_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "kalender"
GOLDEN = ROOT / "tests" / "golden"
EPOCH = 1801472400  # 2027-02-01 09:00 UTC = 10:00 in Stockholm
# 2021-01-01: some of the county sample's events were still ahead then.
COUNTY_EPOCH = 1609459200
SITE_URL = "https://utvecklavasternorrland.se/"
MKDOCS = Path(sys.executable).parent / "mkdocs"


def moment(epoch: int = EPOCH) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).astimezone(STOCKHOLM)


def make_project(target: Path) -> Path:
    """A project folder with the county sample, except the events, which are the fixtures."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(COUNTY, target / "content", ignore=shutil.ignore_patterns("evenemang"))
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
    """slug → the validated event (models.Event) of every published event in the county sample."""
    return {entry.slug: entry.data for entry in load_fixture_site(COUNTY.parent).entries.get("evenemang", ())}


def build(project: Path, out: Path, epoch: int = EPOCH, config: str = "mkdocs.yml") -> Path:
    """`mkdocs build --strict` of a project into out/, as `make build` does."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / config),
                             "--site-dir", str(out)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def ics_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.ics"))


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("kalender") / "project")


@pytest.fixture(scope="session")
def fixture_build(fixture_project, tmp_path_factory) -> Path:
    """The fixture site built once at EPOCH."""
    return build(fixture_project, tmp_path_factory.mktemp("kalender-site") / "site")


@pytest.fixture(scope="session")
def kalender_county_build(tmp_path_factory) -> Path:
    """The county sample built as of 2021-01-01 (COUNTY_EPOCH), once for the feed tests and the
    browser tests. Read only."""
    project = make_county_project(tmp_path_factory.mktemp("kalender-county"))
    return build(project, project / "site", epoch=COUNTY_EPOCH)
