"""Import investments from a spreadsheet (XLSX or CSV) into content/investeringar/<slug>.md.

One row per investment, the content contract's field names as column headings; the place
as columns lat, lon and place, the timetable as years_start and years_end. Optional columns:
slug (else made from the title) and body (the page text, Markdown). The label columns of the
site's own CSV download (municipality_name, sector_label, status_label, page_url) are
ignored, so a downloaded CSV can be edited and imported again.

Every row is checked with the same model, references and rules as `make check`. Problems
are reported by row number (as the spreadsheet shows it) and column, in Swedish, and if any
row has a problem no file is written at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.collections import COLLECTIONS
from ..content.diagnostics import MISSING_FIELD, Diagnostic
from ..content.fields import ID_PATTERN
from ..content.loader import RawItem, suggest_slug
from ..content.validate import check_references, load_site, validate_item
from ..outputs.mapdata import DERIVED_COLUMNS, plain_text

COLLECTION = COLLECTIONS["investeringar"]
FOLDER = "content/investeringar"

# Column → field path in the content file.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title",), "summary": ("summary",), "owner": ("owner",),
    "municipality": ("municipality",), "sector": ("sector",), "status": ("status",),
    "status_note": ("status_note",), "amount_msek": ("amount_msek",), "amount_year": ("amount_year",),
    "jobs": ("jobs",), "lat": ("location", "lat"), "lon": ("location", "lon"), "place": ("location", "place"),
    "years_start": ("years", "start"), "years_end": ("years", "end"), "url": ("url",),
    "reviewed": ("reviewed",), "source": ("source",), "draft": ("draft",),
}
EXTRA_COLUMNS = ("slug", "body")
REQUIRED_COLUMNS = ("title", "summary", "owner", "municipality", "sector", "status", "lat", "lon", "reviewed")
NUMBER_COLUMNS = {"amount_msek", "amount_year", "jobs", "lat", "lon", "years_start", "years_end"}


@dataclass(frozen=True, order=True)
class RowProblem:
    row: int  # as the spreadsheet numbers it: the heading row is 1
    column: str
    message: str

    def text(self) -> str:
        return f"Rad {self.row}, kolumn {self.column}: {self.message}"


@dataclass
class ImportResult:
    files: dict[str, str] = field(default_factory=dict)  # path relative to the root → file text
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class UnreadableFile(Exception):
    """The spreadsheet cannot be read at all; the message is Swedish and says what to do."""


def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """Headings and (row number, values) for every non-empty row of the first sheet."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    raise UnreadableFile(f"filtypen {path.suffix or '(ingen)'} kan inte läsas — spara kalkylarket som .xlsx eller .csv")


def _read_xlsx(path: Path):
    from openpyxl import load_workbook  # only the importer needs it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UnreadableFile(f"filen går inte att öppna som Excel-fil ({error.__class__.__name__}) — "
                             "spara den igen som .xlsx") from None
    sheet = workbook.worksheets[0]
    rows = [(number, list(values)) for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    workbook.close()
    return _split(rows)


def _read_csv(path: Path):
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile("filen är inte sparad som UTF-8 — spara som ”CSV UTF-8” i Excel och försök igen") from None
    first_line = text.split("\n", 1)[0]
    # Swedish Excel separates with semicolons; the site's own download with commas.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return _split([(number, list(values)) for number, values in enumerate(reader, start=1)])


def _split(rows: list[tuple[int, list[object]]]):
    rows = [(number, values) for number, values in rows if any(_blank(v) is not None for v in values)]
    if not rows:
        raise UnreadableFile("filen är tom — skriv kolumnrubrikerna på första raden och en investering per rad")
    (_, header), data = rows[0], rows[1:]
    return [str(h).strip() if h is not None else "" for h in header], data


def _blank(value: object) -> object:
    """None for an empty cell, the value otherwise (text stripped, and without the ' that the
    site's own CSV download puts before text that a spreadsheet would take for a formula)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = plain_text(value.strip())
        return value or None
    return value


def _cell(column: str, value: object) -> object:
    """A spreadsheet cell as the model wants it: Swedish decimal commas and Excel dates accepted."""
    if isinstance(value, dt.datetime):
        return value.date()
    if column in NUMBER_COLUMNS and isinstance(value, str):
        # A CSV cell is always text and the model takes only numbers, so the number is read here;
        # anything else stays text, for the model to report.
        number = re.sub(r"[\s\u00a0]", "", value).replace(",", ".")
        if not re.fullmatch(r"-?\d+(\.\d+)?", number):
            return number
        value = float(number) if "." in number else int(number)
    if column in NUMBER_COLUMNS and isinstance(value, float) and value.is_integer() and column != "amount_msek":
        return int(value)  # Excel stores 2024 as 2024.0
    if column == "draft" and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def import_rows(root: Path, header: list[str], rows: list[tuple[int, list[object]]], today: dt.date,
                replace: bool = False) -> ImportResult:
    """Check every row and prepare its file; nothing is written here."""
    result = ImportResult()
    known = set(COLUMNS) | set(EXTRA_COLUMNS) | set(DERIVED_COLUMNS)
    for index, name in enumerate(header):
        if name and name not in known:
            result.problems.append(RowProblem(1, name, "kolumnen finns inte i innehållskontraktet — "
                                              f"rätta rubriken; tillåtna kolumner är: {', '.join([*COLUMNS, *EXTRA_COLUMNS])}"))
        if name and header.index(name) != index:
            result.problems.append(RowProblem(1, name, "kolumnen finns två gånger — ta bort den ena"))
    for name in REQUIRED_COLUMNS:
        if name not in header:
            result.problems.append(RowProblem(1, name, "kolumnen saknas — lägg till en kolumn med rubriken " + name))
    if result.problems:
        return result

    site, _ = load_site(root, today)
    published = {name: {e.slug for e in entries} for name, entries in site.entries.items()}
    existing = {p.stem for p in (root / FOLDER).glob("*.md")}
    seen: dict[str, int] = {}
    for number, values in rows:
        cells = {name: _blank(values[i]) if i < len(values) else None for i, name in enumerate(header) if name}
        slug, problems = _slug(number, cells, seen, existing, replace)
        data = _data(cells)
        raw = RawItem("investeringar", slug or "rad", f"rad {number}", data, {}, "", 1)
        diagnostics: list = []
        item = validate_item(raw, COLLECTION, diagnostics)
        _check_references(raw, item, site, published, diagnostics)
        if item is not None:
            for path, code, problem, fix in (COLLECTION.rules(item) if COLLECTION.rules else ()):
                diagnostics.append(_Problem(path, code, problem, fix))
        for diagnostic in diagnostics:
            column = _column(diagnostic.field)
            # The model's words for an empty required field are about files; say it for a spreadsheet.
            # (A rule's problem with the same code already names what to fill in.)
            if isinstance(diagnostic, Diagnostic) and diagnostic.code == MISSING_FIELD:
                problems.append(RowProblem(number, column, f"cellen är tom men måste fyllas i — skriv ett värde i kolumnen {column}"))
            else:
                problems.append(RowProblem(number, column, f"{diagnostic.problem} — {diagnostic.fix}"))
        if problems:
            result.problems.extend(problems)
        elif item is not None and slug:
            body = cells.get("body")
            if slug in existing:  # replacing the facts keeps the page text and what the sheet does not carry
                if body is None:
                    body = _existing_body(root / FOLDER / f"{slug}.md")
                if existing_entry := site.get("investeringar", slug):
                    kept = {name: getattr(existing_entry.data, name) for name in KEPT_ON_REPLACE
                            if getattr(existing_entry.data, name) is not None and getattr(item, name) is None}
                    item = item.model_copy(update=kept)
            result.files[f"{FOLDER}/{slug}.md"] = content_file(item, str(body or ""))
    result.problems.sort()
    return result


def _check_references(raw: RawItem, item, site, published: dict, diagnostics: list) -> None:
    """Unknown municipality, sector and status ids, reported once per cell, also in a row with
    other problems (check_references reads the raw values, valid or not)."""
    found: list = []
    nothing_unreadable: dict[str, set[str]] = {name: set() for name in published}
    check_references(raw, COLLECTION, site.taxonomy, published, published, nothing_unreadable, found)
    reported = {d.field for d in diagnostics}
    diagnostics.extend(d for d in found if d.field not in reported)


@dataclass(frozen=True)
class _Problem:
    """A rule's problem in the shape of a Diagnostic (field, code, problem, fix)."""

    path: tuple
    code: str
    problem: str
    fix: str

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.path)


def _existing_body(path: Path) -> str:
    """The Markdown body of a content file: everything after the second --- line."""
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    ends = [i for i, line in enumerate(lines) if line.rstrip() == "---"]
    return "\n".join(lines[ends[1] + 1:]) if len(ends) >= 2 else ""


def _column(field_label: str) -> str:
    """A diagnostic's field ('location.lat') as the spreadsheet's column ('lat')."""
    for column, path in COLUMNS.items():
        if field_label == ".".join(path):
            return column
    return {"location": "lat och lon", "years": "years_start och years_end"}.get(field_label, field_label)


def _slug(number: int, cells: dict, seen: dict, existing: set, replace: bool) -> tuple[str | None, list[RowProblem]]:
    given = cells.get("slug")
    slug = str(given) if given is not None else suggest_slug(str(cells.get("title") or ""))
    column = "slug" if given is not None else "title"
    if not slug or not ID_PATTERN.match(slug):
        return None, [RowProblem(number, column, f"”{slug}” går inte att använda som filnamn — skriv ett slug med "
                                 f"a–z, 0–9 och bindestreck, till exempel {suggest_slug(slug) or 'ny-investering'}")]
    if slug in seen:
        return None, [RowProblem(number, column, f"samma filnamn {slug}.md som på rad {seen[slug]} — "
                                 "ge raderna olika slug eller titel")]
    seen[slug] = number
    if slug in existing and not replace:
        return None, [RowProblem(number, column, f"{FOLDER}/{slug}.md finns redan — välj ett annat slug, "
                                 "eller kör med --replace för att skriva över befintliga filer")]
    return slug, []


def _data(cells: dict) -> dict:
    """The row's values nested as in a content file; empty cells left out."""
    data: dict = {}
    for column, path in COLUMNS.items():
        value = cells.get(column)
        if value is None:
            continue
        target = data
        for part in path[:-1]:
            target = target.setdefault(part, {})
        target[path[-1]] = _cell(column, value)
    return data


# The order of fields in a written file: the contract's order.
FIELD_ORDER = ("title", "summary", "title_en", "summary_en", "owner", "municipality", "sector", "status", "status_note", "amount_msek",
               "amount_year", "jobs", "location", "years", "url", "reviewed", "source", "draft", "notes")


# Fields the spreadsheet has no column for: a file replaced from it keeps them as they were
# (the editors' notes, and the English title and summary shown on /en/).
KEPT_ON_REPLACE = ("notes", "title_en", "summary_en")


def _yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if ID_PATTERN.match(text) and text not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def content_file(item, body: str = "") -> str:
    """The item as a content file: front matter in the contract's order, then the body."""
    data = item.model_dump(exclude_none=True, exclude_defaults=True)
    lines = ["---"]
    for name in FIELD_ORDER:
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, dict):
            lines.append(f"{name}:")
            lines.extend(f"  {key}: {_yaml_value(sub)}" for key, sub in value.items() if sub is not None)
        else:
            lines.append(f"{name}: {_yaml_value(value)}")
    lines.append("---")
    text = "\n".join(lines) + "\n"
    return text + (body.strip() + "\n" if body.strip() else "")


def write_files(root: Path, result: ImportResult) -> list[Path]:
    """Write every prepared file, but only when no row had a problem."""
    if not result.ok:
        return []
    written = []
    for relative, text in sorted(result.files.items()):
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def import_file(path: Path, root: Path, today: dt.date, replace: bool = False) -> ImportResult:
    header, rows = read_table(path)
    return import_rows(root, header, rows, today, replace)
