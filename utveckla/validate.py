"""Validation: every file of every collection, models first, then references and rules.

`load_site(root)` returns the immutable Site and every diagnostic found; callers fail once,
after everything has been checked, so an editor sees all problems in one run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import ValidationError

from .bodies import check_body
from .collections import COLLECTIONS, REQUIRED_TAXONOMY, Collection
from .diagnostics import Diagnostic, field_label
from .fieldinfo import likely_field
from .fields import ID_PATTERN
from .images import check_item_images
from .loader import RawItem, read_collection
from .site import Entry, Site
from .yamlsafe import YamlProblem, load_located

TAXONOMY_FILE = "content/taxonomier.yml"


def load_site(root: Path, today: dt.date, now: dt.datetime | None = None) -> tuple[Site, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    taxonomy = load_taxonomy(root, diagnostics)
    validated: dict[str, list[tuple[RawItem, object]]] = {}
    loaded_items: dict[str, list[RawItem]] = {}
    for name, collection in COLLECTIONS.items():
        loaded = read_collection(root, name)
        diagnostics.extend(loaded.diagnostics)
        loaded_items[name] = loaded.items
        validated[name] = []
        for raw in loaded.items:
            diagnostics.extend(check_body(raw))
            if raw.slug in collection.extra.get("reserved_slugs", ()):
                diagnostics.append(Diagnostic(raw.path, 1, "filnamn", "namnkrock",
                                              f"filnamnet {raw.slug}.md är upptaget av en annan sida på webbplatsen",
                                              f"döp om filen, till exempel till {raw.slug}-{collection.name}.md"))
                continue
            item = validate_item(raw, collection, diagnostics)
            if item is not None:
                validated[name].append((raw, item))
    # References are checked on every readable file, valid or not, so that one run shows all.
    published = {name: {raw.slug for raw in raws if raw.data.get("draft") is not True}
                 for name, raws in loaded_items.items()}
    everything = {name: {raw.slug for raw in raws} for name, raws in loaded_items.items()}
    for name, raws in loaded_items.items():
        for raw in raws:
            check_references(raw, COLLECTIONS[name], taxonomy, published, everything, diagnostics)
            diagnostics.extend(check_item_images(root, raw))
    entries: dict[str, tuple[Entry, ...]] = {}
    for name, pairs in validated.items():
        collection = COLLECTIONS[name]
        for raw, item in pairs:
            for path, code, problem, fix in (collection.rules(item) if collection.rules else ()):
                diagnostics.append(Diagnostic(raw.path, raw.line_of(path), field_label(path), code, problem, fix))
        entries[name] = tuple(
            Entry(name, raw.slug, raw.path, item, raw.body, raw.body_line)
            for raw, item in sorted(pairs, key=lambda pair: pair[0].slug) if not item.draft
        )
    check_unique_titles(validated, diagnostics)
    return Site(today=today, taxonomy=taxonomy, entries=entries, now=now), sorted(set(diagnostics))


def check_unique_titles(validated: dict[str, list[tuple[RawItem, object]]], diagnostics: list[Diagnostic]) -> None:
    """Two pages with the same title look the same in search results and browser tabs."""
    seen: dict[str, str] = {}
    for pairs in validated.values():
        for raw, item in pairs:
            if item.draft:
                continue
            key = item.title.casefold()
            if key in seen:
                diagnostics.append(Diagnostic(raw.path, raw.line_of(("title",)), "title", "samma-titel",
                                              f"titeln finns redan i {seen[key]}",
                                              "ge sidan en egen titel, till exempel med vad den erbjuder eller var"))
            else:
                seen[key] = raw.path


def validate_item(raw: RawItem, collection: Collection, diagnostics: list[Diagnostic]):
    try:
        return collection.model.model_validate(raw.data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            diagnostics.append(translate(raw, collection, detail))
        return None


def translate(raw: RawItem, collection: Collection, detail: dict) -> Diagnostic:
    """One pydantic error as a Swedish diagnostic with file, line and field."""
    loc = _field_path(raw.data, detail["loc"])
    kind, ctx, given = detail["type"], detail.get("ctx") or {}, detail.get("input")
    label = field_label(loc)
    line = raw.line_of(loc)
    if given is None and kind != "missing":  # `summary:` with nothing after the colon
        return Diagnostic(raw.path, line, label, "saknat-falt", "fältet är tomt",
                          "skriv ett värde efter kolon, eller ta bort raden om fältet är frivilligt")
    if "—" in detail["msg"] and kind in _CUSTOM:
        problem, fix = (part.strip() for part in detail["msg"].split("—", 1))
        return Diagnostic(raw.path, line, label, kind, problem, fix)
    if kind == "extra_forbidden":
        fields = _allowed_fields(collection.model, loc[:-1])
        guess = likely_field(str(loc[-1]), fields)
        start = f"menade du {guess}? Rätta namnet" if guess else "kontrollera stavningen"
        return Diagnostic(raw.path, line, label, "okant-falt", f"fältet ”{loc[-1]}” finns inte i {collection.label}",
                          f"{start}; tillåtna fält här är: {', '.join(fields)}")
    if kind == "missing":
        return Diagnostic(raw.path, line, label, "saknat-falt", "fältet är obligatoriskt men saknas",
                          f"lägg till en rad {loc[-1]}: … (se fältreferensen i redaktörsguiden)")
    if kind == "string_too_long":
        length = len(str(given))
        return Diagnostic(raw.path, line, label, "for-lang",
                          f"texten är {length} tecken lång, högst {ctx['max_length']} är tillåtet",
                          f"korta texten med minst {length - ctx['max_length']} tecken")
    if kind == "string_too_short":
        return Diagnostic(raw.path, line, label, "for-kort", "texten är tom", "skriv en text eller ta bort raden")
    if kind == "too_long":
        return Diagnostic(raw.path, line, label, "for-lang", f"listan har för många rader, högst {ctx.get('max_length')}",
                          "ta bort några rader")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        word = "minst" if kind.startswith("greater") else "högst"
        return Diagnostic(raw.path, line, label, "utanfor-intervall", f"talet {given} är utanför det tillåtna",
                          f"skriv ett tal som är {word} {_number(limit)}")
    if kind == "string_pattern_mismatch":
        return Diagnostic(raw.path, line, label, "fel-typ", f"”{given}” har fel form",
                          "skriv ett telefonnummer med siffror, mellanslag och bindestreck, t.ex. 0611-34 90 00")
    return Diagnostic(raw.path, line, label, "fel-typ", f"värdet ”{_short(given)}” har fel form ({_KIND_WORDS.get(kind, kind)})",
                      _KIND_FIXES.get(kind, "jämför med fältreferensen i redaktörsguiden"))


_CUSTOM = {"ogiltigt-datum", "ogiltig-tid", "ogiltig-url", "ogiltig-epost", "okand-referens", "styrtecken"}
_KIND_WORDS = {
    "int_parsing": "ska vara ett heltal", "int_type": "ska vara ett heltal", "int_from_float": "ska vara ett heltal",
    "float_parsing": "ska vara ett tal", "float_type": "ska vara ett tal",
    "bool_type": "ska vara true eller false", "string_type": "ska vara en text",
    "list_type": "ska vara en lista", "model_type": "ska vara en grupp med underfält",
    "dict_type": "ska vara en grupp med underfält",
}
_KIND_FIXES = {
    "int_parsing": "skriv bara siffror utan mellanslag eller enhet, till exempel 250000",
    "int_type": "skriv bara siffror utan mellanslag eller enhet, till exempel 250000",
    "int_from_float": "skriv ett heltal utan decimaler",
    "float_parsing": "skriv ett tal med punkt som decimaltecken, till exempel 62.39",
    "float_type": "skriv ett tal med punkt som decimaltecken, till exempel 62.39",
    "bool_type": "skriv true eller false (inte ja/nej eller yes/no)",
    "string_type": "skriv en text; sätt citattecken runt den om den ser ut som något annat",
    "list_type": "skriv en lista, till exempel [sundsvall, timra]",
    "model_type": "skriv underfälten indragna på egna rader under fältet",
    "dict_type": "skriv underfälten indragna på egna rader under fältet",
}


def _field_path(data: object, loc: tuple) -> tuple:
    """pydantic's error location without the names it gives union branches ("function-before[…]",
    or "date"/"str" for a value of a union type). A key in the editor's data is always a field,
    and so is a name at the level of a mapping: a missing `date:` is the field date."""
    path, value = [], data
    for part in loc:
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        elif isinstance(part, str) and ("[" in part or (not isinstance(value, dict) and part in _BRANCH_TYPES)):
            continue
        else:
            value = None  # a missing field: what follows is inside it
        path.append(part)
    return tuple(path)


_BRANCH_TYPES = ("date", "datetime", "str", "int", "float")


def _allowed_fields(model, path: tuple) -> list[str]:
    for part in path:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation
        model = next((arg for arg in getattr(annotation, "__args__", (annotation,)) if hasattr(arg, "model_fields")), model)
    return list(model.model_fields)


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else str(value)


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def check_references(raw: RawItem, collection: Collection, taxonomy: dict, published: dict,
                     everything: dict, diagnostics: list[Diagnostic]) -> None:
    draft = raw.data.get("draft") is True
    for path, target in collection.references:
        value = raw.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        values = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        for index, ref in enumerate(values):
            if not isinstance(ref, str) or not ID_PATTERN.match(ref):
                continue  # wrong form: the model reports it
            where = path + ((index,) if isinstance(value, list) else ())
            line, label = raw.line_of(where), field_label(where)
            if target.startswith("taxonomi:"):
                vocabulary = target.split(":", 1)[1]
                known = taxonomy.get(vocabulary, {})
                if ref not in known:
                    diagnostics.append(Diagnostic(raw.path, line, label, "okant-id",
                                                  f"”{ref}” finns inte bland {vocabulary} i {TAXONOMY_FILE}",
                                                  f"använd ett av: {', '.join(known)} (eller lägg till det i {TAXONOMY_FILE})"))
            elif ref not in (everything[target] if draft else published[target]):
                examples = ", ".join(sorted(published[target])[:3])
                hint = (f"{ref}.md i content/{target}/ är ett utkast (draft: true); publicera den först"
                        if ref in everything[target] else
                        f"använd filnamnet (utan .md) för en fil i content/{target}/"
                        + (f", till exempel {examples}" if examples else ""))
                diagnostics.append(Diagnostic(raw.path, line, label, "okand-referens",
                                              f"”{ref}” finns inte i content/{target}/", hint))


def load_taxonomy(root: Path, diagnostics: list[Diagnostic]) -> dict[str, dict[str, str]]:
    """content/taxonomier.yml: vocabulary → {id: Swedish label}."""
    path = root / TAXONOMY_FILE
    if not path.exists():
        diagnostics.append(Diagnostic(TAXONOMY_FILE, 1, "fil", "ordlista", "filen med ordlistor saknas",
                                      "återställ content/taxonomier.yml från git"))
        return {}
    text = path.read_text(encoding="utf-8-sig")
    try:
        located = load_located(text)
    except YamlProblem as problem:
        diagnostics.append(Diagnostic(TAXONOMY_FILE, problem.line, "fil", "yaml-syntax",
                                      f"raden går inte att läsa som YAML ({problem.problem})",
                                      "kontrollera indrag och kolon"))
        return {}
    data = located.value if isinstance(located.value, dict) else {}
    taxonomy: dict[str, dict[str, str]] = {}
    for vocabulary, required in REQUIRED_TAXONOMY.items():
        terms = data.get(vocabulary)
        line = located.lines.get((vocabulary,), 1)
        if not isinstance(terms, dict):
            diagnostics.append(Diagnostic(TAXONOMY_FILE, line, vocabulary, "ordlista", "ordlistan saknas eller är inte en lista med id: Etikett",
                                          f"skriv {vocabulary}: och under den en rad per id, till exempel  bidrag: Bidrag"))
            continue
        taxonomy[vocabulary] = {}
        for term, label in terms.items():
            term_line = located.lines.get((vocabulary, term), line)
            if not ID_PATTERN.match(str(term)) or not isinstance(label, str) or not label.strip():
                diagnostics.append(Diagnostic(TAXONOMY_FILE, term_line, f"{vocabulary}.{term}", "ordlista",
                                              "id:t eller etiketten har fel form",
                                              "skriv id:t med a–z, 0–9 och bindestreck och en svensk etikett efter kolon"))
                continue
            taxonomy[vocabulary][str(term)] = label.strip()
        for term in required:
            if term not in taxonomy[vocabulary]:
                diagnostics.append(Diagnostic(TAXONOMY_FILE, line, f"{vocabulary}.{term}", "ordlista",
                                              f"id:t {term} krävs av innehållskontraktet men saknas",
                                              f"lägg tillbaka raden {term}: <etikett>"))
    return taxonomy
