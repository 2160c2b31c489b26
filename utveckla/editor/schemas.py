"""JSON Schema for each collection, generated from the models, for editors' tools.

VS Code (with the remark extension, see .remarkrc.mjs) checks front matter against
schemas/<collection>.schema.json while an editor types. The files are generated
(`python -m utveckla schemas`) and a test fails when they differ from the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..content.collections import COLLECTIONS, REQUIRED_TAXONOMY

SCHEMA_DIR = "schemas"
SCHEMA_URL = "https://utvecklavasternorrland.se/schemas/"


def _drop_generated_titles(node: Any) -> Any:
    """pydantic titles fields after their Python names ("Max Amount Sek"): noise for editors.

    Only schema objects lose their "title"; under "properties" the keys are field names
    (one of them is "title") and are kept.
    """
    if isinstance(node, list):
        return [_drop_generated_titles(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    for key, value in node.items():
        if key == "title" and isinstance(value, str):
            continue
        if key in ("properties", "$defs"):
            result[key] = {name: _drop_generated_titles(sub) for name, sub in value.items()}
        else:
            result[key] = _drop_generated_titles(value)
    return result


def _property(schema: dict, path: tuple[str, ...]) -> dict | None:
    node = schema
    for part in path:
        node = node.get("properties", {}).get(part)
        if node is None:
            return None
        ref = node.get("$ref") or next((b["$ref"] for b in node.get("anyOf", ()) if "$ref" in b), None)
        if ref and part != path[-1]:
            node = schema["$defs"][ref.rsplit("/", 1)[-1]]
    return node


def collection_schema(name: str) -> dict:
    collection = COLLECTIONS[name]
    generated = _drop_generated_titles(collection.model.model_json_schema(mode="validation"))
    # The ids the content contract promises, as suggestions; editors may add more ids in
    # content/taxonomier.yml, so they are examples, not a closed list.
    for path, target in collection.references:
        if target.startswith("taxonomi:") and REQUIRED_TAXONOMY.get(target.split(":", 1)[1]):
            node = _property(generated, path)
            if node is not None:
                node["examples"] = REQUIRED_TAXONOMY[target.split(":", 1)[1]]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"{SCHEMA_URL}{name}.schema.json",
        "title": f"Utveckla Västernorrland: {collection.label} (content/{name}/)",
        "description": f"Fälten överst i en fil i content/{name}/. Skapad från utveckla/content/models.py "
                       "med  python -m utveckla schemas  – ändra inte för hand.",
        **{key: value for key, value in generated.items() if key != "description"},
    }


def schema_text(name: str) -> str:
    return json.dumps(collection_schema(name), ensure_ascii=False, indent=2) + "\n"


def schema_path(root: Path, name: str) -> Path:
    return root / SCHEMA_DIR / f"{name}.schema.json"


def outdated_schemas(root: Path) -> list[str]:
    """Collections whose schema file is missing or differs from the models."""
    return [name for name in COLLECTIONS
            if not schema_path(root, name).exists()
            or schema_path(root, name).read_text(encoding="utf-8") != schema_text(name)]


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name in COLLECTIONS:
        path = schema_path(root, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = schema_text(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
