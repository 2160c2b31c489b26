"""Events read from an organiser's feed: iCalendar, RSS or Atom, or JSON-LD in a web page.

Each parser returns plain FoundEvent values in Stockholm local time; what becomes a content file
is decided in event_import.py. A feed that cannot be read raises ParseError (Swedish).

- iCalendar (RFC 5545, read by `icalendar`): times in any TZID, UTC or floating are turned into
  Stockholm wall-clock times; a repeating event (RRULE, with EXDATE and moved instances by
  RECURRENCE-ID) becomes one event per occurrence within the window.
- RSS 2.0 and Atom carry no event times of their own: an item needs the RSS event module's
  `ev:startdate` (http://purl.org/rss/1.0/modules/event/), else it is skipped with the reason.
- A page's `<script type="application/ld+json">` blocks: every schema.org Event (or subtype such
  as BusinessEvent), also inside @graph and ItemList.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from dateutil import rrule
from icalendar import Calendar

from ..content.html5 import tokens
from ..content.site import STOCKHOLM

EV = "{http://purl.org/rss/1.0/modules/event/}"
ATOM = "{http://www.w3.org/2005/Atom}"
BLOCKS = {"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}


class ParseError(Exception):
    """The feed is not what its kind says, in Swedish."""


@dataclass(frozen=True)
class FoundEvent:
    uid: str
    title: str
    start: dt.date | dt.datetime  # naive: local Stockholm time, or a date for all day
    end: dt.date | dt.datetime | None = None
    description: str = ""
    location: str = ""
    address: str = ""
    url: str | None = None
    online: str | None = None
    cancelled: bool = False
    occurrence: bool = False  # one date of a repeating event (its title gets the date)


def local(value) -> dt.date | dt.datetime:
    """A date stays a date; an aware time becomes Stockholm wall-clock time; a floating time is
    taken as Stockholm time already."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(STOCKHOLM)
        return value.replace(tzinfo=None, second=0, microsecond=0)
    return value


def plain(text: str) -> str:
    """Text without HTML tags and with single spaces (descriptions are shown as plain text)."""
    without_tags = "".join(token.data if token.kind in ("Characters", "SpaceCharacters")
                           else " " if token.name in BLOCKS else "" for token in tokens(text or ""))
    return re.sub(r"\s+", " ", without_tags).strip()


# iCalendar ---------------------------------------------------------------------------------

def parse_ics(text: str, window: tuple[dt.datetime, dt.datetime]) -> list[FoundEvent]:
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as error:
        raise ParseError(f"filen är inte en giltig iCalendar-fil ({str(error)[:80]})") from None
    if calendar.name != "VCALENDAR":
        raise ParseError("filen är inte en iCalendar-fil (BEGIN:VCALENDAR saknas)")
    try:
        vevents = calendar.walk("VEVENT")
        moved = {(str(e.get("UID")), _moment(e.decoded("RECURRENCE-ID"))) for e in vevents if e.get("RECURRENCE-ID")}
        found: list[FoundEvent] = []
        for vevent in vevents:
            found.extend(_ics_occurrences(vevent, window, moved))
    except (ValueError, KeyError, TypeError) as error:
        raise ParseError(f"ett evenemang i filen går inte att läsa ({str(error)[:80]})") from None
    return found


def _moment(value):
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) and value.tzinfo else value


def _ics_occurrences(vevent, window, moved) -> list[FoundEvent]:
    uid = str(vevent.get("UID") or "")
    if not uid or vevent.get("DTSTART") is None:
        return []
    start = vevent.decoded("DTSTART")
    end = vevent.decoded("DTEND") if vevent.get("DTEND") is not None else None
    if end is None and vevent.get("DURATION") is not None:
        end = start + vevent.decoded("DURATION")
    base: dict[str, Any] = dict(title=str(vevent.get("SUMMARY") or "").strip(), description=plain(str(vevent.get("DESCRIPTION") or "")),
                location=str(vevent.get("LOCATION") or "").strip(), url=str(vevent.get("URL")) if vevent.get("URL") else None,
                cancelled=str(vevent.get("STATUS") or "").upper() == "CANCELLED")
    if vevent.get("RECURRENCE-ID") is not None:
        uid = f"{uid}/{_key(vevent.decoded('RECURRENCE-ID'))}"
    rule = vevent.get("RRULE")
    if rule is None or vevent.get("RECURRENCE-ID") is not None:
        return [FoundEvent(uid=uid, start=local(start), end=_local_end(start, end), **base)]
    exdates = vevent.get("EXDATE") or []
    excluded = {_moment(item.dt) for group in (exdates if isinstance(exdates, list) else [exdates]) for item in group.dts}
    all_day = not isinstance(start, dt.datetime)
    length = (end - start) if end is not None else dt.timedelta()
    low, high = window
    if all_day:  # dates repeat as naive midnights
        first, low, high = dt.datetime.combine(start, dt.time()), low.replace(tzinfo=None), high.replace(tzinfo=None)
    else:  # a floating time is Stockholm time; an occurrence still going on at `low` counts
        first, low = (start if start.tzinfo else start.replace(tzinfo=STOCKHOLM)), low - length
    result = []
    for occurrence in rrule.rrulestr(rule.to_ical().decode(), dtstart=first).between(low, high, inc=True):
        value = occurrence.date() if all_day else occurrence
        if _moment(value) in excluded or (uid, _moment(value)) in moved:
            continue
        result.append(FoundEvent(uid=f"{uid}/{_key(value)}", start=local(value), occurrence=True,
                                 end=_local_end(value, value + length if end is not None else None), **base))
    return result


def _key(value) -> str:
    if isinstance(value, dt.datetime):
        return _moment(value).strftime("%Y%m%dT%H%M%SZ") if value.tzinfo else value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")


def _local_end(start, end):
    """RFC 5545's DTEND of an all-day event is the day after; the content's end is the last day."""
    if end is None:
        return None
    if not isinstance(start, dt.datetime):
        last = end - dt.timedelta(days=1)
        return last if last > start else None
    return local(end)


# RSS and Atom ------------------------------------------------------------------------------

def _xml(text: str) -> ET.Element:
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise ParseError("flödet innehåller en DOCTYPE eller ENTITY, som inte läses (av säkerhetsskäl)")
    try:
        return ET.fromstring(text)
    except ET.ParseError as error:
        raise ParseError(f"flödet är inte giltig XML ({error})") from None


def _iso(value: str | None):
    if not value:
        return None
    value = value.strip()
    try:
        return local(dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        return None


def parse_rss(text: str) -> tuple[list[FoundEvent], list[str]]:
    """(events, titles of items without an event start)."""
    root = _xml(text)
    if root.tag != "rss" or root.find("channel") is None:
        raise ParseError("flödet är inte RSS (elementet <rss><channel> saknas)")
    found, skipped = [], []
    for item in root.iter("item"):
        title = (item.findtext("title") or "").strip()
        start = _iso(item.findtext(f"{EV}startdate"))
        if start is None:
            skipped.append(title)
            continue
        link = (item.findtext("link") or "").strip() or None
        uid = (item.findtext("guid") or "").strip() or f"{link}#{start.isoformat()}"
        found.append(FoundEvent(uid=uid, title=title, start=start, end=_iso(item.findtext(f"{EV}enddate")),
                                description=plain(item.findtext("description") or ""),
                                location=(item.findtext(f"{EV}location") or "").strip(), url=link))
    return found, skipped


def parse_atom(text: str) -> tuple[list[FoundEvent], list[str]]:
    root = _xml(text)
    if root.tag != f"{ATOM}feed":
        raise ParseError("flödet är inte Atom (elementet <feed> i Atoms namnrymd saknas)")
    found, skipped = [], []
    for entry in root.iter(f"{ATOM}entry"):
        title = (entry.findtext(f"{ATOM}title") or "").strip()
        start = _iso(entry.findtext(f"{EV}startdate"))
        if start is None:
            skipped.append(title)
            continue
        link = next((e.get("href") for e in entry.findall(f"{ATOM}link") if e.get("rel", "alternate") == "alternate"), None)
        uid = (entry.findtext(f"{ATOM}id") or "").strip() or f"{link}#{start.isoformat()}"
        found.append(FoundEvent(uid=uid, title=title, start=start, end=_iso(entry.findtext(f"{EV}enddate")),
                                description=plain(entry.findtext(f"{ATOM}summary") or entry.findtext(f"{ATOM}content") or ""),
                                location=(entry.findtext(f"{EV}location") or "").strip(), url=link))
    return found, skipped


# JSON-LD in a page -------------------------------------------------------------------------

def parse_jsonld(text: str, page_url: str) -> list[FoundEvent]:
    blocks, inside = [], False
    for token in tokens(text):
        if token.kind == "StartTag" and token.name == "script":
            inside = token.attributes.get("type", "").strip().lower() == "application/ld+json"
            blocks.append("") if inside else None
        elif token.kind == "EndTag" and token.name == "script":
            inside = False
        elif inside:
            blocks[-1] += token.source
    if not blocks:
        raise ParseError("sidan har inga evenemang som JSON-LD (<script type=\"application/ld+json\"> saknas)")
    found: list[FoundEvent] = []
    for block in blocks:
        try:
            data = json.loads(block)
        except json.JSONDecodeError:
            continue  # one broken block; the others may still hold events
        found.extend(event for node in _nodes(data) if _is_event(node)
                     if (event := _jsonld_event(node, page_url)) is not None)
    return found


def _nodes(data):
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "itemListElement", "item", "subEvent"):
            if key in data:
                yield from _nodes(data[key])


def _is_event(node: dict) -> bool:
    kinds = node.get("@type")
    return any(isinstance(kind, str) and kind.endswith("Event") for kind in (kinds if isinstance(kinds, list) else [kinds]))


def _jsonld_event(node: dict, page_url: str) -> FoundEvent | None:
    start = _iso(node.get("startDate") if isinstance(node.get("startDate"), str) else None)
    if start is None:
        return None
    location = node.get("location")
    places: list[Any] = location if isinstance(location, list) else [location]
    name = address = ""
    online = None
    for place in places:
        if isinstance(place, dict) and place.get("@type") == "VirtualLocation":
            online = place.get("url") if isinstance(place.get("url"), str) else None
        elif isinstance(place, dict):
            name = str(place.get("name") or "")
            where = place.get("address")
            if isinstance(where, dict):
                address = ", ".join(str(where[k]) for k in ("streetAddress", "addressLocality") if where.get(k))
            elif isinstance(where, str):
                address = where
        elif isinstance(place, str):
            name = place
    url = node.get("url") if isinstance(node.get("url"), str) else page_url
    uid = str(node["@id"]) if isinstance(node.get("@id"), str) else f"{url}#{start.isoformat()}"
    status = str(node.get("eventStatus") or "")
    return FoundEvent(uid=uid, title=str(node.get("name") or "").strip(), start=start,
                      end=_iso(node.get("endDate") if isinstance(node.get("endDate"), str) else None),
                      description=plain(str(node.get("description") or "")), location=name, address=address,
                      url=url, online=online, cancelled=status.endswith("EventCancelled"))
