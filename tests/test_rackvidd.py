"""make reach: unique visitors per month from a fixture collector export, against the 3,000 target."""

from __future__ import annotations

import csv
import subprocess

from conftest import FIXTURES, ROOT

EXPORT = FIXTURES / "statistik" / "goatcounter-export.csv"


def run_reach(export, out):
    return subprocess.run(["make", "-s", "reach", f"EXPORT={export}", f"UT={out}"], cwd=ROOT,
                          capture_output=True, text=True)


def test_make_reach_prints_monthly_uniques_and_the_total_against_the_target(tmp_path):
    out = tmp_path / "rackvidd.csv"
    result = run_reach(EXPORT, out)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # October: Anna twice and Bertil (the crawler is left out); November: Anna again, Cecilia, David.
    assert [line.split()[:3] for line in lines if line[:4] == "2026"] == [
        ["2026-10", "2", "2"], ["2026-11", "3", "5"], ["2026-12", "1", "6"]]
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
