"""The scaffolder: `python -m utveckla new` makes files that pass the check once the required fields are filled."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COUNTY, EPOCH, ROOT
from utveckla.content.fieldinfo import all_field_names
from utveckla.content.loader import suggest_slug

# Values for the required fields only (and location for an event, which needs a place or a link).
REQUIRED_VALUES = {
    "stod": {"summary": "Ett lån för små företag i Ånge.", "provider": "almi-mitt", "type": "lan",
             "url": "https://www.almi.se/"},
    "evenemang": {"summary": "Frukost och föredrag om export.", "start": "2027-02-10 07:30",
                  "type": "frukostmote", "organizer": "naringsliv-timra",
                  "location.name": "Timrå Folkets hus", "location.municipality": "timra"},
    "investeringar": {"summary": "En ny fabrik för trähus.", "owner": "Exempel AB", "municipality": "ange",
                      "sector": "industri", "status": "beslutad", "location.lat": "62.52",
                      "location.lon": "15.66"},
}


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "utveckla", *args, "--root", str(project)],
                          capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(COUNTY, tmp_path / "content")
    return tmp_path


def fill(text: str, values: dict[str, str]) -> str:
    """Write each value after its empty field line: `summary:` or, indented under a group, `  name:`."""
    lines, group = text.split("\n"), None
    for index, line in enumerate(lines):
        match = re.match(r"^( *)([a-z_]+):\s*$", line)
        if not match:
            continue
        name = match.group(2) if not match.group(1) else f"{group}.{match.group(2)}"
        if not match.group(1):
            group = match.group(2)
        if name in values:
            lines[index] = f"{line.rstrip()} {values[name]}"
    return "\n".join(lines)


@pytest.mark.parametrize("collection", ["stod", "evenemang", "investeringar"])
def test_new_file_passes_the_check_once_required_fields_are_filled(project, collection):
    created = run(project, "new", collection, "Ny sak i Ånge: Örnsköldsvik & Härnösand")
    assert created.returncode == 0, created.stderr
    path = project / "content" / collection / "ny-sak-i-ange-ornskoldsvik-harnosand.md"
    assert f"Skapade content/{collection}/ny-sak-i-ange-ornskoldsvik-harnosand.md" in created.stdout
    unfilled = run(project, "check")
    assert unfilled.returncode == 1 and "fältet är tomt" in unfilled.stderr and "[saknat-falt]" in unfilled.stderr
    path.write_text(fill(path.read_text(encoding="utf-8"), REQUIRED_VALUES[collection]), encoding="utf-8")
    checked = run(project, "check")
    assert checked.returncode == 0, checked.stderr + path.read_text(encoding="utf-8")


@pytest.mark.parametrize("collection", ["stod", "aktorer", "kommuner", "evenemang", "investeringar", "aktuellt"])
def test_every_field_is_in_the_new_file_with_a_comment(project, collection):
    assert run(project, "new", collection, "Prov").returncode == 0
    text = (project / "content" / collection / "prov.md").read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---" and "---" in lines[1:]
    written, group = set(), None
    for index, line in enumerate(lines):
        match = re.match(r"^(\s*)(?:# )?(?:- )?([a-z_]+):", line)  # "- name:" starts a list of groups
        if match:
            group = match.group(2) if not match.group(1) else group
            written.add(match.group(2) if not match.group(1) else f"{group}.{match.group(2)}")
            assert lines[index - 1].lstrip().startswith("# "), f"{line!r} has no explanation above it"
    assert written == all_field_names(collection)


def test_optional_fields_are_commented_out_and_dates_filled(project):
    run(project, "new", "stod", "Prov")
    text = (project / "content" / "stod" / "prov.md").read_text(encoding="utf-8")
    assert 'title: "Prov"' in text
    assert "\nreviewed: 2026-11-22\n" in text  # the build date (SOURCE_DATE_EPOCH)
    assert "\n# deadline:\n" in text and "\n# contact:\n" in text and "\n  # email:\n" in text
    assert "\nprovider:\n" in text and "\nurl:\n" in text
    assert "Välj bland stodtyper i content/taxonomier.yml: bidrag, lan," in text
    run(project, "new", "aktuellt", "Prov")
    assert "\ndate: 2026-11-22\n" in (project / "content" / "aktuellt" / "prov.md").read_text(encoding="utf-8")


def test_collision_is_refused_in_swedish(project):
    existing = project / "content" / "stod" / "almi-mikrolan.md"
    before = existing.read_text(encoding="utf-8")
    result = run(project, "new", "stod", "Almi mikrolån")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Ingen fil skapades: Det finns redan en fil med namnet content/stod/almi-mikrolan.md. "
        "Ändra den filen, eller välj ett annat filnamn med --slug, till exempel --slug almi-mikrolan-2.")
    assert existing.read_text(encoding="utf-8") == before
    assert run(project, "new", "stod", "Almi mikrolån", "--slug", "almi-mikrolan-2").returncode == 0


def test_other_refusals(project):
    assert "Samlingen ”nyheter” finns inte" in run(project, "new", "nyheter", "X").stderr
    assert "upptaget av en annan sida" in run(project, "new", "evenemang", "Arkiv").stderr
    assert "ger inget filnamn" in run(project, "new", "stod", "!!!").stderr
    assert "högst 90 är tillåtet" in run(project, "new", "stod", "x" * 91).stderr


def test_slugs_transliterate_swedish_letters():
    assert suggest_slug("Årets företagare – Örnsköldsvik 2027!") == "arets-foretagare-ornskoldsvik-2027"
    assert suggest_slug("Énergi & Ümeå") == "energi-umea"


def test_make_new_without_arguments_explains_itself():
    result = subprocess.run(["make", "-s", "new"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode != 0
    assert 'make new SAMLING=stod TITEL="Mikrolån för unga"' in result.stderr
