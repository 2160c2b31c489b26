"""Tipsa om ett evenemang: the issue form, its conversion into an event file, and the two workflows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from test_redaktor_workflows import actionlint

from conftest import COUNTY, EPOCH, FIXTURES, ROOT

TIPS = FIXTURES / "tips"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "tipsa-om-evenemang.yml"
WORKFLOWS = ROOT / ".github" / "workflows"


def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    (tmp_path / "content" / "evenemang").mkdir()
    (tmp_path / ".github" / "ISSUE_TEMPLATE").mkdir(parents=True)
    shutil.copy(FORM, tmp_path / ".github" / "ISSUE_TEMPLATE" / FORM.name)
    return tmp_path


def tip(root: Path, name: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run([sys.executable, "-m", "utveckla", "tip", str(TIPS / name), "--number", "42", "--root", str(root)],
                          capture_output=True, text=True, env=env)


def test_a_complete_tip_becomes_a_checked_event_file(tmp_path):
    root = project(tmp_path)
    result = tip(root, "komplett.md")
    assert result.returncode == 0, result.stdout + result.stderr
    path = root / "content" / "evenemang" / "frukostmote-om-kompetensforsorjning-2027-03-02.md"
    assert f"Tipset blev filen content/evenemang/{path.name}" in result.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert data["organizer"] == "regionen" and data["type"] == "frukostmote"
    assert data["location"] == {"name": "Timrå Folkets hus", "municipality": "timra", "address": "Köpmangatan 5"}
    assert data["registration"] == {"url": "https://www.rvn.se/anmalan"} and data["price"] == "Kostnadsfritt"
    assert "online" not in data and "source" not in data  # _No response_ is no answer
    assert "ärende #42" in data["notes"]
    check = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(root)], capture_output=True,
                           text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert check.returncode == 0, check.stderr


def test_an_incomplete_tip_gives_the_checks_messages_in_the_forms_words(tmp_path):
    root = project(tmp_path)
    result = tip(root, "ofullstandig.md")
    assert result.returncode == 1
    assert list((root / "content" / "evenemang").iterdir()) == []  # nothing half-made is left
    comment = result.stdout
    assert "Arrangören ”Okänd förening” finns inte bland organisationerna" in comment
    assert "- **Start**:" in comment and "2027-02-30" in comment
    assert "- **Länk till anmälan**:" in comment
    assert "Traceback" not in result.stdout + result.stderr


def test_the_forms_choices_are_the_sites_event_types_and_municipalities():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    options = {item["id"]: item["attributes"].get("options") for item in form["body"] if "id" in item}
    vocabulary = yaml.safe_load((COUNTY / "taxonomier.yml").read_text(encoding="utf-8"))
    assert options["type"] == list(vocabulary["evenemangstyper"].values())
    from utveckla.content.collections import MUNICIPALITIES

    assert options["municipality"] == list(MUNICIPALITIES.values()) + ["Digitalt"]


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_the_tip_and_import_workflows_are_actionlint_clean_and_run_the_commands():
    files = [str(WORKFLOWS / "tips.yml"), str(WORKFLOWS / "import.yml")]
    result = subprocess.run([actionlint(), "-no-color", *files], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    tips, nightly = _workflow("tips.yml"), _workflow("import.yml")
    assert tips["on"] == {"issues": {"types": ["labeled"]}}
    job = next(iter(tips["jobs"].values()))
    assert "evenemangstips" in job["if"]
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "python -m utveckla tip" in runs and "gh pr create" in runs and "gh issue comment" in runs
    assert "${{" not in runs  # the issue's text reaches the shell only through env, never pasted into it
    assert "schedule" in nightly["on"] and "workflow_dispatch" in nightly["on"]
    runs = "\n".join(step.get("run", "") for job in nightly["jobs"].values() for step in job["steps"])
    assert "make import-events" in runs and "gh pr create" in runs and "gh pr edit" in runs
