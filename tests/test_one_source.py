"""Each limit is written once (utveckla/content/fields.py): change it there, and the check's message, the
JSON Schema, the field reference, the form editor and the scaffolder all follow."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

from conftest import EPOCH, FIXTURES, ROOT, make_project


def test_a_title_limit_changed_in_fields_py_is_followed_everywhere(tmp_path):
    package = tmp_path / "kod" / "utveckla"
    shutil.copytree(ROOT / "utveckla", package, ignore=shutil.ignore_patterns("__pycache__"))
    fields = package / "content" / "fields.py"
    text = fields.read_text(encoding="utf-8")
    assert "\nTITLE_MAX = 90\n" in text
    fields.write_text(text.replace("\nTITLE_MAX = 90\n", "\nTITLE_MAX = 60\n"), encoding="utf-8")
    # The copy comes first on the path, before the installed package.
    env = {**os.environ, "PYTHONPATH": str(package.parent), "SOURCE_DATE_EPOCH": EPOCH}

    def utveckla(*args: str) -> subprocess.CompletedProcess:
        # cwd outside the repository: "python -m" puts the working folder first on the path.
        return subprocess.run([sys.executable, "-m", "utveckla", *args], capture_output=True, text=True, env=env,
                              cwd=tmp_path)

    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", FIXTURES / "content")
    offer = project / "content" / "stod" / "lan-timra.md"
    long_title = "Ett lån för företag i Timrå som vill växa och anställa fler"  # 59 characters: still fine
    offer.write_text(re.sub(r"^title: .*$", f"title: {long_title} nu", offer.read_text(encoding="utf-8"),
                            count=1, flags=re.M), encoding="utf-8")
    check = utveckla("check", "--root", str(project))
    assert check.returncode == 1
    assert "content/stod/lan-timra.md:2: title: texten är 62 tecken lång, högst 60 är tillåtet" in check.stderr

    (project / "schemas").mkdir()
    assert utveckla("schemas", "--root", str(project)).returncode == 0
    schema = json.loads((project / "schemas" / "stod.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["title"]["maxLength"] == 60

    offer.write_text(offer.read_text(encoding="utf-8").replace(f"{long_title} nu", long_title), encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                            "--site-dir", str(project / "site")], capture_output=True, text=True, env=env, cwd=project)
    assert built.returncode == 0, built.stderr
    reference = (project / "site" / "redaktorer" / "falt" / "index.html").read_text(encoding="utf-8")
    assert "högst 60 tecken" in reference and "högst 90 tecken" not in reference
    form = (project / "site" / "admin" / "config.yml").read_text(encoding="utf-8")  # the form editor (cms.py)
    assert "^[\\s\\S]{0,60}$" in form and "{0,90}" not in form

    scaffold = utveckla("new", "stod", "x" * 61, "--root", str(project))
    assert "högst 60 är tillåtet" in scaffold.stderr + scaffold.stdout


def test_the_real_limit_is_in_the_built_field_reference(county_site):
    from utveckla.content.fields import TITLE_MAX

    reference = (county_site / "redaktorer" / "falt" / "index.html").read_text(encoding="utf-8")
    assert f"högst {TITLE_MAX} tecken" in reference


def test_json_output_gives_each_problem_its_catalogue_title_and_guide_section(tmp_path):
    from utveckla.content.diagnostics import CODES

    project = make_project(tmp_path, FIXTURES / "content")
    offer = project / "content" / "stod" / "lan-timra.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("type: lan", "type: lånet"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "utveckla", "check", "--format", "json", "--root", str(project)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    [problem] = json.loads(result.stdout)
    assert problem["path"] == "content/stod/lan-timra.md" and problem["field"] == "type"
    assert problem["title"] == CODES[problem["code"]]
    assert problem["guide"] == f"https://utvecklavasternorrland.se/redaktorer/felkoder/#{problem['code']}"
    guide = (ROOT / "docs" / "redaktorer" / "felkoder.md").read_text(encoding="utf-8")
    assert re.search(rf"^#+ .*\{{#{problem['code']}\}}$", guide, re.M)  # the section the link opens
