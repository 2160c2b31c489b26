"""The validated site: immutable entries per collection, the vocabularies and the build date."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from .models import PageText

STOCKHOLM = ZoneInfo("Europe/Stockholm")


# Items whose pages live under another URL prefix than their collection's folder name.
# `evenemang` is the calendar: its pages are /kalender/<slug>/ (the old /evenemang/<slug>/
# addresses redirect there, see pages.calendar_files); the project's results belong to the
# page about the project, /om-projektet/.
URL_PREFIX = {"evenemang": "kalender", "resultat": "om-projektet/resultat"}


class BuildDateError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a moment the build can use (message in Swedish)."""


def build_now() -> dt.datetime:
    """The build's moment: from SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC).astimezone(STOCKHOLM)
    try:
        # A whole number of seconds since 1970 (reproducible-builds.org); the check's date
        # range applies, so that no date computed from it runs past Python's calendar.
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if not 1970 <= moment.year <= 2100:
            raise ValueError
    except (ValueError, OverflowError, OSError):
        raise BuildDateError(
            f"miljövariabeln SOURCE_DATE_EPOCH är ”{epoch[:40]}”, men den ska vara ett heltal: sekunder sedan "
            "1970-01-01 (till exempel $(git log -1 --format=%ct)), för en dag mellan 1970 och 2100 — "
            "rätta värdet eller ta bort variabeln") from None
    return moment.astimezone(STOCKHOLM)


def build_date() -> dt.date:
    """The build's "today" in Sweden."""
    return build_now().date()


# The model class of an entry's data (models.Offer, models.Event, …).
ItemT = TypeVar("ItemT", covariant=True)


@dataclass(frozen=True)
class Entry(Generic[ItemT]):
    collection: str
    slug: str
    path: str  # source file, relative to the project root
    data: ItemT  # the validated model instance
    body: str  # Markdown
    body_line: int

    @property
    def url(self) -> str:
        return f"{URL_PREFIX.get(self.collection, self.collection)}/{self.slug}/"


@dataclass(frozen=True, eq=False)  # compared by identity, so views can cache per Site
class Site:
    today: dt.date
    taxonomy: dict[str, dict[str, str]]
    entries: dict[str, tuple[Entry[Any], ...]]
    # The build's moment, for what is already over (events). None: the start of `today`.
    now: dt.datetime | None = None
    # Groups of words the finders treat as the same (content/synonymer.yml, synonyms.py).
    synonyms: tuple[tuple[str, ...], ...] = ()
    # The organisers' event feeds (content/kallor.yml, sources.py), for the importer and the calendar.
    sources: tuple = ()
    # The listing pages' titles, descriptions and intros by page key (content/sidor.yml, pagetexts.py).
    page_texts: dict[str, PageText] = field(default_factory=dict)
    # Each result's document as inspected at load time (documents.Document), by slug.
    documents: dict[str, Any] = field(default_factory=dict)
    # Problems that do not stop the build (a PDF that is not accessible), as diagnostics.
    warnings: tuple = ()

    @property
    def moment(self) -> dt.datetime:
        return self.now or dt.datetime.combine(self.today, dt.time(), STOCKHOLM)

    def get(self, collection: str, slug: str) -> Entry[Any] | None:
        return self._index.get((collection, slug))

    @cached_property
    def _index(self) -> dict[tuple[str, str], Entry[Any]]:
        return {(e.collection, e.slug): e for entries in self.entries.values() for e in entries}

    def label(self, vocabulary: str, term: str) -> str:
        return self.taxonomy.get(vocabulary, {}).get(term, term)
