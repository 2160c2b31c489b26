"""Repeating events: one file for a monthly business breakfast (`repeat:` in an event).

The occurrences are computed in local Stockholm wall-clock time with dateutil's RFC 5545
rule engine, so a breakfast at 07:30 stays at 07:30 on both sides of a summer-time change;
the calendar feeds carry the same rule as one RRULE (ical.py), which calendar apps expand
the same way.
"""

from __future__ import annotations

import datetime as dt

from dateutil import rrule

from .swedish import count_text, swedish_date

HORIZON = dt.timedelta(days=183)  # the calendar shows a series' occurrences for about six months ahead
MAX_SPAN_DAYS = 2 * 366  # a series runs for at most two years; a longer one is written again then
ORDINALS = {1: "första", 2: "andra", 3: "tredje", 4: "fjärde", -1: "sista"}
WEEKDAY_RULES = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
WEEKDAY_NAMES = ("måndagen", "tisdagen", "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen")


def _naive_start(start: dt.date | dt.datetime) -> dt.datetime:
    return start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())


def rule_parts(event) -> dict:
    """The rule as the keyword arguments of dateutil's rrule (and the parts of an RRULE)."""
    repeat = event.repeat
    parts: dict = {"freq": rrule.WEEKLY if repeat.freq == "weekly" else rrule.MONTHLY, "interval": repeat.interval}
    if repeat.freq == "monthly" and repeat.week_of_month is not None:
        parts["byweekday"] = WEEKDAY_RULES[_naive_start(event.start).weekday()](repeat.week_of_month)
    if repeat.count is not None:
        parts["count"] = repeat.count
    if repeat.until is not None:
        parts["until"] = dt.datetime.combine(repeat.until, dt.time(23, 59, 59))
    return parts


def occurrence_starts(event, until: dt.datetime | None = None) -> list[dt.date | dt.datetime]:
    """Every start of the event up to `until` (naive local time), in order, exceptions left out.
    An event without `repeat` has one start. A monthly rule on the 31st skips shorter months, as
    RFC 5545 says."""
    if event.repeat is None:
        return [event.start]
    starts = rrule.rrule(dtstart=_naive_start(event.start), **rule_parts(event))
    skipped = set(event.repeat.exceptions)
    result = []
    for start in starts:
        if until is not None and start > until:
            break
        if start.date() in skipped:
            continue
        result.append(start if isinstance(event.start, dt.datetime) else start.date())
    return result


def shifted_end(event, start: dt.date | dt.datetime) -> dt.date | dt.datetime | None:
    """The end of the occurrence starting at `start`: the same wall-clock length as the first."""
    if event.end is None:
        return None
    return start + (event.end - event.start)


def repeat_text(event) -> str | None:
    """'Varje månad, den första tisdagen, till och med 30 juni 2027' for the event's page."""
    repeat = event.repeat
    if repeat is None:
        return None
    unit = "vecka" if repeat.freq == "weekly" else "månad"
    every = {1: f"Varje {unit}", 2: f"Varannan {unit}"}.get(repeat.interval, f"Var {repeat.interval}:e {unit}")
    parts = [every]
    if repeat.freq == "monthly" and repeat.week_of_month is not None:
        parts.append(f"den {ORDINALS[repeat.week_of_month]} {WEEKDAY_NAMES[_naive_start(event.start).weekday()]}")
    if repeat.until is not None:
        parts.append(f"till och med {swedish_date(repeat.until)}")
    elif repeat.count is not None:
        parts.append(count_text(repeat.count, "gång", "gånger"))
    return ", ".join(parts)


def repeat_problems(event):
    """Rules that need more than one field of `repeat` (yielded as (path, code, problem, fix))."""
    repeat = event.repeat
    if repeat is None:
        return
    if (repeat.until is None) == (repeat.count is None):
        yield (("repeat",), "upprepning", "repeat behöver ett slut: antingen until eller count, inte båda eller ingen",
               "skriv until: ÅÅÅÅ-MM-DD (sista dagen) eller count: antal tillfällen")
    start_day = _naive_start(event.start).date()
    if repeat.until is not None and repeat.until < start_day:
        yield (("repeat", "until"), "upprepning", "until ligger före det första tillfället (start)",
               "sätt until till samma dag som start eller senare")
    if repeat.until is not None and (repeat.until - start_day).days > MAX_SPAN_DAYS:
        yield (("repeat", "until"), "upprepning", "serien är längre än två år",
               "sätt ett until inom två år från start och förläng serien när nya datum är bestämda")
    if repeat.week_of_month is not None and repeat.freq != "monthly":
        yield (("repeat", "week_of_month"), "upprepning", "week_of_month gäller bara med freq: monthly",
               "ta bort week_of_month eller skriv freq: monthly")
    if event.end is not None and not isinstance(event.start, dt.datetime) and event.end != event.start:
        yield (("end",), "upprepning", "ett återkommande heldagsevenemang kan bara vara en dag",
               "ta bort end, eller skriv en fil per flerdagarsevenemang")
    for index, day in enumerate(repeat.exceptions):
        if day < start_day:
            yield (("repeat", "exceptions", index), "upprepning", f"undantaget {day.isoformat()} ligger före start",
                   "ta bort datumet eller rätta det")
