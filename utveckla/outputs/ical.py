"""Calendar files (RFC 5545) for the calendar's events, made with the `icalendar` library.

Feeds are read by Outlook, Google and Apple calendars that re-fetch them for months, so:
- UID comes from the slug alone: the same event keeps its UID across builds and edits.
- DTSTAMP is the start of the build date (SOURCE_DATE_EPOCH in reproducible builds), never
  the wall clock, so two builds of the same content are byte-identical.
- Times are local Europe/Stockholm times with TZID and a VTIMEZONE, so clients get the
  daylight-saving changes right; all-day events are DATE values with an exclusive DTEND.
- The library writes CRLF line endings and folds lines at 75 octets.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration

from ..content.recurrence import rule_parts
from ..content.site import STOCKHOLM, Site
from ..views.cards import swedish_date
from ..views.events import EventCard, full_place

UID_DOMAIN = "utvecklavasternorrland.se"  # fixed: a UID must not change when the site moves
PRODID = "-//Utveckla Västernorrland//Kalender//SV"
REFRESH = dt.timedelta(hours=6)  # how often a subscribing client should fetch the feed again


def build_stamp(site: Site) -> dt.datetime:
    """DTSTAMP: the start of the build date in Sweden, in UTC (deterministic per build date)."""
    return dt.datetime.combine(site.today, dt.time(), STOCKHOLM).astimezone(dt.UTC)


def stockholm_timezone() -> Timezone:
    """VTIMEZONE for Europe/Stockholm with the EU rule (last Sunday of March and October, at
    01:00 UTC), in the RRULE form that Outlook, Google and Apple all read. A test checks it
    against the tz database, so a change of the rules is noticed."""
    zone = Timezone()
    zone.add("tzid", "Europe/Stockholm")
    zone.add("x-lic-location", "Europe/Stockholm")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def page_url(site_url: str, card: EventCard) -> str:
    return f"{site_url.rstrip('/')}/{card.url}"


def description(card: EventCard, site_url: str) -> str:
    event = card.entry.data
    lines = ["Evenemanget är inställt.", ""] if card.cancelled else []
    lines += [card.summary, "", f"Arrangör: {card.organizer}"]
    if event.location is not None:
        lines.append(f"Plats: {full_place(card)}")
    if event.online:
        lines.append(f"Digitalt: {event.online}")
    if card.price:
        lines.append(f"Pris: {card.price}")
    if event.registration:
        deadline = event.registration.deadline
        lines.append(f"Anmälan: {event.registration.url}"
                     + (f" (sista anmälningsdag {swedish_date(deadline)})" if deadline else ""))
    lines.append(f"Mer information: {page_url(site_url, card)}")
    return "\n".join(lines)


def vevent(card: EventCard, site_url: str, stamp: dt.datetime) -> Event:
    event = card.entry.data
    item = Event()
    item.add("uid", f"{card.slug}@{UID_DOMAIN}")
    item.add("dtstamp", stamp)
    if card.all_day:
        item.add("dtstart", event.start)
        item.add("dtend", (event.end or event.start) + dt.timedelta(days=1))  # DATE end is exclusive
    else:
        item.add("dtstart", card.starts)
        if event.end is not None:
            item.add("dtend", card.over)
    if event.repeat is not None:
        add_rule(item, card)
    item.add("summary", f"Inställt: {card.title}" if card.cancelled else card.title)
    item.add("description", description(card, site_url))
    if event.location is not None:
        item.add("location", full_place(card))
        if event.location.lat is not None and event.location.lon is not None:
            item.add("geo", (event.location.lat, event.location.lon))
    elif event.online:
        item.add("location", f"Digitalt: {event.online}")
    item.add("categories", [card.type_label])
    item.add("url", page_url(site_url, card))
    item.add("status", "CANCELLED" if card.cancelled else "CONFIRMED")
    return item


FREQUENCIES = {"weekly": "WEEKLY", "monthly": "MONTHLY"}
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def add_rule(item: Event, card: EventCard) -> None:
    """RRULE and EXDATE of a repeating event (RFC 5545 3.8.5): the rule in the event's local time;
    UNTIL in UTC for a timed event, as the RFC requires with a TZID start."""
    event = card.entry.data
    repeat, parts = event.repeat, rule_parts(event)
    rule: dict = {"freq": FREQUENCIES[repeat.freq]}
    if repeat.interval != 1:
        rule["interval"] = repeat.interval
    if "byweekday" in parts:
        rule["byday"] = f"{repeat.week_of_month}{BYDAY[card.starts.weekday()]}"
    if repeat.count is not None:
        rule["count"] = repeat.count
    if repeat.until is not None:
        rule["until"] = (repeat.until if card.all_day else
                         parts["until"].replace(tzinfo=STOCKHOLM).astimezone(dt.UTC))
    item.add("rrule", rule)
    if repeat.exceptions:
        if card.all_day:
            item.add("exdate", list(repeat.exceptions))
        else:
            item.add("exdate", [dt.datetime.combine(day, card.starts.timetz()) for day in repeat.exceptions])


def calendar(name: str, about: str, cards: list[EventCard], site_url: str, stamp: dt.datetime) -> bytes:
    """One calendar file with the given events, in the order given."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name)  # RFC 7986; X-WR-* for clients that predate it
    cal.add("x-wr-calname", name)
    cal.add("description", about)
    cal.add("x-wr-caldesc", about)
    cal.add("x-wr-timezone", "Europe/Stockholm")
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    cal.add_component(stockholm_timezone())
    for card in cards:
        cal.add_component(vevent(card, site_url, stamp))
    return cal.to_ical()
