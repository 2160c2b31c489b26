"""Swedish dates and numbers, written once for every page, feed and message."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


# Swedish alphabetical order: å, ä, ö after z ("{|}" follow "z" in ASCII); Danish and Norwegian
# letters sort with their Swedish twins, é with e and ü with y, as Svenska Akademiens ordlista does.
_SORT_LETTERS = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "é": "e", "è": "e", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """The one sort key for names and titles everywhere: lists, filters, tables and feeds."""
    return text.casefold().translate(_SORT_LETTERS)


def swedish_date(day: dt.date, weekday: bool = False) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def swedish_number(value: float) -> str:
    """250000 → '250 000' with a non-breaking space, as Swedish typography wants."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u00a0")
    return f"{value:,.1f}".replace(",", "\u00a0").replace(".", ",")


def with_town(place: str, town: str) -> str:
    """A place with its town, the town written once: 'Torpshammar' in Ånge → 'Torpshammar, Ånge';
    'Hörneborg, Örnsköldsvik' stays as it is."""
    return place if town.casefold() in place.casefold() else f"{place}, {town}"


def agree(count: float, one: str, many: str) -> str:
    """The word (or words) that agree with `count`: 'är pausad' for 1, 'är pausade' for 0 or 3.
    Every generated sentence with a number picks its singular or plural here."""
    return one if count == 1 else many


def and_list(names) -> str:
    """['A', 'B', 'C'] → 'A, B och C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def count_text(count: float, one: str, many: str) -> str:
    """'1 investering', '3 investeringar', '12 000 jobb': the number and the noun that agrees."""
    return f"{swedish_number(count)} {agree(count, one, many)}"
