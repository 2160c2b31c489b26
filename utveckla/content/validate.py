"""Validation: every file of every collection, models first, then references and rules.

`load_site(root)` returns the immutable Site and every diagnostic found; callers fail once,
after everything has been checked, so an editor sees all problems in one run.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from .bodies import check_body
from .collections import COLLECTIONS, MUNICIPALITIES, OPTIONAL_TAXONOMY, REQUIRED_TAXONOMY, Collection, reserved_slugs
from .diagnostics import CODES, MISSING_FIELD, Diagnostic, field_label
from .fieldinfo import likely_field
from .fields import ID_PATTERN, LABEL_MAX_LENGTH, check_plain_text
from .hedges import hedge_problems
from .images import check_item_images
from .loader import RawItem, content_folder_problems, read_collection, read_yaml_file
from .models import Item
from .pagetexts import load_page_texts
from .results import body_problems, document_problems, inspect_documents
from .site import Entry, Site
from .sources import check_sources, read_sources
from .swedish import swedish_sort_key
from .synonyms import load_synonyms

TAXONOMY_FILE = "content/taxonomier.yml"


# Files directly in content/ that the site reads besides the collection folders.
CONTENT_FILES = ("taxonomier.yml", "synonymer.yml", "kallor.yml", "sidor.yml")


def load_site(root: Path, today: dt.date, now: dt.datetime | None = None) -> tuple[Site, list[Diagnostic]]:
    diagnostics: list[Diagnostic] = content_folder_problems(root, list(COLLECTIONS), CONTENT_FILES)
    taxonomy = load_taxonomy(root, diagnostics)
    synonyms = load_synonyms(root, diagnostics)
    page_texts = load_page_texts(root, validate_item, diagnostics)
    validated: dict[str, list[tuple[RawItem, Item]]] = {}
    loaded_items: dict[str, list[RawItem]] = {}
    unreadable: dict[str, set[str]] = {}
    for name, collection in COLLECTIONS.items():
        loaded = read_collection(root, name, reserved_slugs(collection))
        diagnostics.extend(loaded.diagnostics)
        loaded_items[name] = loaded.items
        unreadable[name] = loaded.unreadable
        validated[name] = []
        for raw in loaded.items:
            diagnostics.extend(check_body(raw))
            diagnostics.extend(hedge_problems(raw))
            diagnostics.extend(body_problems(raw, collection))
            item = validate_item(raw, collection, diagnostics)
            if item is not None:
                validated[name].append((raw, item))
    diagnostics.extend(check_municipality_files(loaded_items["kommuner"]))
    # References are checked on every readable file, valid or not, so that one run shows all.
    published = {name: {raw.slug for raw in raws if raw.data.get("draft") is not True}
                 for name, raws in loaded_items.items()}
    everything = {name: {raw.slug for raw in raws} for name, raws in loaded_items.items()}
    for name, raws in loaded_items.items():
        for raw in raws:
            check_references(raw, COLLECTIONS[name], taxonomy, published, everything, unreadable, diagnostics)
            diagnostics.extend(check_item_images(root, raw))
            diagnostics.extend(document_problems(root, raw))
    sources = check_sources(
        read_sources(root, diagnostics),
        lambda raw, collection, found: check_references(raw, collection, taxonomy, published, everything, unreadable, found),
        validate_item, diagnostics)
    entries: dict[str, tuple[Entry, ...]] = {}
    for name, pairs in validated.items():
        collection = COLLECTIONS[name]
        for raw, item in pairs:
            for path, code, problem, fix in (collection.rules(item) if collection.rules else ()):
                diagnostics.append(Diagnostic(raw.path, rule_line(raw, path, problem), field_label(path), code, problem, fix))
        entries[name] = tuple(
            Entry(name, raw.slug, raw.path, item, raw.body, raw.body_line)
            # In Swedish alphabetical order of the titles (Ånge and Örnsköldsvik after Timrå), so
            # every list, select and table built from the entries is too.
            for raw, item in sorted(pairs, key=lambda pair: (swedish_sort_key(pair[1].title), pair[0].slug))
            if not item.draft
        )
    check_unique_titles(validated, diagnostics)
    # Documents are inspected only when the content is right (a missing file is a problem above).
    usable = [] if diagnostics else [(raw, item) for raw, item in validated.get("resultat", []) if not item.draft]
    documents, warnings = inspect_documents(root, usable)
    return Site(today=today, taxonomy=taxonomy or {}, entries=entries, now=now, synonyms=synonyms,
                sources=sources, page_texts=page_texts, documents=documents, warnings=tuple(sorted(warnings))), sorted(set(diagnostics))


def rule_line(raw: RawItem, path: tuple, problem: str) -> int:
    """The line of the field a rule names; for a missing field (amount_year when amount_msek is
    written) the line of the field beside it that the problem mentions."""
    if path in raw.lines or not path:
        return raw.line_of(path)
    siblings = [key for key in raw.lines if key and key[:-1] == path[:-1] and isinstance(key[-1], str) and key[-1] in problem]
    return raw.lines[siblings[0]] if siblings else raw.line_of(path)


def check_municipality_files(raws: list[RawItem]) -> list[Diagnostic]:
    """content/kommuner/ holds the county's seven municipalities and nothing else."""
    return [Diagnostic(raw.path, 1, "filnamn", "okand-kommun",
                       f"{raw.slug} är inte en av Västernorrlands sju kommuner",
                       f"content/kommuner/ har en fil per kommun: {', '.join(slug + '.md' for slug in MUNICIPALITIES)}; "
                       "ta bort filen eller döp om den till rätt kommun")
            for raw in raws if raw.slug not in MUNICIPALITIES]


def check_unique_titles(validated: dict[str, list[tuple[RawItem, Item]]], diagnostics: list[Diagnostic]) -> None:
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


def validate_item(raw: RawItem, collection: Collection, diagnostics: list[Diagnostic]) -> Any:
    try:
        return collection.model.model_validate(raw.data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            diagnostics.append(translate(raw, collection, dict(detail)))
        return None


def translate(raw: RawItem, collection: Collection, detail: dict) -> Diagnostic:
    """One pydantic error as a Swedish diagnostic with file, line and field."""
    loc = _field_path(raw.data, detail["loc"])
    kind, ctx, given = detail["type"], detail.get("ctx") or {}, detail.get("input")
    label = field_label(loc)
    line = raw.line_of(loc)
    if given is None and kind != "missing":  # `summary:` with nothing after the colon
        written = raw.source_lines[line - 1] if 0 < line <= len(raw.source_lines) else ""
        after = written.split(":", 1)[1].strip() if ":" in written else ""
        if after.startswith("#"):  # YAML reads `title: #1 i länet` as an empty value and a comment
            return Diagnostic(raw.path, line, label, "saknat-falt",
                              "texten börjar med # och läses därför som en kommentar, så fältet blir tomt",
                              f"sätt citattecken runt texten: {loc[-1]}: \"{_short(after)}\"")
        return Diagnostic(raw.path, line, label, "saknat-falt", "fältet är tomt",
                          "skriv ett värde efter kolon, eller ta bort raden om fältet är frivilligt")
    if "—" in detail["msg"] and kind in _CUSTOM:
        problem, fix = (part.strip() for part in detail["msg"].split("—", 1))
        return Diagnostic(raw.path, line, label, kind, problem, fix)
    if kind == "int_type" and isinstance(given, float):  # `jobs: 12.5` (numbers are strict: no bools)
        kind = "int_from_float"
    if kind == "extra_forbidden":
        fields = _allowed_fields(collection.model, loc[:-1])
        guess = likely_field(str(loc[-1]), fields)
        start = f"menade du {guess}? Rätta namnet" if guess else "kontrollera stavningen"
        return Diagnostic(raw.path, line, label, "okant-falt", f"fältet ”{loc[-1]}” finns inte i {collection.label}",
                          f"{start}; tillåtna fält här är: {', '.join(fields)}")
    if kind == "missing":
        return Diagnostic(raw.path, line, label, MISSING_FIELD, "fältet är obligatoriskt men saknas",
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
    return Diagnostic(raw.path, line, label, "fel-typ",
                      f"värdet ”{_short(given)}” har fel form ({_KIND_WORDS.get(kind, 'jämför med fältreferensen')})",
                      _KIND_FIXES.get(kind, "jämför med fältreferensen i redaktörsguiden"))


# Errors raised by fields.py carry a diagnostic code as their type and "problem — fix" as the message.
_CUSTOM = set(CODES)
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
    "list_type": "skriv en lista: värdena inom [ ] med komma emellan, eller en rad per värde med - först",
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


def check_references(raw: RawItem, collection: Collection, taxonomy: dict | None, published: dict,
                     everything: dict, unreadable: dict, diagnostics: list[Diagnostic]) -> None:
    """Ids that must name a file or a vocabulary term. Root causes only: a reference to a file
    that exists but could not be read, or to a vocabulary that could not be read, is not
    reported again here (its own problem already is)."""
    draft = raw.data.get("draft") is True
    for path, target in collection.references:
        value: Any = raw.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        values: list[Any] = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        for index, ref in enumerate(values):
            if not isinstance(ref, str) or not ID_PATTERN.match(ref):
                continue  # wrong form: the model reports it
            where = path + ((index,) if isinstance(value, list) else ())
            line, label = raw.line_of(where), field_label(where)
            if target.startswith("taxonomi:"):
                vocabulary = target.split(":", 1)[1]
                if taxonomy is None or vocabulary not in taxonomy:
                    continue
                known = taxonomy[vocabulary]
                if ref not in known:
                    diagnostics.append(Diagnostic(raw.path, line, label, "okant-id",
                                                  f"”{ref}” finns inte bland {vocabulary} i {TAXONOMY_FILE}",
                                                  f"använd ett av: {', '.join(known)} (eller lägg till det i {TAXONOMY_FILE})"))
            elif ref in unreadable[target]:
                continue
            elif target == "kommuner" and ref in MUNICIPALITIES and ref not in everything[target]:
                diagnostics.append(Diagnostic(raw.path, line, label, "okand-referens",
                                              f"filen content/kommuner/{ref}.md för {MUNICIPALITIES[ref]} saknas",
                                              f"återställ content/kommuner/{ref}.md (git restore content/kommuner/{ref}.md); "
                                              "alla sju kommuner ska finnas"))
            elif ref not in (everything[target] if draft else published[target]):
                examples = ", ".join(sorted(published[target])[:3])
                hint = (f"{ref}.md i content/{target}/ är ett utkast (draft: true); publicera den först"
                        if ref in everything[target] else
                        f"använd filnamnet (utan .md) för en fil i content/{target}/"
                        + (f", till exempel {examples}" if examples else ""))
                diagnostics.append(Diagnostic(raw.path, line, label, "okand-referens",
                                              f"”{ref}” finns inte i content/{target}/", hint))


def load_taxonomy(root: Path, diagnostics: list[Diagnostic]) -> dict[str, dict[str, str]] | None:
    """content/taxonomier.yml: vocabulary → {id: Swedish label}; None when the file cannot be read.

    Labels are shown on pages, in feeds and in the CSV, so they get the same text rule as
    titles. When the file cannot be read at all, only that is reported: every id in every
    other file would otherwise be reported as unknown too.
    """
    path = root / TAXONOMY_FILE
    if not path.exists() and not path.is_symlink():
        diagnostics.append(Diagnostic(TAXONOMY_FILE, 1, "fil", "ordlista", "filen med ordlistor saknas",
                                      "återställ content/taxonomier.yml från git"))
        return None
    located = read_yaml_file(root, TAXONOMY_FILE, "kontrollera indraget (två mellanslag före varje id), kolon efter "
                             "id:t och citattecken runt etiketter med kolon i", diagnostics)
    if located is None:
        return None
    data = located.value if isinstance(located.value, dict) else {}
    for key_path, line in located.duplicate_keys:
        diagnostics.append(Diagnostic(TAXONOMY_FILE, line + 1, field_label(key_path), "dubbelt-falt",
                                      "id:t står mer än en gång i samma ordlista, och bara den sista etiketten skulle gälla",
                                      "ta bort den ena raden så att varje id står en gång"))
    for vocabulary in data:
        if vocabulary not in REQUIRED_TAXONOMY:  # a misspelt name would otherwise be ignored
            diagnostics.append(Diagnostic(TAXONOMY_FILE, located.lines.get((vocabulary,), 1), str(vocabulary), "ordlista",
                                          f"ordlistan ”{vocabulary}” används inte av webbplatsen",
                                          f"ordlistorna heter: {', '.join(REQUIRED_TAXONOMY)}; rätta namnet eller ta bort den"))
    taxonomy: dict[str, dict[str, str]] = {}
    for vocabulary, required in REQUIRED_TAXONOMY.items():
        terms = data.get(vocabulary)
        line = located.lines.get((vocabulary,), 1)
        if terms is None and vocabulary in OPTIONAL_TAXONOMY and vocabulary not in data:
            taxonomy[vocabulary] = {}
            continue
        if not isinstance(terms, dict):
            diagnostics.append(Diagnostic(TAXONOMY_FILE, line, vocabulary, "ordlista", "ordlistan saknas eller är inte en lista med id: Etikett",
                                          f"skriv {vocabulary}: och under den en rad per id, till exempel  bidrag: Bidrag"))
            continue
        taxonomy[vocabulary] = {}
        for term, label in terms.items():
            term_line = located.lines.get((vocabulary, term), line)
            where = f"{vocabulary}.{term}"
            if not ID_PATTERN.match(str(term)) or not isinstance(label, str) or not label.strip():
                diagnostics.append(Diagnostic(TAXONOMY_FILE, term_line, where, "ordlista",
                                              "id:t eller etiketten har fel form",
                                              "skriv id:t med a–z, 0–9 och bindestreck och en svensk etikett efter kolon"))
                continue
            taxonomy[vocabulary][str(term)] = label.strip()
            problem = label_problem(label.strip())
            if problem:
                diagnostics.append(Diagnostic(TAXONOMY_FILE, term_line, where, problem[0], problem[1], problem[2]))
        for term in required:
            if term not in taxonomy[vocabulary]:
                diagnostics.append(Diagnostic(TAXONOMY_FILE, line, f"{vocabulary}.{term}", "ordlista",
                                              f"id:t {term} krävs av innehållskontraktet men saknas",
                                              f"lägg tillbaka raden {term}: <etikett>"))
    return taxonomy


def label_problem(label: str) -> tuple[str, str, str] | None:
    """A taxonomy label by the same rule as every one-line text field (code, problem, fix)."""
    try:
        check_plain_text(label, single_line=True)
    except PydanticCustomError as error:
        problem, fix = (part.strip() for part in error.message().split("—", 1))
        return error.type, problem, fix
    if len(label) > LABEL_MAX_LENGTH:
        return ("for-lang", f"etiketten är {len(label)} tecken lång, högst {LABEL_MAX_LENGTH} är tillåtet",
                f"korta etiketten med minst {len(label) - LABEL_MAX_LENGTH} tecken")
    return None
