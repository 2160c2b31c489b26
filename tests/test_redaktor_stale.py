"""The freshness report (make stale): old reviewed dates and long-closed offers; never fails."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

from conftest import FIXTURES, ROOT
from utveckla.content.validate import load_site
from utveckla.views.freshness import months_before, report_markdown, report_text, stale_items


def site_on(day: dt.date):
    site, diagnostics = load_site(FIXTURES, day)
    assert diagnostics == []
    return site


def test_months_before_handles_short_months():
    assert months_before(dt.date(2026, 11, 22), 12) == dt.date(2025, 11, 22)
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2025, 2, 28), 12) == dt.date(2024, 2, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)


def test_nothing_is_stale_on_the_fixture_build_date():
    assert stale_items(site_on(dt.date(2026, 11, 22))) == []


def test_old_reviews_and_long_closed_offers_are_listed():
    # Fixture offers and organisations were reviewed in autumn 2026; the closed offer's deadline is in 2026.
    later = site_on(dt.date(2027, 12, 1))
    items = stale_items(later)
    reasons = {item.path: item.reason for item in items}
    assert any(path.startswith("content/aktorer/") for path in reasons)
    assert any("sista ansökningsdag var" in reason and "draft: true" in reason for reason in reasons.values())
    assert all(not path.startswith("content/kommuner/") for path in reasons)  # municipalities are not in the report
    text = report_text(later, items)
    assert text.startswith(f"{len(items)} uppgifter kan vara inaktuella (byggdatum 2027-12-01):")
    assert "| fil | titel | varför |" in report_markdown(later, items)


def test_the_boundary_is_twelve_months_to_the_day():
    site = site_on(dt.date(2026, 11, 22))
    reviewed = min(e.data.reviewed for e in site.entries["aktorer"])
    on_the_day = site_on(dt.date(reviewed.year + 1, reviewed.month, reviewed.day))
    assert not any(i.path.startswith("content/aktorer/") and "kontrollerades" in i.reason for i in stale_items(on_the_day))
    day_after = site_on(dt.date(reviewed.year + 1, reviewed.month, reviewed.day) + dt.timedelta(days=1))
    assert any(i.path.startswith("content/aktorer/") for i in stale_items(day_after))


def test_cli_always_exits_zero_and_writes_the_job_summary(tmp_path):
    summary = tmp_path / "summary.md"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(dt.datetime(2028, 6, 1, 12).timestamp())),
           "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([sys.executable, "-m", "utveckla", "stale", "--root", str(FIXTURES)],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0
    assert "uppgifter kan vara inaktuella (byggdatum 2028-06-01)" in result.stdout
    assert summary.read_text(encoding="utf-8").startswith("### Aktualitet")


def test_cli_exits_zero_even_with_broken_content(tmp_path):
    (tmp_path / "content" / "stod").mkdir(parents=True)
    (tmp_path / "content" / "stod" / "trasig.md").write_text("title: ingen start\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "utveckla", "stale", "--root", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert "Filer med fel räknas inte med här" in result.stdout


def test_ci_prints_the_report_after_the_tests():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    tests = lines.index("make test")
    assert lines[tests + 1:tests + 3] == ["git checkout --quiet -- content", "make stale"]
