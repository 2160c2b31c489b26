"""`make import-events`: the organisers' feeds in content/kallor.yml into content/evenemang/.

For every source: fetch (fetch.py), read (feed_parsers.py), keep what is coming within six
months and matches the source's keywords, and write one event file per event by the contract.

- The source's UID (or address plus start) is kept in `imported.uid`, so the next run finds the
  same file and updates it; a file whose text differs from its `imported.checksum` was changed
  by an editor since the import, and is never overwritten (the summary shows the difference).
- Files are only written if they pass the same check as `make check`; a file that does not is
  put back as it was (or removed, if new) and the reason is in the summary.
- A source that fails gives one line and the next source is read. Nothing else in content/
  is touched: an event that disappears from its feed stays until an editor removes it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content import models
from ..content.collections import MUNICIPALITIES
from ..content.fields import TITLE_MAX
from ..content.loader import read_collection, suggest_slug
from ..content.recurrence import HORIZON
from ..content.site import STOCKHOLM
from ..content.swedish import swedish_date
from ..content.validate import load_site
from ..views.events import utc
from .feed_parsers import FoundEvent, ParseError, parse_atom, parse_ics, parse_jsonld, parse_rss
from .fetch import FetchError, fetch

FOLDER = "content/evenemang"
CHECKSUM_LINE = re.compile(r"^(  checksum: ).*$", re.MULTILINE)
FETCHED_LINE = re.compile(r"^  fetched: .*$", re.MULTILINE)
NO_DESCRIPTION = "Mer information finns hos arrangören."

# An occurrence's title ends with its date (", 30 september 2027": at most 20 characters).
DATE_ROOM = 20


@dataclass
class SourceReport:
    url: str
    error: str | None = None
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "title: reason"
    kept: list[str] = field(default_factory=list)  # edited by an editor: path and difference


def checksum(text: str) -> str:
    """Of the file as written, with its own checksum value left out."""
    return hashlib.sha256(CHECKSUM_LINE.sub(r"\1", text).encode("utf-8")).hexdigest()[:16]


def _written(value: dt.date | dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value.isoformat()


def _short(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:")
    return cut + "…"


def _municipality(event: FoundEvent, source: models.Source) -> str | None:
    text = f"{event.location} {event.address}".casefold()
    for slug, name in MUNICIPALITIES.items():
        if name.casefold() in text:
            return slug
    return source.municipality


def front_matter(event: FoundEvent, source: models.Source, fetched: dt.date) -> tuple[dict | None, str | None]:
    """The event file's fields, or (None, why it is skipped)."""
    if not event.title:
        return None, "saknar titel"
    # Each date of a repeating event is its own page, and two pages may not share a title.
    day = event.start.date() if isinstance(event.start, dt.datetime) else event.start
    title = f"{_short(event.title, TITLE_MAX - DATE_ROOM)}, {swedish_date(day)}" if event.occurrence else _short(event.title, TITLE_MAX)
    data: dict = {"title": title}
    data["summary"] = _short(event.description, 200) if event.description else NO_DESCRIPTION
    data["start"] = _written(event.start)
    if event.end is not None and event.end != event.start and type(event.end) is type(event.start):
        data["end"] = _written(event.end)
    data["type"] = source.type or "ovrigt"
    data["organizer"] = source.organizer
    online = event.online or (event.location if event.location.startswith("https://") else None)
    place = event.location if event.location and not event.location.startswith("http") else ""
    municipality = _municipality(event, source)
    if place or event.address:
        if municipality is None:
            return None, "platsen ligger inte i någon av länets kommuner (ange municipality för källan i kallor.yml)"
        data["location"] = {"name": _short(place or event.address, 200), "municipality": municipality}
        if event.address and event.address != place:
            data["location"]["address"] = _short(event.address, 200)
    if online:
        data["online"] = online
    if "location" not in data and "online" not in data:
        if municipality is None:
            return None, "saknar plats och länk"
        data["location"] = {"name": MUNICIPALITIES[municipality], "municipality": municipality}
    if event.cancelled:
        data["cancelled"] = True
    data["source"] = event.url or source.url
    data["imported"] = {"uid": _short(event.uid, 200), "feed": source.url, "fetched": fetched.isoformat(), "checksum": ""}
    return data, None


def file_text(data: dict, body: str) -> str:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    text = f"---\n{front}---\n{body}"
    return CHECKSUM_LINE.sub(lambda m: m.group(1) + checksum(text), text, count=1)


def body_text(event: FoundEvent) -> str:
    """The description as a plain paragraph (no HTML, nothing Markdown would read as markup)."""
    if len(event.description) <= 200:
        return ""
    text = re.sub(r"[<>&\\`*_\[\]#|]", " ", event.description)
    return re.sub(r" +", " ", text).strip() + "\n"


def events_of(source: models.Source, text: str, url: str, window) -> tuple[list[FoundEvent], list[str]]:
    if source.kind == "ics":
        return parse_ics(text, window), []
    if source.kind == "rss":
        found, without = parse_rss(text)
    elif source.kind == "atom":
        found, without = parse_atom(text)
    else:
        found, without = parse_jsonld(text, url), []
    return found, [f"{title or '(utan titel)'}: saknar starttid (ev:startdate)" for title in without]


def import_events(root: Path, now: dt.datetime, fetch_options: dict | None = None) -> list[SourceReport]:
    site, diagnostics = load_site(root, now.date(), now)
    broken = [d for d in diagnostics if d.path == "content/kallor.yml"]
    if broken:
        return [SourceReport("content/kallor.yml", error="filen har fel, se  make check: " + broken[0].text())]
    existing = {raw.data["imported"]["uid"]: raw for raw in read_collection(root, "evenemang").items
                if isinstance(raw.data.get("imported"), dict) and isinstance(raw.data["imported"].get("uid"), str)}
    taken = {p.stem for p in (root / FOLDER).glob("*.md")}
    window = (now, now + HORIZON)
    reports: list[Any] = []
    written: dict[Any, Any] = {}  # path → (report, previous text or None, title)
    for source in site.sources:
        report = SourceReport(source.url)
        reports.append(report)
        try:
            fetched = fetch(source.url, source.kind, **(fetch_options or {}))
            found, report.skipped = events_of(source, fetched.text, fetched.url, window)
        except (FetchError, ParseError) as error:
            report.error = str(error)
            continue
        for event in found:
            _import_one(root, event, source, now, report, existing, taken, written)
    _undo_what_fails_the_check(root, now, written)
    return reports


def _import_one(root, event, source, now, report, existing, taken, written) -> None:
    label = f"{event.title or '(utan titel)'} ({_written(event.start)})"
    if utc(_moment(event.end or event.start, over=True)) < utc(now):
        report.skipped.append(f"{label}: har redan varit")
        return
    if utc(_moment(event.start)) > utc(now + HORIZON):
        report.skipped.append(f"{label}: ligger mer än sex månader fram")
        return
    words = [word.casefold() for word in source.keywords]
    if words and not any(word in f"{event.title} {event.description}".casefold() for word in words):
        report.skipped.append(f"{label}: innehåller inget av orden i keywords")
        return
    data, why = front_matter(event, source, now.date())
    if data is None:
        report.skipped.append(f"{label}: {why}")
        return
    new_text = file_text(data, body_text(event))
    raw = existing.get(data["imported"]["uid"])
    if raw is not None:
        path = root / raw.path
        old_text = path.read_text(encoding="utf-8")
        stored = raw.data["imported"].get("checksum")
        if checksum(old_text) != stored:
            diff = "".join(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True),
                                                f"{raw.path} (nu)", f"{raw.path} (från källan)", n=0))
            report.kept.append(f"{raw.path}: ändrad av en redaktör efter importen, skrivs inte över"
                               + (f"; källan har nu:\n{_indent(diff)}" if diff else ""))
            return
        if _comparable(old_text) == _comparable(new_text):
            report.unchanged.append(raw.path)
            return
        path.write_text(new_text, encoding="utf-8")
        written[raw.path] = (report, old_text, label)
        report.updated.append(raw.path)
        return
    slug = _free_slug(suggest_slug(f"{data['title']} {_written(event.start)[:10]}")[:80].strip("-"), taken)
    relative = f"{FOLDER}/{slug}.md"
    (root / relative).write_text(new_text, encoding="utf-8")
    taken.add(slug)
    existing[data["imported"]["uid"]] = None  # the same event twice in one feed: written once
    written[relative] = (report, None, label)
    report.added.append(relative)


def _moment(value: dt.date | dt.datetime, over: bool = False) -> dt.datetime:
    """A local time or date as an aware Stockholm moment; a date as over at its end."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=STOCKHOLM)
    return dt.datetime.combine(value + dt.timedelta(days=1 if over else 0), dt.time(), STOCKHOLM)


def _comparable(text: str) -> str:
    """The file without the lines that change on every run (fetch date, checksum)."""
    return CHECKSUM_LINE.sub("", FETCHED_LINE.sub("", text))


def _free_slug(slug: str, taken: set[str]) -> str:
    candidate, number = slug or "evenemang", 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _indent(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.rstrip("\n").splitlines())


def _undo_what_fails_the_check(root: Path, now: dt.datetime, written: dict) -> None:
    """Check the content with the new files; put back every written file that has a problem."""
    if not written:
        return
    _, diagnostics = load_site(root, now.date(), now)
    for path in sorted({d.path for d in diagnostics} & set(written)):
        report, previous, label = written[path]
        problem = next(d for d in diagnostics if d.path == path)
        if previous is None:
            (root / path).unlink()
            report.added.remove(path)
        else:
            (root / path).write_text(previous, encoding="utf-8")
            report.updated.remove(path)
        report.skipped.append(f"{label}: klarar inte kontrollen ({problem.field}: {problem.problem})")


def summary(reports: list[SourceReport]) -> str:
    """In Swedish, one block per source; a broken source is one line."""
    if not reports:
        return "Inga källor i content/kallor.yml: inget att importera."
    lines = []
    for report in reports:
        if report.error:
            lines.append(f"FEL {report.url}: {report.error}. Källan hoppades över; inget i content/ ändrades för den.")
            continue
        lines.append(f"{report.url}: {len(report.added)} nya, {len(report.updated)} uppdaterade, "
                     f"{len(report.unchanged)} oförändrade, {len(report.skipped)} hoppades över, "
                     f"{len(report.kept)} ändrade av redaktör")
        lines += [f"  + {path} (ny)" for path in report.added]
        lines += [f"  ~ {path} (uppdaterad)" for path in report.updated]
        lines += [f"  ! {text}" for text in report.kept]
        lines += [f"  - {text}" for text in report.skipped]
    return "\n".join(lines)
