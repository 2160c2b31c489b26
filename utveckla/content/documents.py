"""Documents that items link to (the project's results): a file under docs/ or an address elsewhere.

A local file is inspected once per build: its size, and for a PDF (read with pypdf) its page
count and whether assistive technology can read it: tagged (a structure tree, /MarkInfo
/Marked true), with a document title and a language. What a PDF lacks is published as a note
on its page and reported to the editor as a warning; it does not stop the build, since the
accessibility law (DOS-lagen) lets the site offer an accessible version on request.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BeforeValidator, WithJsonSchema

from .fields import _fail, check_web_url
from .images import docs_path
from .swedish import and_list, count_text, swedish_number

# The file types a result may be, with the name a visitor knows them by. Office files are
# listed with type and size like a PDF; only PDFs can be inspected for tags.
DOCUMENT_TYPES = {".pdf": "PDF", ".docx": "Word", ".pptx": "PowerPoint", ".xlsx": "Excel"}
SUFFIXES = [suffix.lstrip(".") for suffix in DOCUMENT_TYPES]
SUFFIX_WORDS = ", ".join(SUFFIXES[:-1]) + " eller " + SUFFIXES[-1]  # "pdf, docx, pptx eller xlsx"
# Where editors put them (a suggestion in messages and the guide; any folder under docs/ works).
DOCUMENT_FOLDER = "dokument"
# What a PDF can lack, in the words of the warning and the page note.
NOT_TAGGED = "taggar (rubriker, läsordning och alternativtexter för skärmläsare)"
NO_TITLE = "dokumenttitel"
NO_LANGUAGE = "angivet språk"
PDF_FIX = ("spara om dokumentet som tillgänglig PDF (i Word: Spara som > PDF > Alternativ > "
           "Dokumentstrukturtaggar för hjälpmedel) med titel och språk i dokumentets egenskaper; "
           "till dess säger sidan att en tillgänglig version kan beställas")


def is_address(value: str) -> bool:
    return urlsplit(value).scheme.lower() in ("http", "https")


def check_document(value: object) -> str:
    """`dokument/rapport.pdf` (from docs/) or a full https:// address."""
    if not isinstance(value, str) or not value.strip():
        raise _fail("fel-typ", "dokumentet är inte angivet som text",
                    f"skriv sökvägen från docs/, till exempel {DOCUMENT_FOLDER}/rapport.pdf, eller en adress med https://")
    text = value.strip()
    if is_address(text):
        return check_web_url(text)
    path = docs_path(text)
    if not path or ".." in path.split("/") or ":" in path:
        raise _fail("dokument-saknas", f"sökvägen {text} pekar utanför mappen docs",
                    f"skriv sökvägen från mappen docs, till exempel {DOCUMENT_FOLDER}/rapport.pdf")
    if Path(path).suffix.lower() not in DOCUMENT_TYPES:
        raise _fail("dokumenttyp", f"{text} är inte en filtyp som kan publiceras som resultat",
                    f"spara dokumentet som {SUFFIX_WORDS}, "
                    "eller länka till det med en adress som börjar med https://")
    return path


DocumentRef = Annotated[str, BeforeValidator(check_document), WithJsonSchema({"type": "string", "anyOf": [
    {"pattern": r"^https?://[^\s]+\.[^\s]+$"},
    # JSON Schema's regular expressions (ECMA-262) have no case flag: both cases are listed.
    {"pattern": rf"^[^:\s][^:]*\.({'|'.join(SUFFIXES + [s.upper() for s in SUFFIXES])})$"},
]})]


@dataclass(frozen=True)
class Document:
    href: str  # a full address, or the path under docs/ (which is also its path on the site)
    external: bool
    type_label: str | None  # "PDF", "Word" …; None for an address that is not a known file type
    size_bytes: int | None = None
    pages: int | None = None
    lacks: tuple[str, ...] = ()  # what makes a PDF hard to read with assistive technology

    @property
    def host(self) -> str:
        host = urlsplit(self.href).hostname or ""
        return host.removeprefix("www.")

    @property
    def accessible(self) -> bool:
        return not self.lacks


def size_text(size: int) -> str:
    """2 100 000 → '2,1 MB', 340 000 → '340 kB' (1 kB = 1 000 byte, as the site's other figures)."""
    if size >= 1_000_000:
        return f"{swedish_number(round(size / 1_000_000, 1))} MB"
    return f"{max(1, round(size / 1000))} kB"


def pages_text(pages: int) -> str:
    return count_text(pages, "sida", "sidor")


def link_text(kind_label: str, document: Document) -> str:
    """What the link to a document says: 'Rapport (PDF, 2,1 MB, 34 sidor)'; for a document on
    another site, its type if the address shows it, and where it is."""
    if document.external:
        what = f"{document.type_label} på {document.host}" if document.type_label else f"på {document.host}"
        return f"{kind_label} ({what})"
    parts = [document.type_label or "fil"]
    if document.size_bytes is not None:
        parts.append(size_text(document.size_bytes))
    if document.pages:
        parts.append(pages_text(document.pages))
    return f"{kind_label} ({', '.join(parts)})"


def file_problem(root: Path, path: str) -> tuple[str, str, str] | None:
    """(code, problem, fix) when a validated local path is not a file under docs/ that can be read."""
    file = root / "docs" / path
    if not file.is_file() or not file.resolve().is_relative_to((root / "docs").resolve()):
        near = sorted(p.relative_to(root / "docs").as_posix() for p in file.parent.glob("*")
                      if p.is_file() and p.name.lower() == file.name.lower()) if file.parent.is_dir() else []
        hint = f"menade du {near[0]}? Stora och små bokstäver räknas" if near else \
            f"ladda upp filen till docs/{DOCUMENT_FOLDER}/ och kontrollera stavningen i sökvägen"
        return ("dokument-saknas", f"filen docs/{path} finns inte", hint)
    if file.suffix.lower() == ".pdf" and _pdf_facts(str(file), *_stamp(file)) is None:
        return ("dokumenttyp", f"docs/{path} går inte att läsa som PDF (filen är skadad eller lösenordsskyddad)",
                "spara dokumentet som PDF på nytt, utan lösenord, och ladda upp det igen")
    return None


def inspect(root: Path, value: str) -> Document:
    """The document a validated `document` value names (file_problem has found no problem)."""
    suffix = Path(urlsplit(value).path).suffix.lower()
    if is_address(value):
        return Document(value, True, DOCUMENT_TYPES.get(suffix))
    file = root / "docs" / value
    facts = _pdf_facts(str(file), *_stamp(file)) if suffix == ".pdf" else None
    pages, lacks = facts if facts else (None, ())
    return Document(value, False, DOCUMENT_TYPES.get(suffix), file.stat().st_size, pages, lacks)


def _stamp(file: Path) -> tuple[int, int]:
    status = file.stat()
    return status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=256)
def _pdf_facts(path: str, mtime: int, size: int) -> tuple[int, tuple[str, ...]] | None:
    """(pages, what it lacks) for a PDF, or None when it cannot be read. Cached per file
    version, so `make serve` reads each PDF once, not at every rebuild."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            return None
        catalog = reader.root_object
        mark_info = catalog.get("/MarkInfo")
        marked = mark_info.get_object().get("/Marked") if mark_info is not None else None
        lacks = []
        # /Marked is a pypdf BooleanObject (its .value is the bool); anything else is not "true".
        if "/StructTreeRoot" not in catalog or getattr(marked, "value", None) is not True:
            lacks.append(NOT_TAGGED)
        title = reader.metadata.title if reader.metadata else None
        if not (isinstance(title, str) and title.strip()):
            lacks.append(NO_TITLE)
        lang = catalog.get("/Lang")
        if not (isinstance(lang, str) and lang.strip()):
            lacks.append(NO_LANGUAGE)
        return len(reader.pages), tuple(lacks)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError):
        return None


def lacks_text(lacks: tuple[str, ...]) -> str:
    """('taggar …', 'dokumenttitel') → 'taggar … och dokumenttitel'."""
    return and_list(list(lacks))
