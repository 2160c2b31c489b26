"""Generated pages of the editors' guide: the field reference, read from the models.

/redaktorer/falt/ lists every field of every collection (name, required or not, its form in
plain Swedish and its description from models.py); /redaktorer/id/ the ids that exist right now
in taxonomier.yml and content/, which the fields link to. Built at every build, so they cannot
be out of date. Two pages, so that each stays within the 50 KB HTML budget as the model grows.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..content import models, news
from ..content.collections import COLLECTIONS
from ..content.fieldinfo import FieldDoc, collection_fields
from ..content.site import Site
from ..outputs.pagespec import PageSpec
from ..outputs.render import render

# The editors' guide (docs/redaktorer/ and the field reference): for the communicators, so it is
# linked from the footer only and left out of the visitors' search.
GUIDE_FOLDER = "redaktorer/"
FIELD_REFERENCE = GUIDE_FOLDER + "falt.md"
ID_LISTS = GUIDE_FOLDER + "id.md"
ID_LISTS_URL = "../id/"  # from the field reference to the id lists


@dataclass(frozen=True)
class FieldRow:
    name: str  # dotted: contact.email
    depth: int
    doc: FieldDoc
    values_note: str  # where the ids come from
    values_anchor: str | None  # the list of those ids on the page of id lists


@dataclass(frozen=True)
class IdList:
    """The ids of one vocabulary or collection, listed once on the page of id lists (several
    fields in several collections use the same ones)."""

    anchor: str
    heading: str
    note: str
    values: tuple[tuple[str, str], ...]  # (id, label)


@dataclass(frozen=True)
class CollectionReference:
    name: str
    label: str
    rows: tuple[FieldRow, ...]


def _anchor(target: str) -> str:
    return "id-" + target.replace("taxonomi:", "")


def id_list(site: Site, target: str) -> IdList | None:
    """The ids a reference may use; None for a collection too large to list."""
    if target.startswith("taxonomi:"):
        vocabulary = target.split(":", 1)[1]
        return IdList(_anchor(target), vocabulary, f"Id:n under {vocabulary} i content/taxonomier.yml (du kan lägga till fler där):",
                      tuple(site.taxonomy.get(vocabulary, {}).items()))
    # News dated ahead is in no output until its day, not even here (news.articles).
    entries = tuple(news.articles(site)) if target == "aktuellt" else site.entries.get(target, ())
    if len(entries) <= 10:
        return IdList(_anchor(target), f"content/{target}/", f"Filnamn utan .md i content/{target}/:",
                      tuple((e.slug, e.data.title) for e in entries))
    return None


def _values(site: Site, doc: FieldDoc) -> tuple[str, str | None]:
    if not doc.target:
        return "", None
    listed = id_list(site, doc.target)
    if listed is not None:
        return listed.note.rstrip(":") + ".", listed.anchor
    entries = site.entries.get(doc.target, ())
    return f"Ett filnamn utan .md i content/{doc.target}/, till exempel {entries[0].slug if entries else 'almi-mitt'}.", None


def _rows(site: Site, docs: tuple[FieldDoc, ...], prefix: str = "", depth: int = 0) -> list[FieldRow]:
    rows = []
    for doc in docs:
        note, anchor = _values(site, doc)
        rows.append(FieldRow(prefix + doc.name, depth, doc, note, anchor))
        rows += _rows(site, doc.children, prefix + doc.name + ".", depth + 1)
    return rows


def id_lists(site: Site) -> list[IdList]:
    """Every vocabulary and small collection a field refers to, once each."""
    targets = dict.fromkeys(target for collection in COLLECTIONS.values() for _, target in collection.references)
    return [listed for target in targets if (listed := id_list(site, target)) is not None]


# Fields every collection has (models.Item): described once, in their own table.
COMMON_FIELDS = tuple(models.Item.model_fields)
COMMON = "alla"


def _common_rows(site: Site) -> tuple[FieldRow, ...]:
    """The common fields, with "ja"/"nej" per collection where collections differ (reviewed)."""
    rows = []
    for name in COMMON_FIELDS:
        docs = {collection: next(doc for doc in collection_fields(collection) if doc.name == name) for collection in COLLECTIONS}
        first = next(iter(docs.values()))
        answers = {doc.required_text for doc in docs.values()}
        if len(answers) > 1:
            required = "; ".join(f"{answer} för " + ", ".join(COLLECTIONS[c].label for c, doc in docs.items()
                                                                if doc.required_text == answer)
                                 for answer in sorted(answers))
            first = dataclasses.replace(first, condition=required)
        note, anchor = _values(site, first)
        rows.append(FieldRow(name, 0, first, note, anchor))
    return tuple(rows)


def field_reference(site: Site) -> list[CollectionReference]:
    """The common fields first, then each collection's own."""
    own = [CollectionReference(name, collection.label,
                               tuple(_rows(site, tuple(doc for doc in collection_fields(name) if doc.name not in COMMON_FIELDS))))
           for name, collection in COLLECTIONS.items()]
    return [CollectionReference(COMMON, "fält i alla samlingar", _common_rows(site))] + own


def guide_pages(site: Site) -> list[PageSpec]:
    title = "Fältreferens"
    description = "Alla fält i alla samlingar: vad de betyder, om de måste fyllas i och hur värdet ska skrivas."
    lists_title = "Id-listor"
    lists_description = "De id:n som fälten hänvisar till: ord ur taxonomier.yml och filnamn i content/, som de ser ut just nu."
    base = "../../"
    collections = field_reference(site)
    lists = id_lists(site)
    return [PageSpec(
        src_uri=FIELD_REFERENCE, title=title, description=description,
        source_path="utveckla/content/models.py",  # the descriptions are written there
        # The template writes the page; these headings only tell MkDocs which anchors it has
        # (its link check reads them from the Markdown), so links like falt.md#stod are checked.
        body="\n\n".join(f"## {collection.label} {{#{collection.name}}}" for collection in collections),
        render=lambda body_html: render("redaktor_falt.html", title=title, description=description,
                                        collections=collections, id_lists_url=ID_LISTS_URL, base=base),
    ), PageSpec(
        src_uri=ID_LISTS, title=lists_title, description=lists_description,
        source_path="content/taxonomier.yml",  # most of the ids are written there
        body="\n\n".join(f"## {listed.heading} {{#{listed.anchor}}}" for listed in lists),
        render=lambda body_html: render("redaktor_id.html", title=lists_title, description=lists_description,
                                        id_lists=lists, base=base),
    )]
