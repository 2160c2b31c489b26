"""content/kallor.yml: the organisers' event feeds that `make import-events` reads.

    sources:
      - url: https://www.example.se/evenemang.ics
        kind: ics
        organizer: naringsliv-sundsvall
        calendar_url: https://www.example.se/evenemang/
        municipality: sundsvall

Checked like any content (the same model rules, references to aktorer, kommuner and the event
types, Swedish messages with line numbers). The empty calendar links to each source's
`calendar_url`, so visitors find the organisers' own calendars.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from . import models
from .collections import Collection
from .diagnostics import Diagnostic
from .loader import RawItem, read_yaml_file

SOURCES_FILE = "content/kallor.yml"
MAX_SOURCES = 100
FIX = "skriv filen som sources: följt av en lista, en källa per - med url, kind och organizer (se exemplet i filen)"
SOURCES = Collection("kallor", "källorna i kallor.yml", models.Source, (
    (("organizer",), "aktorer"),
    (("municipality",), "kommuner"),
    (("type",), "taxonomi:evenemangstyper"),
), singular="källa")


def read_sources(root: Path, diagnostics: list[Diagnostic]) -> list[RawItem]:
    """Each source as a RawItem (values and lines), for the same checks as a content file.
    A missing file means no sources."""
    path = root / SOURCES_FILE
    if not path.exists() and not path.is_symlink():
        return []
    located = read_yaml_file(root, SOURCES_FILE, FIX, diagnostics)
    if located is None:
        return []
    data = located.value if located.value is not None else {}
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(data, dict) or set(data) - {"sources"} or not isinstance(entries, (list, type(None))):
        diagnostics.append(Diagnostic(SOURCES_FILE, 1, "fil", "kalla", "filen ska ha en lista under sources:", FIX))
        return []
    entries = entries or []
    if len(entries) > MAX_SOURCES:
        diagnostics.append(Diagnostic(SOURCES_FILE, 1, "sources", "kalla", f"högst {MAX_SOURCES} källor", FIX))
        return []
    raws = []
    for index, entry in enumerate(entries):
        prefix = ("sources", index)
        line = located.lines.get(prefix, 1)
        if not isinstance(entry, dict):
            diagnostics.append(Diagnostic(SOURCES_FILE, line, f"sources[{index + 1}]", "kalla",
                                          "källan ska vara en grupp med url, kind och organizer", FIX))
            continue
        lines = {key[2:]: value for key, value in located.lines.items() if key[:2] == prefix}
        lines[()] = line
        raws.append(RawItem("kallor", f"kalla-{index + 1}", SOURCES_FILE, entry, lines, "", line))
    return raws


def check_sources(raws: list[RawItem], check_references, validate_item, diagnostics: list[Diagnostic]) -> tuple[models.Source, ...]:
    """The valid sources; every problem goes to diagnostics with its field as sources[n].field.
    (The two checks are validate.py's, passed in, so this module does not import it.)"""
    result = []
    for raw in raws:
        found: list[Diagnostic] = []
        check_references(raw, SOURCES, found)
        item = validate_item(raw, SOURCES, found)
        number = raw.slug.rsplit("-", 1)[1]
        diagnostics.extend(replace(d, field=f"sources[{number}]" + ("" if d.field in ("", "fil") else f".{d.field}"))
                           for d in found)
        if item is not None and not found:
            result.append(item)
    return tuple(result)
