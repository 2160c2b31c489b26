"""The layer contract (pyproject.toml, [tool.importlinter]) catches an import that runs upwards and
names the chain, so the next engineer learns the rule from the failure, not from a review."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", str(project / "pyproject.toml")], cwd=project,
                          capture_output=True, text=True, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"})


def copy_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "utveckla", tmp_path / "utveckla", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layers_as_they_are_keep_the_contract(tmp_path):
    result = lint_imports(copy_package(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


def test_the_content_layer_importing_an_editor_tool_breaks_the_contract(tmp_path):
    project = copy_package(tmp_path)
    swedish = project / "utveckla" / "content" / "swedish.py"
    swedish.write_text(swedish.read_text(encoding="utf-8") + "\nfrom ..editor import cli  # noqa: E402\n",
                       encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "utveckla.content is not allowed to import utveckla.editor" in result.stdout
    assert "utveckla.content.swedish -> utveckla.editor.cli" in result.stdout


def test_a_view_importing_mkdocs_breaks_the_contract(tmp_path):
    project = copy_package(tmp_path)
    cards = project / "utveckla" / "views" / "cards.py"
    cards.write_text(cards.read_text(encoding="utf-8") + "\nimport mkdocs  # noqa: E402,F401\n", encoding="utf-8")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "Only the adapter imports a site generator BROKEN" in result.stdout
