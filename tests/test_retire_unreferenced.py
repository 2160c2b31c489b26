"""scripts/retire_unreferenced.py, which CI runs before the tests: it retires one file per
collection that nothing mentions, and the content that is left still passes the check."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import COUNTY, ROOT

SCRIPT = ROOT / "scripts" / "retire_unreferenced.py"


def test_retires_one_unreferenced_file_per_collection_and_the_rest_still_passes(tmp_path):
    shutil.copytree(COUNTY, tmp_path / "content")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    before = {p.relative_to(tmp_path).as_posix() for p in (tmp_path / "content").rglob("*.md")}
    result = subprocess.run([sys.executable, str(SCRIPT), "--root", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    after = {p.relative_to(tmp_path).as_posix() for p in (tmp_path / "content").rglob("*.md")}
    removed = before - after
    assert sorted(f"Tog bort {path}" for path in removed) == sorted(
        line for line in result.stdout.splitlines() if line.startswith("Tog bort"))
    folders = [path.split("/")[1] for path in removed]
    assert len(folders) == len(set(folders)) >= 4  # at most one per collection, and most have one
    # Every municipality is named by some offer, event or investment, so none may go.
    assert "kommuner" not in folders and "content/kommuner/: varje fil nämns" in result.stdout
    check = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(tmp_path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
