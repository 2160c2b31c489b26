"""The project's results (`resultat`): what the check asks of them, and what the pages show.

A result is published on /om-projektet/resultat/ with its document. The body is the plain-
language summary, of at least three sentences (Collection.extra["min_sentences"]), since a
visitor who cannot open the document must still learn what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import documents, news
from .collections import Collection
from .diagnostics import Diagnostic
from .documents import Document
from .loader import RawItem
from .models import DOCUMENT_LANGUAGES, Item, Result
from .site import Entry, Site

COLLECTION = "resultat"
LISTING_URL = "om-projektet/resultat/"
FEED_PATH = "om-projektet/resultat/feed.xml"
# A sentence ends with . ! or ? before a space or the end, and the next one starts with a
# capital letter or a digit: "t.ex. rapporten" stays one sentence.
SENTENCE_END = re.compile(r"[.!?…]+[\"”’)]*(?=\s+[\"”(]*[A-ZÅÄÖÉ0-9]|\s*$)")
MARKUP = re.compile(r"^\s{0,3}(?:#+|[-*+]|\d+[.)]|>)\s+|[*_`]+|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>", re.MULTILINE)


def count_sentences(body: str) -> int:
    """Sentences in a Markdown body, roughly as a reader counts them (headings are not sentences)."""
    prose = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("#"))
    text = " ".join(MARKUP.sub(lambda m: m.group(1) or "", prose).split())
    return len([part for part in SENTENCE_END.split(text) if len(part.split()) >= 2])


def body_problems(raw: RawItem, collection: Collection) -> list[Diagnostic]:
    """A collection whose pages need a written summary: at least min_sentences sentences."""
    wanted = collection.extra.get("min_sentences", 0)
    found = count_sentences(raw.body) if wanted else 0
    if found >= wanted:
        return []
    said = "ingen brödtext" if not raw.body.strip() else f"{found} {'mening' if found == 1 else 'meningar'}"
    line = raw.body_line if raw.body.strip() else max(1, raw.body_line - 1)
    return [Diagnostic(raw.path, line, "brödtext", "for-fa-meningar",
                       f"sammanfattningen under den avslutande --- har {said}, minst {wanted} krävs",
                       f"skriv minst {wanted} meningar på enkel svenska under den avslutande ---: vad resultatet är, "
                       "vem det är till för och vad det visar eller föreslår")]


def document_problems(root: Path, raw: RawItem) -> list[Diagnostic]:
    """The `document` file: it exists under docs/ and, if a PDF, can be read."""
    value = raw.data.get("document")
    if raw.collection != COLLECTION or not isinstance(value, str) or documents.is_address(value.strip()):
        return []
    try:
        path = documents.check_document(value)
    except ValueError:
        return []  # the model reports the form
    problem = documents.file_problem(root, path)
    return [Diagnostic(raw.path, raw.line_of(("document",)), "document", *problem)] if problem else []


def inspect_documents(root: Path, pairs: list[tuple[RawItem, Item]]) -> tuple[dict[str, Document], list[Diagnostic]]:
    """Each result's document (the check found it usable), and a warning for each PDF that is
    not accessible, on the line of its `document` field."""
    found: dict[str, Document] = {}
    warnings = []
    for raw, result in pairs:
        assert isinstance(result, Result)
        document = documents.inspect(root, result.document)
        found[raw.slug] = document
        if document.lacks:
            warnings.append(Diagnostic(raw.path, raw.line_of(("document",)), "document", "pdf-tillganglighet",
                                       f"PDF-filen docs/{document.href} saknar {documents.lacks_text(document.lacks)}",
                                       documents.PDF_FIX))
    return found, warnings


@dataclass(frozen=True)
class ResultCard:
    entry: Entry
    title: str
    summary: str
    url: str
    kind_id: str
    kind_label: str
    year: int
    theme: str | None
    language: str  # "sv" or "en"
    language_label: str
    document: Document
    link_text: str
    announced_in: Entry | None  # the published news item that tells about it


def result_cards(site: Site) -> list[ResultCard]:
    """Every published result, newest first; the same day by title, so builds repeat."""
    cards = []
    for entry in site.entries.get(COLLECTION, ()):
        result = entry.data
        label = site.label("resultattyper", result.kind)
        document = site.documents.get(entry.slug) or Document(result.document, documents.is_address(result.document), None)
        article = site.get("aktuellt", result.news) if result.news else None
        cards.append(ResultCard(
            entry=entry, title=result.title, summary=result.summary, url=entry.url, kind_id=result.kind,
            kind_label=label, year=result.date.year, theme=result.theme, language=result.language,
            language_label=DOCUMENT_LANGUAGES[result.language], document=document,
            link_text=documents.link_text(label, document),
            announced_in=article if article and news.is_published(article, site) else None,
        ))
    return sorted(cards, key=lambda c: (-c.entry.data.date.toordinal(), c.title))


def facet_options(site: Site, cards: list[ResultCard]) -> dict[str, list[tuple[str, str]]]:
    """Kinds that some result has, in vocabulary order, and years, newest first."""
    kinds = {c.kind_id for c in cards}
    return {
        "sort": [(k, v) for k, v in site.taxonomy.get("resultattyper", {}).items() if k in kinds],
        "ar": [(str(year), str(year)) for year in sorted({c.year for c in cards}, reverse=True)],
    }


def results_announced_in(site: Site, article: Entry) -> list[ResultCard]:
    """The results a news item tells about (their `news` names it)."""
    return [c for c in result_cards(site) if c.entry.data.news == article.slug]
