"""make reach: unique visitors per month from a fixture collector export, and from the same visits
as a web server's access log read by GoAccess, against the 3,000 target."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess

import pytest

from conftest import FIXTURES, ROOT

EXPORT = FIXTURES / "statistik" / "goatcounter-export.csv"
ACCESS_LOG = FIXTURES / "statistik" / "access.log"  # the same visits as the export, and a crawler
MONTHS = [["2026-10", "2", "2"], ["2026-11", "3", "5"], ["2026-12", "1", "6"]]


def run_reach(export, out, source="EXPORT"):
    return subprocess.run(["make", "-s", "reach", f"{source}={export}", f"UT={out}"], cwd=ROOT,
                          capture_output=True, text=True)


def monthly_lines(stdout: str) -> list[list[str]]:
    return [line.split()[:3] for line in stdout.splitlines() if line[:4] == "2026"]


@pytest.fixture
def goaccess():
    if not shutil.which("goaccess"):
        if os.environ.get("CI"):
            pytest.fail("GoAccess saknas i CI: make test installerar det (scripts/install-goaccess.sh)")
        pytest.skip("GoAccess saknas: installera med  sudo apt-get install goaccess")


def test_make_reach_prints_monthly_uniques_and_the_total_against_the_target(tmp_path):
    out = tmp_path / "rackvidd.csv"
    result = run_reach(EXPORT, out)
    assert result.returncode == 0, result.stderr
    # October: Anna twice and Bertil (the crawler is left out); November: Anna again, Cecilia, David.
    assert monthly_lines(result.stdout) == MONTHS
    assert "Summa: 6 av målet 3000 besökare (0,2 %)." in result.stdout
    assert "unika besökare per månad, summerade" in result.stdout


def test_make_reach_writes_the_same_table_as_csv(tmp_path):
    out = tmp_path / "rackvidd.csv"
    assert run_reach(EXPORT, out).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["månad"], r["unika_besökare"], r["summa_hittills"], r["mål"]) for r in rows] == [
        ("2026-10", "2", "2", "3000"), ("2026-11", "3", "5", "3000"), ("2026-12", "1", "6", "3000")]


def test_an_export_without_sessions_is_refused_in_swedish(tmp_path):
    export = tmp_path / "fel.csv"
    export.write_text("Path,Date\n/,2026-10-01T00:00:00Z\n", encoding="utf-8")
    result = run_reach(export, tmp_path / "ut.csv")
    assert result.returncode != 0
    assert "saknar kolumnen Session" in result.stderr
    assert not (tmp_path / "ut.csv").exists()


def test_the_access_log_through_goaccess_gives_the_same_months(tmp_path, goaccess):
    out = tmp_path / "rackvidd.csv"
    result = run_reach(ACCESS_LOG, out, source="LOGG")
    assert result.returncode == 0, result.stderr
    assert monthly_lines(result.stdout) == MONTHS  # Anna's page and stylesheet on one day: one visitor
    assert "Summa: 6 av målet 3000 besökare (0,2 %)." in result.stdout
    assert "GoAccess" in result.stdout and "robotar räknas inte" in result.stdout
    assert [r["unika_besökare"] for r in csv.DictReader(out.open(encoding="utf-8"))] == ["2", "3", "1"]


def test_a_log_line_without_a_time_is_named_in_swedish(tmp_path, goaccess):
    log = tmp_path / "access.log"
    log.write_text(ACCESS_LOG.read_text(encoding="utf-8") + "inte en loggrad\n", encoding="utf-8")
    result = run_reach(log, tmp_path / "ut.csv", source="LOGG")
    assert result.returncode != 0
    assert "rad 10: ingen tid" in result.stderr
    assert not (tmp_path / "ut.csv").exists()
