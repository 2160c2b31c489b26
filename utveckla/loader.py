"""Reading content files: front matter with line numbers, and the Markdown body.

Nothing here knows about a particular collection; problems with the file itself (encoding,
missing `---`, tabs, YAML syntax, duplicate keys, bad or clashing file names) become
diagnostics, and the file is then skipped by the later passes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .characters import INVISIBLE, control_characters, invisible_in_key, invisible_in_structure
from .diagnostics import Diagnostic, field_label
from .yamlsafe import ALIAS_PROBLEM, DEPTH_PROBLEM, YamlProblem, load_located

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TRANSLITERATION = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})
# Larger files are refused before they are read as text: the longest real item is a few kB,
# and a build must not be slowed down or stopped by one pasted document.
MAX_FILE_BYTES = 1_000_000


@dataclass
class RawItem:
    """One content file after reading: values, the line of every field, and the body."""

    collection: str
    slug: str
    path: str  # relative, forward slashes, e.g. content/stod/almi-mikrolan.md
    data: dict
    lines: dict[tuple, int]
    body: str
    body_line: int  # line on which the body starts

    def line_of(self, path: tuple) -> int:
        """The line of a field, or of its nearest parent that has one (a missing field: line 1)."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


@dataclass
class LoadResult:
    items: list[RawItem] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def suggest_slug(name: str) -> str:
    """A valid slug for a file name or title: å/ä/ö transliterated, the rest made safe."""
    # NFC first: macOS writes "å" in file names as "a" plus a combining ring (NFD).
    lowered = unicodedata.normalize("NFC", name).lower().translate(TRANSLITERATION)
    return re.sub(r"[^a-z0-9]+", "-", lowered).strip("-")


# PyYAML's messages are English and technical; editors get the likely cause in Swedish.
YAML_PROBLEMS = (
    ("expected ',' or ']'", "en lista inom [ ] saknar avslutande ]"),
    ("expected ',' or '}'", "en grupp inom { } saknar avslutande }"),
    ("mapping values are not allowed", "ett kolon står på fel ställe (text med kolon behöver citattecken)"),
    ("could not find expected ':'", "kolon saknas efter ett fältnamn"),
    ("cannot start any token", "värdet börjar med ett tecken som kräver citattecken runt texten"),
    ("unexpected end of stream", "ett citattecken är inte avslutat"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("did not find expected key", "indraget stämmer inte med raderna ovanför"),
    ("did not find expected '-'", "en rad i listan saknar - först"),
    ("found undefined alias", "ett värde börjar med * (sätt citattecken runt texten)"),
    ("expected alphabetic or numeric character", "ett värde börjar med * eller & (sätt citattecken runt texten)"),
    ("found undefined tag handle", "ett värde börjar med ! (sätt citattecken runt texten)"),
    (ALIAS_PROBLEM, ALIAS_PROBLEM),
    (DEPTH_PROBLEM, DEPTH_PROBLEM),
)
YAML_FIX = "kontrollera indrag, kolon efter fältnamnet och citattecken runt text med kolon i"
YAML_FIXES = {
    ALIAS_PROBLEM: "skriv ut värdet på varje ställe där det behövs, eller sätt citattecken runt text som börjar med & eller *",
    DEPTH_PROBLEM: "skriv fälten som i fältreferensen: listor och underfält i högst ett par nivåer",
}


def yaml_problem_in_swedish(problem: str) -> str:
    for english, swedish in YAML_PROBLEMS:
        if english in problem:
            return swedish
    return f"YAML-fel ({problem})"


def read_collection(root: Path, collection: str) -> LoadResult:
    """Read every file of one collection folder (content/<collection>/)."""
    result = LoadResult()
    folder = root / "content" / collection
    if not folder.is_dir():
        return result
    seen_lower: dict[str, str] = {}
    for file in sorted(folder.iterdir()):
        relative = file.relative_to(root).as_posix()
        if file.name.startswith("."):
            continue  # .DS_Store, .gitkeep and editors' hidden files
        if file.is_dir():
            result.diagnostics.append(Diagnostic(
                relative, 1, "fil", "felaktig-fil",
                f"mappen ”{file.name}” läses inte: varje fil ska ligga direkt i content/{collection}/",
                f"flytta filerna i mappen till content/{collection}/, eller lägg bilder och bilagor i docs/",
            ))
            continue
        if file.suffix != ".md":
            result.diagnostics.append(Diagnostic(
                relative, 1, "fil", "felaktig-fil",
                "filen är inte en Markdown-fil (.md) och används inte",
                "byt filändelse till .md, eller flytta filen till docs/ om det är en bild eller bilaga",
            ))
            continue
        stem = file.stem
        clash = seen_lower.get(stem.lower())
        if clash is not None:
            result.diagnostics.append(Diagnostic(
                relative, 1, "filnamn", "namnkrock",
                f"filnamnet skiljer sig bara i stora och små bokstäver från {clash}",
                "ge filerna olika namn eller ta bort den ena; webbadressen måste vara unik",
            ))
            continue
        seen_lower[stem.lower()] = relative
        if not SLUG_PATTERN.match(stem):
            result.diagnostics.append(Diagnostic(
                relative, 1, "filnamn", "ogiltigt-filnamn",
                f"filnamnet ”{stem}” får bara innehålla a–z, 0–9 och bindestreck",
                f"döp om filen till {suggest_slug(stem) or 'ett-namn'}.md",
            ))
            continue
        item = read_item(file, relative, collection, stem, result.diagnostics)
        if item is not None:
            result.items.append(item)
    return result


def read_item(file: Path, relative: str, collection: str, slug: str,
              diagnostics: list[Diagnostic]) -> RawItem | None:
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        diagnostics.append(Diagnostic(
            relative, 1, "fil", "for-stor",
            f"filen är {size / 1_000_000:.1f}".replace(".", ",") + f" MB, högst {MAX_FILE_BYTES // 1_000_000} MB är tillåtet",
            "korta texten eller dela upp den på flera sidor; bilder och bilagor läggs i docs/ och länkas",
        ))
        return None
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from Windows editors is fine
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        diagnostics.append(Diagnostic(
            relative, line, "fil", "ej-utf8",
            "filen innehåller tecken som inte är UTF-8",
            "spara filen som UTF-8 (i de flesta redigerare: Spara som → Kodning: UTF-8)",
        ))
        return None
    return parse_item(text, relative, collection, slug, diagnostics)


def parse_item(text: str, relative: str, collection: str, slug: str,
               diagnostics: list[Diagnostic]) -> RawItem | None:
    """Split front matter from body and parse it; None (with diagnostics) when impossible."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not text.strip():
        diagnostics.append(Diagnostic(
            relative, 1, "fil", "tom-fil", "filen är tom",
            "skriv fälten mellan två rader med --- överst, eller ta bort filen",
        ))
        return None
    if lines[0].rstrip() != "---":
        diagnostics.append(Diagnostic(
            relative, 1, "fil", "saknar-start", "första raden ska vara ---",
            "lägg till en rad med bara --- överst i filen, före fälten",
        ))
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        diagnostics.append(Diagnostic(
            relative, len(lines), "fil", "saknar-slut",
            "den avslutande raden --- efter fälten saknas",
            "lägg till en rad med bara --- efter det sista fältet, före brödtexten",
        ))
        return None
    front = lines[1:end]
    controls = control_characters(lines)
    for index, what in controls:
        diagnostics.append(Diagnostic(
            relative, index + 1, "fil", "styrtecken", f"raden innehåller ett osynligt {what}",
            "ta bort tecknet: skriv om raden för hand i stället för att klistra in den",
        ))
    if any(index <= end for index, _ in controls):
        return None  # the front matter cannot be trusted; a body-only problem still lets it be checked
    tab_lines = [i + 2 for i, line in enumerate(front) if "\t" in line]
    for line in tab_lines:
        diagnostics.append(Diagnostic(
            relative, line, "fil", "tabb", "raden innehåller ett tabbtecken",
            "byt tabben mot mellanslag (YAML tillåter bara mellanslag för indrag)",
        ))
    if tab_lines:
        return None
    try:
        located = load_located("\n".join(front))
    except YamlProblem as problem:
        if _report_invisible(front, relative, diagnostics):
            return None
        line = problem.line
        if problem.problem == DEPTH_PROBLEM and front:  # the parser gives no line: the deepest one
            line = 1 + max(range(len(front)), key=lambda i: _nesting(front[i]))
        diagnostics.append(Diagnostic(
            relative, line + 1, "fil", "yaml-syntax",
            f"raden går inte att läsa: {yaml_problem_in_swedish(problem.problem)}",
            YAML_FIXES.get(problem.problem, YAML_FIX),
        ))
        return None
    data = located.value if located.value is not None else {}
    if not isinstance(data, dict) and _report_invisible(front, relative, diagnostics):
        return None
    if not isinstance(data, dict):
        diagnostics.append(Diagnostic(
            relative, 2, "fil", "inte-mappning", "fälten överst ska skrivas som namn: värde",
            "skriv ett fält per rad, till exempel title: Mikrolån",
        ))
        return None
    for path, line in located.duplicate_keys:
        diagnostics.append(Diagnostic(
            relative, line + 1, field_label(path), "dubbelt-falt",
            "fältet står mer än en gång", "ta bort den ena raden så att bara ett värde finns kvar",
        ))
    odd_keys = [(path, line, what) for path, line in located.lines.items()
                if path and isinstance(path[-1], str) and (what := invisible_in_key(path[-1]))]
    for path, line, what in odd_keys:
        diagnostics.append(Diagnostic(
            relative, line + 1, field_label(tuple(_visible(part) for part in path)), "osynligt-tecken",
            f"fältnamnet innehåller ett {what}, som ofta följer med när text klistras in",
            "skriv om fältnamnet och mellanslagen före det för hand",
        ))
    if odd_keys:
        return None
    shifted = {path: line + 1 for path, line in located.lines.items()}  # +1 for the first ---
    body = "\n".join(lines[end + 1:])
    return RawItem(collection, slug, relative, data, shifted, body, end + 2)


def _nesting(line: str) -> int:
    return line.count("[") + line.count("{") + len(line) - len(line.lstrip(" "))


def _visible(part: object) -> object:
    return "".join(char for char in part if char not in INVISIBLE).strip() if isinstance(part, str) else part


def _report_invisible(front: list[str], relative: str, diagnostics: list[Diagnostic]) -> bool:
    """When YAML failed: a non-breaking or zero-width space in the structure is the likely cause."""
    found = False
    for index, line in enumerate(front):
        what = invisible_in_structure(line)
        if what:
            found = True
            diagnostics.append(Diagnostic(
                relative, index + 2, "fil", "osynligt-tecken",
                f"raden har ett {what} i indraget, fältnamnet eller direkt efter kolon",
                "skriv om början av raden för hand med vanliga mellanslag",
            ))
    return found
