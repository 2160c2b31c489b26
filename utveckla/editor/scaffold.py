"""`python -m utveckla new <collection> "Titel"`: a new content file with every field explained.

The file lists every field of the model with a comment above it (what it means, its form,
whether it is required and, for ids, which values exist). Required fields are left empty to
fill in; optional ones are commented out, so removing the `# ` is all it takes to use one.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..content.collections import COLLECTIONS, reserved_slugs
from ..content.fieldinfo import FieldDoc, collection_fields
from ..content.fields import TITLE_MAX
from ..content.loader import suggest_slug
from ..content.paging import is_taken
from ..content.validate import TAXONOMY_FILE
from ..content.yamlsafe import YamlProblem, load_located

# Optional in the model, but nearly always used: shown ready to fill in.
SHOWN = {("evenemang", "location")}
# Filled in with the build date.
TODAY_FIELDS = {"reviewed", "date"}


class ScaffoldError(Exception):
    """A problem the editor can fix (the message is Swedish and says how)."""


@dataclass(frozen=True)
class Created:
    path: Path
    text: str


def _known_ids(root: Path, target: str) -> list[str]:
    """Ids an editor may use for a reference: taxonomy terms or file names in a collection."""
    if target.startswith("taxonomi:"):
        path = root / TAXONOMY_FILE
        try:
            data = load_located(path.read_text(encoding="utf-8-sig")).value if path.exists() else {}
        except YamlProblem:
            return []
        terms = data.get(target.split(":", 1)[1]) if isinstance(data, dict) else None
        return [str(term) for term in terms] if isinstance(terms, dict) else []
    folder = root / "content" / target
    return sorted(file.stem for file in folder.glob("*.md")) if folder.is_dir() else []


def _values_hint(root: Path, doc: FieldDoc) -> str:
    if not doc.target:
        return ""
    ids = _known_ids(root, doc.target)
    if doc.target.startswith("taxonomi:"):
        vocabulary = doc.target.split(":", 1)[1]
        listed = ", ".join(ids) if ids else "se " + TAXONOMY_FILE
        return f" Välj bland {vocabulary} i {TAXONOMY_FILE}: {listed}."
    if len(ids) <= 10:
        return f" Id:t är ett filnamn utan .md i content/{doc.target}/: {', '.join(ids)}."
    return f" Id:t är ett filnamn utan .md i content/{doc.target}/, till exempel {ids[0]}."


def _comment(root: Path, doc: FieldDoc, parent: str | None = None) -> str:
    need = {"ja": "Obligatoriskt.", "nej": "Frivilligt."}.get(doc.required_text, f"Obligatoriskt {doc.required_text[4:]}.")
    if parent and doc.required:
        need = f"Obligatoriskt när {parent} används."
    return f"{doc.description} {need} Form: {doc.kind}.{_values_hint(root, doc)}".strip()


def _value(doc: FieldDoc, title: str, today: dt.date) -> str:
    if doc.name == "title":
        return " " + json.dumps(title, ensure_ascii=False)
    if doc.name in TODAY_FIELDS and "datum" in doc.kind:
        return f" {today.isoformat()}"
    if doc.kind.startswith("lista"):
        return " []"
    return ""


def _lines(root: Path, docs: tuple[FieldDoc, ...], collection: str, title: str, today: dt.date,
           indent: str = "", commented: bool = False, parent: str | None = None) -> list[str]:
    top = parent is None
    lines: list[str] = []
    for doc in docs:
        if top and doc.name == "draft":
            lines += [f"{indent}# Skriv draft: true för att spara utan att publicera. {doc.description}",
                      f"{indent}# draft: true"]
            continue
        shown = doc.required or (collection, doc.name) in SHOWN or (top and doc.name in TODAY_FIELDS)
        off = commented or not shown
        prefix = indent + ("# " if off else "")
        lines.append(f"{indent}# {_comment(root, doc, parent)}")
        if doc.children and doc.kind.startswith("lista"):  # a list of groups: the first sub-field gets "- "
            lines.append(f"{prefix}{doc.name}:")
            inner = _lines(root, doc.children, collection, title, today, indent + "    ", off, doc.name)
            # Each sub-field is a comment line, then its own line: inner[1] is the first sub-field.
            inner[1] = indent + "  " + ("# " if off else "") + "- " + inner[1].strip().removeprefix("# ")
            lines += inner
        elif doc.children:
            lines.append(f"{prefix}{doc.name}:")
            lines += _lines(root, doc.children, collection, title, today, indent + "  ", off, doc.name)
        else:
            lines.append(f"{prefix}{doc.name}:{_value(doc, title, today)}")
    return lines


def scaffold_text(root: Path, collection: str, title: str, today: dt.date) -> str:
    docs = collection_fields(collection)
    body = [
        "---",
        f"# Ny fil i {COLLECTIONS[collection].label}. Fyll i fälten utan # först; ta bort # framför",
        "# ett frivilligt fält för att använda det. Raderna som börjar med # är förklaringar och syns inte.",
        *_lines(root, docs, collection, title, today),
        "---",
        "",
    ]
    sentences = COLLECTIONS[collection].extra.get("min_sentences")
    if sentences:  # a comment is never published, and the check counts no sentence in it
        body.insert(-1, f"<!-- Skriv här en sammanfattning på enkel svenska, minst {sentences} meningar. -->")
    return "\n".join(body)


def create(root: Path, collection: str, title: str, today: dt.date, slug: str | None = None) -> Created:
    if collection not in COLLECTIONS:
        raise ScaffoldError(f"Samlingen ”{collection}” finns inte. Välj en av: {', '.join(COLLECTIONS)}.")
    title = title.strip()
    if not title:
        raise ScaffoldError("Titeln är tom. Skriv titeln inom citattecken, till exempel \"Mikrolån för unga\".")
    if len(title) > TITLE_MAX:
        raise ScaffoldError(f"Titeln är {len(title)} tecken lång, högst {TITLE_MAX} är tillåtet. Korta titeln.")
    slug = suggest_slug(slug or title)
    if not slug:
        raise ScaffoldError("Titeln ger inget filnamn (den har inga bokstäver eller siffror). Ange ett filnamn med --slug.")
    if is_taken(slug, reserved_slugs(COLLECTIONS[collection])):
        raise ScaffoldError(f"Filnamnet {slug}.md är upptaget av en annan sida på webbplatsen. Ange ett annat med --slug.")
    folder = root / "content" / collection
    clash = next((file for file in folder.glob("*") if file.stem.lower() == slug), None) if folder.is_dir() else None
    if clash is not None:
        raise ScaffoldError(
            f"Det finns redan en fil med namnet {clash.relative_to(root).as_posix()}. "
            f"Ändra den filen, eller välj ett annat filnamn med --slug, till exempel --slug {slug}-2."
        )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    text = scaffold_text(root, collection, title, today)
    path.write_text(text, encoding="utf-8")
    return Created(path, text)
