"""The site builds the same with MkDocs and with ProperDocs, its maintained fork (scripts/compare_engines.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from conftest import EPOCH, ROOT, make_project

SCRIPT = ROOT / "scripts" / "compare_engines.py"


def load_script():
    spec = importlib.util.spec_from_file_location("compare_engines", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mkdocs_and_properdocs_build_the_same_site(tmp_path):
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail("ProperDocs saknas: kör  make install")
    project = make_project(tmp_path)
    result = subprocess.run([sys.executable, str(SCRIPT), "-f", str(project / "mkdocs.yml")],
                            capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bygger samma" in result.stdout


def test_only_the_generator_tag_may_differ(tmp_path):
    compare = load_script()
    first, second = tmp_path / "a", tmp_path / "b"
    for site, engine in ((first, "mkdocs-1.6.1"), (second, "mkdocs-ProperDocs 1.6.7")):
        (site / "stod").mkdir(parents=True)
        (site / "index.html").write_text(f'<meta name="generator" content="{engine}"><h1>Stöd</h1>')
        (site / "stod" / "index.html").write_text("<h1>Stöd</h1>")
    assert compare.differences(first, second) == []
    (second / "stod" / "index.html").write_text("<h1>Stöd och lån</h1>")
    (second / "extra.txt").write_text("ny")
    assert compare.differences(first, second) == ["extra.txt", "stod/index.html"]
