"""Generated pages of the editors' guide: the field reference, read from the models.

/redaktorer/falt/ lists every field of every collection (name, required or not, its form in
plain Swedish and its description from models.py) and the ids that exist right now in
taxonomier.yml and content/. Built at every build, so it cannot be out of date.
"""

from __future__ import annotations

from dataclasses import dataclass

from .collections import COLLECTIONS
from .fieldinfo import FieldDoc, collection_fields
from .render import render
from .site import Site

FIELD_REFERENCE = "redaktorer/falt.md"


@dataclass(frozen=True)
class FieldRow:
    name: str  # dotted: contact.email
    depth: int
    doc: FieldDoc
    values: tuple[tuple[str, str], ...]  # (id, label) an editor may write
    values_note: str  # where the ids come from


@dataclass(frozen=True)
class CollectionReference:
    name: str
    label: str
    rows: tuple[FieldRow, ...]


def _values(site: Site, doc: FieldDoc) -> tuple[tuple[tuple[str, str], ...], str]:
    if not doc.target:
        return (), ""
    if doc.target.startswith("taxonomi:"):
        vocabulary = doc.target.split(":", 1)[1]
        terms = tuple(site.taxonomy.get(vocabulary, {}).items())
        return terms, f"Id:n under {vocabulary} i content/taxonomier.yml (du kan lägga till fler där):"
    entries = site.entries.get(doc.target, ())
    if len(entries) <= 10:
        return tuple((e.slug, e.data.title) for e in entries), f"Filnamn utan .md i content/{doc.target}/:"
    return (), f"Ett filnamn utan .md i content/{doc.target}/, till exempel {entries[0].slug if entries else 'almi-mitt'}."


def _rows(site: Site, docs: tuple[FieldDoc, ...], prefix: str = "", depth: int = 0) -> list[FieldRow]:
    rows = []
    for doc in docs:
        values, note = _values(site, doc)
        rows.append(FieldRow(prefix + doc.name, depth, doc, values, note))
        rows += _rows(site, doc.children, prefix + doc.name + ".", depth + 1)
    return rows


def field_reference(site: Site) -> list[CollectionReference]:
    return [CollectionReference(name, collection.label, tuple(_rows(site, collection_fields(name))))
            for name, collection in COLLECTIONS.items()]


def guide_pages(site: Site):
    from .pages import PageSpec  # pages imports this module

    title = "Fältreferens"
    description = "Alla fält i alla samlingar: vad de betyder, om de måste fyllas i och hur värdet ska skrivas."
    base = "../../"
    collections = field_reference(site)
    return [PageSpec(
        src_uri=FIELD_REFERENCE, title=title, description=description,
        source_path="utveckla/models.py",  # the descriptions are written there
        # The template writes the page; these headings only tell MkDocs which anchors it has
        # (its link check reads them from the Markdown), so links like falt.md#stod are checked.
        body="\n\n".join(f"## {collection.label} {{#{collection.name}}}" for collection in collections),
        render=lambda body_html: render("redaktor_falt.html", title=title, description=description,
                                        collections=collections, base=base),
    )]
