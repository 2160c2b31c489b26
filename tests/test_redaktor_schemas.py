"""JSON Schemas for editors' tools: current with the models, complete, and in agreement with the check."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import COUNTY, ROOT
from utveckla.content.collections import COLLECTIONS
from utveckla.content.fieldinfo import all_field_names
from utveckla.editor.schemas import collection_schema, outdated_schemas

REMARK = ROOT / "node_modules" / ".bin" / "remark"


def test_schema_files_are_current_with_the_models():
    outdated = outdated_schemas(ROOT)
    assert outdated == [], f"schemas/ är inaktuella för {outdated}: kör  python -m utveckla schemas  (make schemas)"


def _schema_fields(schema: dict) -> set[str]:
    names = set()

    def walk(node: dict, prefix: str):
        for name, sub in node.get("properties", {}).items():
            names.add(prefix + name)
            ref = (sub.get("$ref") or sub.get("items", {}).get("$ref")  # a group, or a list of groups
                   or next((b["$ref"] for b in sub.get("anyOf", ()) if "$ref" in b), None))
            if ref:
                walk(schema["$defs"][ref.rsplit("/", 1)[-1]], prefix + name + ".")

    walk(schema, "")
    return names


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_every_model_field_is_in_the_schema(collection):
    schema = collection_schema(collection)
    assert _schema_fields(schema) == all_field_names(collection)
    assert schema["additionalProperties"] is False  # a misspelt field is flagged in the editor too
    required = {name for name, info in COLLECTIONS[collection].model.model_fields.items() if info.is_required()}
    assert set(schema["required"]) == required
    assert all(sub.get("description") for sub in schema["properties"].values())
    assert "title" not in schema["properties"]["summary"]  # no English "Summary" titles


def test_schema_describes_what_editors_write():
    offer = collection_schema("stod")["properties"]
    assert offer["deadline"]["anyOf"][0]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    assert {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"} in offer["municipalities"]["anyOf"]
    assert offer["type"]["examples"][:3] == ["bidrag", "lan", "garanti"]
    event = collection_schema("evenemang")["properties"]
    assert event["start"]["pattern"].startswith(r"^\d{4}-\d{2}-\d{2}(")


def test_cli_writes_schemas(tmp_path):
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "utveckla", "schemas", "--root", str(tmp_path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(f"{c}.schema.json" for c in COLLECTIONS)
    assert json.loads((tmp_path / "schemas" / "stod.schema.json").read_text(encoding="utf-8"))["$id"].endswith("stod.schema.json")
    assert outdated_schemas(tmp_path) == []


def _remark(*paths: str, cwd=ROOT) -> subprocess.CompletedProcess:
    if not REMARK.exists() or not shutil.which("node"):
        pytest.skip("remark saknas: kör  npm ci")
    return subprocess.run([str(REMARK), "--quiet", "--frail", "--no-stdout", "--no-color", *paths],
                          capture_output=True, text=True, cwd=cwd)


def _editor_project(target: Path) -> Path:
    """A folder set up like the repository for the editor check (.remarkrc.mjs and the schemas)."""
    for name in (".remarkrc.mjs", "package.json"):
        shutil.copy(ROOT / name, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copytree(ROOT / "schemas", target / "schemas")
    return target


def test_editor_check_accepts_content_that_passes_make_check(tmp_path):
    """The same check VS Code runs (.remarkrc.mjs) finds nothing in content that passes make check."""
    shutil.copytree(COUNTY, _editor_project(tmp_path) / "content")
    result = _remark("content/", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


def test_editor_check_flags_a_misspelt_field(tmp_path):
    _editor_project(tmp_path)
    (tmp_path / "content" / "stod").mkdir(parents=True)
    text = (COUNTY / "stod" / "almi-mikrolan.md").read_text(encoding="utf-8")
    (tmp_path / "content" / "stod" / "fel.md").write_text(text.replace("provider:", "providr:"), encoding="utf-8")
    result = _remark("content/", cwd=tmp_path)
    assert result.returncode == 1
    assert "Must have required property 'provider'" in result.stderr
    assert "Must NOT have additional properties" in result.stderr


def test_vscode_is_set_up_for_the_schemas():
    extensions = (ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8")
    assert "unifiedjs.vscode-remark" in extensions
    remarkrc = (ROOT / ".remarkrc.mjs").read_text(encoding="utf-8")
    for collection in COLLECTIONS:
        assert f'"{collection}"' in remarkrc
