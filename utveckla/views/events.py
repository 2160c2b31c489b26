"""Event view-models for the calendar (Kalender): times, Swedish wording, upcoming and past.

Editors write local Swedish times without a zone (`2026-12-03 07:30`) or a date for an
all-day event. Here every event gets two aware moments in Europe/Stockholm — when it starts
and when it is over — and everything else (upcoming or archive, order, the feeds) is decided
from those, so the daylight-saving changes are handled in one place by zoneinfo.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass
from urllib.parse import quote

from ..content.recurrence import HORIZON, occurrence_starts, repeat_text, shifted_end
from ..content.site import STOCKHOLM, Entry, Site
from ..content.swedish import swedish_sort_key, with_town
from .cards import MONTHS, WEEKDAYS, municipality_name, swedish_date

DIGITAL = "Digitalt"
MODES = (("fysiskt", "På plats"), ("digitalt", "Digitalt"))
NEXT_EVENTS = 3


def event_bounds(event) -> tuple[dt.datetime, dt.datetime]:
    """(start, over) as aware Stockholm times. All-day events are over at the end of their last day;
    a timed event without an end is over when it starts (it is then no longer "coming")."""
    if isinstance(event.start, dt.datetime):
        start = event.start.replace(tzinfo=STOCKHOLM)
        over = event.end.replace(tzinfo=STOCKHOLM) if isinstance(event.end, dt.datetime) else start
        return start, over
    last_day = event.end if event.end is not None else event.start
    start = dt.datetime.combine(event.start, dt.time(), STOCKHOLM)
    return start, dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), STOCKHOLM)


def utc(moment: dt.datetime) -> dt.datetime:
    """Compare and subtract in UTC: Python compares two times with the same tzinfo by their
    wall-clock reading, which is off by an hour around the switch back from summer time."""
    return moment.astimezone(dt.UTC)


def is_past(event, now: dt.datetime) -> bool:
    return utc(event_bounds(event)[1]) < utc(now)


def swedish_time(moment: dt.datetime) -> str:
    """07:30 → '07.30', the Swedish way of writing clock times."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def when_text(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None = None) -> str:
    """'tisdag 3 december 2026, 07.30–09.00'; all-day: 'torsdag 15 – fredag 16 november 2018'."""
    if isinstance(start, dt.datetime):
        first = swedish_date(start.date(), weekday=True)
        if end is None or end == start:
            return f"{first}, {swedish_time(start)}"
        assert isinstance(end, dt.datetime), "the model gives an event with a start time an end time"
        if end.date() == start.date():
            return f"{first}, {swedish_time(start)}–{swedish_time(end)}"
        return f"{first}, {swedish_time(start)} – {swedish_date(end.date(), weekday=True)}, {swedish_time(end)}"
    if end is None or end == start:
        return swedish_date(start, weekday=True)
    last = swedish_date(end, weekday=True)
    if (start.year, start.month) == (end.year, end.month):
        return f"{WEEKDAYS[start.weekday()]} {start.day} – {last}"
    if start.year == end.year:
        return f"{WEEKDAYS[start.weekday()]} {start.day} {MONTHS[start.month - 1]} – {last}"
    return f"{swedish_date(start, weekday=True)} – {last}"


def machine_time(value: dt.date | dt.datetime) -> str:
    """For <time datetime> and JSON-LD: a date, or a local time with its UTC offset."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=STOCKHOLM).isoformat(timespec="minutes")
    return value.isoformat()


@dataclass(frozen=True)
class EventStatus:
    id: str
    label: str


def event_status(event, today: dt.date) -> EventStatus | None:
    """The badge on a card: cancelled first, then the registration deadline."""
    if event.cancelled:
        return EventStatus("installt", "Inställt")
    deadline = event.registration.deadline if event.registration else None
    if deadline is None:
        return None
    if deadline >= today:
        return EventStatus("anmalan", f"Sista anmälningsdag {swedish_date(deadline)}")
    return EventStatus("anmalan-stangd", "Anmälan har stängt")


@dataclass(frozen=True)
class EventCard:
    entry: Entry
    slug: str
    title: str
    summary: str
    url: str  # relative to the site root
    type_id: str
    type_label: str
    all_day: bool
    starts: dt.datetime  # aware, Europe/Stockholm
    over: dt.datetime  # aware: the moment the event is over
    when: str
    datetime_attr: str  # for <time datetime="…">
    place: str  # "Parkaden, Härnösand", "Digitalt", or "… och digitalt"
    municipality: str | None  # id of the physical place's municipality
    municipality_label: str | None
    modes: tuple[str, ...]  # "fysiskt", "digitalt" or both (hybrid)
    organizer: str
    organizer_url: str | None  # the actor page, relative to the site root
    price: str | None
    cancelled: bool
    past: bool
    status: EventStatus | None
    repeat: str | None = None  # "Varje månad, till och med …" for a repeating event

    @property
    def ics_path(self) -> str:
        """The event's own calendar file ("Lägg till i kalender"), relative to the site root."""
        return f"{self.url}{self.slug}.ics"


def place_text(site: Site, event) -> str:
    if event.location is None:
        return DIGITAL
    where = with_town(event.location.name, municipality_name(site, event.location.municipality))
    return f"{where} och digitalt" if event.online else where


def occurrence(event, start: dt.date | dt.datetime):
    """The event as it takes place on one of its dates (a repeating event's occurrence)."""
    if start == event.start:
        return event
    return event.model_copy(update={"start": start, "end": shifted_end(event, start)})


def event_card(site: Site, entry: Entry, start: dt.date | dt.datetime | None = None) -> EventCard:
    """The card of an event, or of one occurrence of a repeating event (start given)."""
    event = occurrence(entry.data, entry.data.start if start is None else start)
    starts, over = event_bounds(event)
    organizer = site.get("aktorer", event.organizer)
    municipality = event.location.municipality if event.location else None
    modes = tuple(mode for mode, present in (("fysiskt", event.location), ("digitalt", event.online)) if present)
    past = utc(over) < utc(site.moment)
    card = dict(
        entry=entry, slug=entry.slug, title=event.title, summary=event.summary, url=entry.url,
        type_id=event.type, type_label=site.label("evenemangstyper", event.type),
        all_day=not isinstance(event.start, dt.datetime), starts=starts, over=over,
        when=when_text(event.start, event.end), datetime_attr=machine_time(event.start),
        place=place_text(site, event), municipality=municipality,
        municipality_label=municipality_name(site, municipality) if municipality else None,
        modes=modes, organizer=organizer.data.title if organizer else event.organizer,
        organizer_url=organizer.url if organizer else None, price=event.price,
        cancelled=event.cancelled, past=past,
        # Once an event is over, only "Inställt" still means something; registration is moot.
        status=event_status(event, site.today) if not past or event.cancelled else None,
        repeat=repeat_text(event),
    )
    return EventCard(**card)


_CARDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def horizon(site: Site) -> dt.datetime:
    """How far ahead a repeating event's occurrences are shown (naive local time)."""
    return (site.moment + HORIZON).replace(tzinfo=None)


def all_event_cards(site: Site) -> list[EventCard]:
    """Every published event, a repeating one once per occurrence up to the horizon, earliest
    first; computed once per Site."""
    if site not in _CARDS:
        cards = [event_card(site, entry, start) for entry in site.entries.get("evenemang", ())
                 for start in occurrence_starts(entry.data, horizon(site))]
        _CARDS[site] = sorted(cards, key=lambda c: (utc(c.starts), utc(c.over), c.slug))
    return _CARDS[site]


def entry_cards(site: Site) -> list[EventCard]:
    """One card per event file (its page, its own .ics, its redirect): a repeating event's next
    occurrence, or its last one when the series is over."""
    chosen: dict[str, EventCard] = {}
    for card in all_event_cards(site):
        if card.slug not in chosen or chosen[card.slug].past:
            chosen[card.slug] = card
    for entry in site.entries.get("evenemang", ()):
        chosen.setdefault(entry.slug, event_card(site, entry))  # a series with every date excepted
    return sorted(chosen.values(), key=lambda c: (utc(c.starts), utc(c.over), c.slug))


def series_cards(site: Site, cards) -> tuple[EventCard, ...]:
    """The cards as a calendar file wants them: one per event file, a repeating event with its
    first start (the file's RRULE gives the rest), in the order given."""
    seen: dict[str, EventCard] = {}
    for card in cards:
        if card.slug not in seen:
            seen[card.slug] = event_card(site, card.entry) if card.entry.data.repeat else card
    return tuple(seen.values())


def coming_dates(site: Site, slug: str) -> list[EventCard]:
    """The upcoming occurrences of one event (its page lists them)."""
    return [c for c in upcoming_events(site) if c.slug == slug]


def upcoming_events(site: Site) -> list[EventCard]:
    """Events not yet over at the build's moment, earliest first (cancelled ones included, marked)."""
    return [c for c in all_event_cards(site) if not c.past]


def past_events(site: Site) -> list[EventCard]:
    """The archive: events that are over, newest first."""
    return sorted((c for c in all_event_cards(site) if c.past), key=lambda c: (utc(c.starts), c.slug), reverse=True)


def next_events(site: Site, limit: int = NEXT_EVENTS) -> list[EventCard]:
    """The start page's list: the next events that still take place, a repeating one once."""
    first: dict[str, EventCard] = {}
    for card in upcoming_events(site):
        if not card.cancelled and card.slug not in first:
            first[card.slug] = card
    return list(first.values())[:limit]


def events_in_municipality(site: Site, slug: str) -> list[EventCard]:
    """Upcoming events at a physical place in the municipality (its calendar feed and page)."""
    return [c for c in upcoming_events(site) if c.municipality == slug]


def events_by_organizer(site: Site, slug: str) -> tuple[list[EventCard], list[EventCard]]:
    """(upcoming, past) events an actor organizes."""
    upcoming = [c for c in upcoming_events(site) if c.entry.data.organizer == slug]
    return upcoming, [c for c in past_events(site) if c.entry.data.organizer == slug]


@dataclass(frozen=True)
class Group:
    id: str  # for the heading's anchor, e.g. "2026-12"
    label: str  # "December 2026"
    cards: tuple[EventCard, ...]


def group_by_month(cards: list[EventCard]) -> list[Group]:
    """Consecutive cards of the same month under one heading, in the order given."""
    groups: list[Group] = []
    for card in cards:
        key = f"{card.starts.year}-{card.starts.month:02d}"
        if groups and groups[-1].id == key:
            groups[-1] = Group(key, groups[-1].label, groups[-1].cards + (card,))
        else:
            groups.append(Group(key, f"{MONTHS[card.starts.month - 1].capitalize()} {card.starts.year}", (card,)))
    return groups


def group_by_year(cards: list[EventCard]) -> list[Group]:
    groups: list[Group] = []
    for card in cards:
        key = str(card.starts.year)
        if groups and groups[-1].id == key:
            groups[-1] = Group(key, key, groups[-1].cards + (card,))
        else:
            groups.append(Group(key, key, (card,)))
    return groups


@dataclass(frozen=True)
class Feed:
    label: str  # "Hela länet", "Sundsvall"
    path: str  # relative to the site root: "kalender.ics", "kalender/sundsvall.ics"
    name: str  # the calendar's name in the subscriber's app
    about: str  # its description there
    cards: tuple[EventCard, ...]


def feeds(site: Site) -> list[Feed]:
    """The subscribable calendars: the whole county, then one per municipality (even when empty,
    so a subscription made today starts showing events when they are added)."""
    about = "Evenemang för företag i {} från Utveckla Västernorrland."
    result = [Feed("Hela länet", "kalender.ics", "Utveckla Västernorrland: evenemang",
                   about.format("hela Västernorrland"), series_cards(site, upcoming_events(site)))]
    for entry in site.entries.get("kommuner", ()):
        name = entry.data.title
        result.append(Feed(name, f"kalender/{entry.slug}.ics", f"Utveckla Västernorrland: evenemang i {name}",
                           about.format(name), series_cards(site, events_in_municipality(site, entry.slug))))
    return result


def facet_options(site: Site, cards: list[EventCard]) -> dict[str, list[tuple[str, str]]]:
    """Filter choices: event types in use, every municipality (links from their pages), the modes."""
    used = {c.type_id for c in cards}
    return {
        "typ": [(k, v) for k, v in site.taxonomy.get("evenemangstyper", {}).items() if k in used],
        "kommun": [(e.slug, e.data.title) for e in site.entries.get("kommuner", ())],
        "plats": list(MODES),
    }


def full_place(card: EventCard) -> str | None:
    """Name, street address and town of the physical place: "Parkaden, Ådalsvägen 15, Härnösand"."""
    place = card.entry.data.location
    if place is None:
        return None
    text = ", ".join([place.name] + ([place.address] if place.address else []))
    return with_town(text, card.municipality_label) if card.municipality_label else text


def map_url(location, town: str | None) -> str | None:
    """A plain link to OpenStreetMap (no embedded map, so no request from our pages):
    a pin at the coordinates, else a search for the address in its town."""
    if location.lat is not None and location.lon is not None:
        lat, lon = f"{location.lat:.5f}", f"{location.lon:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}"
    if location.address:
        named = not town or town.lower() in location.address.lower()
        query = location.address if named else f"{location.address}, {town}"
        return f"https://www.openstreetmap.org/search?query={quote(query)}"
    return None


@dataclass(frozen=True)
class OrganiserCalendar:
    name: str  # the organiser's name (aktorer)
    url: str  # its own calendar page for visitors


def organiser_calendars(site: Site) -> list[OrganiserCalendar]:
    """The organisers' own calendar pages from content/kallor.yml (calendar_url), one per page,
    in Swedish order of the organisers' names: the empty calendar points visitors there."""
    found: dict[str, OrganiserCalendar] = {}
    for source in site.sources:
        if source.calendar_url and source.calendar_url not in found:
            organiser = site.get("aktorer", source.organizer)
            found[source.calendar_url] = OrganiserCalendar(organiser.data.title if organiser else source.organizer,
                                                           source.calendar_url)
    return sorted(found.values(), key=lambda c: (swedish_sort_key(c.name), c.url))
