"""Helpers for the audit tests: a doctored copy of the built fixture site and `python -m audit` on it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_site(site: Path, target: Path, keep: list[str] | None = None) -> Path:
    """A copy of a built site; with `keep`, only those pages (plus assets/ and the search index in pagefind/), so that
    the browser gates have little to crawl."""
    shutil.copytree(site, target)
    if keep is not None:
        for page in list(target.rglob("*.html")):
            if page.relative_to(target).as_posix() not in keep:
                page.unlink()
    return target


def insert(page: Path, html: str, before: str = "</article>") -> None:
    """Put a piece of HTML into a built page (inside the content, where an editor's text goes)."""
    text = page.read_text(encoding="utf-8")
    assert before in text, f"{before} saknas i {page}"
    page.write_text(text.replace(before, html + before, 1), encoding="utf-8")


def run_audit(site: Path, *gates: str, budgets: Path | None = None, report_dir: Path | None = None,
              part: str = "1/1"):
    cmd = [sys.executable, "-m", "audit", str(site), "--only", ",".join(gates), "--part", part,
           "--report-dir", str(report_dir or site.parent / "rapport")]
    if budgets is not None:
        cmd += ["--budgets", str(budgets)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=600)
