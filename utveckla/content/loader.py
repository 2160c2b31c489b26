"""Reading content files: front matter with line numbers, and the Markdown body.

Nothing here knows about a particular collection; problems with the file itself (encoding,
missing `---`, tabs, YAML syntax, duplicate keys, bad or clashing file names) become
diagnostics, and the file is then skipped by the later passes.
"""

from __future__ import annotations

import difflib
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .characters import INVISIBLE, control_characters, invisible_in_key, invisible_in_structure
from .diagnostics import Diagnostic, field_label
from .paging import is_taken
from .yamlsafe import ALIAS_PROBLEM, DEPTH_PROBLEM, TAG_PROBLEM, Located, YamlProblem, load_located

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
    source_lines: list[str] = field(default_factory=list)  # the file's lines, for messages that quote them

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
    # Slugs of files that exist but could not be read: their problem is already reported, so
    # references to them are not reported again as "finns inte" in other files.
    unreadable: set[str] = field(default_factory=set)


class Unreadable(Exception):
    """A file that is not read, with the diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.problem)
        self.diagnostic = diagnostic


def read_text_file(root: Path, file: Path, relative: str) -> str:
    """A content file's text: only a regular file inside the project, within the size limit, in UTF-8.

    A symbolic link may point at another file in the project, but not out of it (a pull
    request could otherwise publish /etc/passwd or a file from the build machine), and never
    at a device or a pipe, which would make the check read forever.
    """
    def refuse(code: str, problem: str, fix: str, line: int = 1) -> Unreadable:
        return Unreadable(Diagnostic(relative, line, "fil", code, problem, fix))

    try:
        target = file.resolve(strict=True)
        status = target.stat()
    except (OSError, RuntimeError):  # a dangling or looping symbolic link
        raise refuse("felaktig-fil", "filen går inte att öppna (en länk som pekar på något som inte finns?)",
                     "ersätt länken med en vanlig fil") from None
    if not target.is_relative_to(root.resolve()):
        raise refuse("felaktig-fil", "filen är en länk till något utanför projektet och läses inte",
                     "lägg en vanlig fil här i stället för länken")
    if not stat.S_ISREG(status.st_mode):
        raise refuse("felaktig-fil", "det här är ingen vanlig fil (en enhet, en pipe eller en socket) och läses inte",
                     "ta bort den och lägg en vanlig textfil här")
    if status.st_size > MAX_FILE_BYTES:
        raise _too_large(relative, status.st_size)
    try:
        with open(target, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # the size may change between stat and read
    except OSError:
        raise refuse("felaktig-fil", "filen går inte att läsa (saknas behörighet?)",
                     "kontrollera att filen är en vanlig fil som du kan öppna i en textredigerare") from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_large(relative, len(raw))
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark from Windows editors is fine
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise refuse("ej-utf8", "filen innehåller tecken som inte är UTF-8",
                     "spara filen som UTF-8 (i de flesta redigerare: Spara som → Kodning: UTF-8)", line) from None


def read_yaml_file(root: Path, relative: str, fix: str, diagnostics: list[Diagnostic]) -> Located | None:
    """A YAML file of content/ besides the collections (taxonomier.yml, synonymer.yml), read by the
    same rules as front matter; None, with the reason in diagnostics, when it cannot be read."""
    try:
        text = read_text_file(root, root / relative, relative)
    except Unreadable as unreadable:
        diagnostics.append(unreadable.diagnostic)
        return None
    controls = control_character_problems(relative, text.split("\n"))
    if controls:
        diagnostics.extend(controls)
        return None
    try:
        return load_located(text)
    except YamlProblem as problem:
        diagnostics.append(Diagnostic(relative, problem.line, "fil", "yaml-syntax",
                                      f"raden går inte att läsa: {yaml_problem_in_swedish(problem.problem)}", fix))
        return None


def _too_large(relative: str, size: int) -> Unreadable:
    return Unreadable(Diagnostic(
        relative, 1, "fil", "for-stor",
        f"filen är {size / 1_000_000:.1f}".replace(".", ",") + f" MB, högst {MAX_FILE_BYTES // 1_000_000} MB är tillåtet",
        "korta texten eller dela upp den på flera sidor; bilder och bilagor läggs i docs/ och länkas",
    ))


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
    (TAG_PROBLEM, TAG_PROBLEM),
)
YAML_FIX = "kontrollera indrag, kolon efter fältnamnet och citattecken runt text med kolon i"
YAML_FIXES = {
    ALIAS_PROBLEM: "skriv ut värdet på varje ställe där det behövs, eller sätt citattecken runt text som börjar med & eller *",
    DEPTH_PROBLEM: "skriv fälten som i fältreferensen: listor och underfält i högst ett par nivåer",
    TAG_PROBLEM: "ta bort taggen och skriv värdet som i fältreferensen (true/false, ett tal eller en text); "
                 "sätt citattecken runt text som börjar med !",
}


def yaml_problem_in_swedish(problem: str) -> str:
    for english, swedish in YAML_PROBLEMS:
        if english in problem:
            return swedish
    return "YAML-syntaxen är fel på den här raden eller raden före"


def read_collection(root: Path, collection: str, reserved: tuple[str, ...] = ()) -> LoadResult:
    """Read every file of one collection folder (content/<collection>/).

    reserved: file names (without .md) that belong to other pages on the site.
    """
    result = LoadResult()
    folder = root / "content" / collection
    # The exact name only: on macOS and Windows content/Stod/ would open as content/stod/ here
    # and then be missing on the Linux build machine. content_folder_problems() names it.
    if collection not in _names_in(root / "content") or not folder.is_dir():
        return result
    if not folder.resolve().is_relative_to(root.resolve()):
        result.diagnostics.append(Diagnostic(
            f"content/{collection}", 1, "fil", "felaktig-fil",
            "mappen är en länk till något utanför projektet och läses inte",
            f"lägg filerna i en vanlig mapp content/{collection}/"))
        return result
    seen_lower: dict[str, str] = {}
    for file in sorted(folder.iterdir()):
        relative = printable_path(file.relative_to(root).as_posix())
        if file.name in IGNORED_NAMES:
            continue
        if file.name.startswith(".") and file.suffix != ".md":
            continue  # editors' and tools' hidden files (.~lock, .swp); a hidden .md is reported below
        if relative != file.relative_to(root).as_posix():
            result.diagnostics.append(Diagnostic(
                relative, 1, "filnamn", "ogiltigt-filnamn",
                "filnamnet är inte skrivet i UTF-8 och kan inte bli en webbadress",
                "döp om filen med a–z, 0–9 och bindestreck, till exempel mikrolan.md",
            ))
            continue
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
        if is_taken(stem, reserved):
            result.diagnostics.append(Diagnostic(
                relative, 1, "filnamn", "namnkrock",
                f"filnamnet {stem}.md är upptaget av en annan sida på webbplatsen",
                f"döp om filen, till exempel till {stem}-{collection}.md"))
            continue
        item = read_item(root, file, relative, collection, stem, result.diagnostics)
        if item is not None:
            result.items.append(item)
        else:
            result.unreadable.add(stem)
    return result


# Files that operating systems and git put in folders by themselves.
IGNORED_NAMES = frozenset({".DS_Store", ".gitkeep", ".keep", "Thumbs.db", "desktop.ini"})


def printable_path(path: str) -> str:
    """A path as it can be printed: a file name in another encoding than UTF-8 (which Python
    reads with surrogate escapes) would otherwise crash the report."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _names_in(folder: Path) -> set[str]:
    try:
        return {entry.name for entry in folder.iterdir()}
    except OSError:
        return set()


def content_folder_problems(root: Path, collections: list[str], files: tuple[str, ...]) -> list[Diagnostic]:
    """Everything directly in content/ that is neither a collection folder nor a known file.

    Nothing is ignored without a word: a folder content/nyheter/ or content/Stod/ would
    otherwise be skipped while the check says that all is well.
    """
    diagnostics = []
    by_folded = {name.casefold(): name for name in collections}
    for name in sorted(_names_in(root / "content")):
        entry = root / "content" / name
        if name in IGNORED_NAMES or name in files or name in collections:
            continue
        if name.startswith(".") and not name.endswith(".md") and not entry.is_dir():
            continue  # hidden files of editors and tools
        relative = printable_path(f"content/{name}")
        if entry.is_dir():
            right = by_folded.get(name.casefold())
            close = right or next(iter(difflib.get_close_matches(name.lower(), collections, n=1)), None)
            problem = (f"mappen ”{name}” heter {right}/ med små bokstäver; som den heter nu läses den inte" if right else
                       f"mappen ”{name}” är ingen samling och filerna i den läses inte")
            fix = (f"byt namn på mappen till content/{right}/" if right else
                   (f"flytta filerna till content/{close}/ om det var den som menades; " if close else "flytta filerna till ")
                   + f"samlingarna är: {', '.join(collections)}")
            diagnostics.append(Diagnostic(relative + "/", 1, "fil", "felaktig-fil", problem, fix))
        else:
            diagnostics.append(Diagnostic(
                relative, 1, "fil", "felaktig-fil", "filen ligger direkt i content/ och används inte",
                f"lägg den i en av samlingarnas mappar ({', '.join(collections)}); bilder och bilagor i docs/"))
    return diagnostics


def read_item(root: Path, file: Path, relative: str, collection: str, slug: str,
              diagnostics: list[Diagnostic]) -> RawItem | None:
    try:
        text = read_text_file(root, file, relative)
    except Unreadable as unreadable:
        diagnostics.append(unreadable.diagnostic)
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
    controls = control_character_problems(relative, lines)
    diagnostics.extend(controls)
    if any(problem.line - 1 <= end for problem in controls):
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
    return RawItem(collection, slug, relative, data, shifted, body, end + 2, lines)


def control_character_problems(relative: str, lines: list[str]) -> list[Diagnostic]:
    """A styrtecken problem on every line with a control character, noncharacter or direction override."""
    return [Diagnostic(relative, index + 1, "fil", "styrtecken", f"raden innehåller ett osynligt {what}",
                       "ta bort tecknet: skriv om raden för hand i stället för att klistra in den")
            for index, what in control_characters(lines)]


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
