"""Field types shared by the content models, each failing with a Swedish message.

A custom error's message is written as "what is wrong — what to do"; its type is the
diagnostic code from diagnostics.CODES.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BeforeValidator, Strict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from .addresses import WEB_SCHEMES, web_address_problem
from .characters import CONTROL, describe

DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})$")
# Letters (å, ä, ö too), digits and . _ % + - : nothing that means something in HTML or a URL.
EMAIL_PATTERN = re.compile(r"^[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}$", re.IGNORECASE)
# Characters that a copied address never has unencoded and that have a meaning in HTML.
URL_FORBIDDEN = re.compile(r"[\s<>\"`\\{}|^\x00-\x1f\x7f]")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Dates outside these years are typing mistakes (20026, 9999), and the calendar code that adds
# a day to an all-day event's last date must never run past the end of Python's calendar.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A taxonomy label is a filter option and a tag on cards: a few words.
LABEL_MAX_LENGTH = 60


def _fail(code: str, problem: str, fix: str, value: object = None) -> PydanticCustomError:
    return PydanticCustomError(code, f"{problem} — {fix}", {"value": str(value)})


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = DATE_PATTERN.match(str(value).strip())
    if not match:
        raise _fail("ogiltigt-datum", f"”{value}” är inte ett datum",
                    "skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-31")
    try:
        date = dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise _fail("ogiltigt-datum", f"datumet {value} finns inte i kalendern",
                    "kontrollera dag och månad (till exempel har februari högst 29 dagar)") from None
    return _sane_year(date, value)


def _sane_year(date: dt.date, value: object) -> dt.date:
    if not EARLIEST_YEAR <= date.year <= LATEST_YEAR:
        raise _fail("ogiltigt-datum", f"året i {value} är inte rimligt",
                    f"skriv ett datum mellan {EARLIEST_YEAR} och {LATEST_YEAR}, som ÅÅÅÅ-MM-DD")
    return date


def parse_event_time(value: object) -> dt.datetime | dt.date:
    """`2026-12-03 07:30` (local time) or `2026-12-03` (all day)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    text = str(value).strip()
    if DATE_PATTERN.match(text):
        return parse_date(text)
    match = DATETIME_PATTERN.match(text)
    if not match:
        raise _fail("ogiltig-tid", f"”{value}” är varken en tidpunkt eller ett datum",
                    "skriv ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-12-03 07:30, eller bara datumet")
    year, month, day, hour, minute = (int(part) for part in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise _fail("ogiltigt-datum", f"datumet i {value} finns inte i kalendern",
                    "kontrollera dag och månad") from None
    _sane_year(date, value)
    if hour > 23 or minute > 59:
        raise _fail("ogiltig-tid", f"klockslaget {hour}:{minute:02d} finns inte",
                    "skriv en tid mellan 00:00 och 23:59")
    local = dt.datetime.combine(date, dt.time(hour, minute))
    # Times are Swedish local time. In the night the clocks go forward (last Sunday in March)
    # the hour 02:00–02:59 does not exist; a time in it would show as 02:30 on the page and as
    # 03:30 in calendars. In the repeated autumn hour the first occurrence is meant (fold=0).
    round_trip = local.replace(tzinfo=STOCKHOLM).astimezone(dt.UTC).astimezone(STOCKHOLM)
    if round_trip.replace(tzinfo=None) != local:
        raise _fail("ogiltig-tid", f"klockslaget {hour:02d}:{minute:02d} den {date.isoformat()} finns inte: "
                    "natten till sommartid ställs klockan fram från 02:00 till 03:00",
                    "skriv 03:00 eller senare (eller 01:59 eller tidigare)")
    return local


def check_web_url(value: object) -> str:
    """An absolute http(s) address: the only kind a content field links to (no javascript:, data: …)."""
    if not isinstance(value, str):
        raise _fail("ogiltig-url", f"”{_short(value)}” är inte en webbadress",
                    "skriv hela adressen med https:// först, till exempel https://www.almi.se/")
    text = value.strip()
    if urlsplit(text).scheme.lower() not in WEB_SCHEMES:
        raise _fail("ogiltig-url", f"”{_short(value)}” är inte en fullständig webbadress",
                    "skriv hela adressen med https:// först, till exempel https://www.almi.se/")
    bad = URL_FORBIDDEN.search(text)
    if bad:
        what = "mellanslag" if bad.group().isspace() else f"tecknet {bad.group()!r}" if bad.group().isprintable() else "ett styrtecken"
        raise _fail("ogiltig-url", f"adressen innehåller {what}, som inte får finnas i en webbadress",
                    "kopiera adressen direkt från webbläsarens adressfält")
    problem = web_address_problem(text)
    if problem:
        raise _fail("ogiltig-url", f"”{_short(value)}”: {problem}",
                    "kopiera den offentliga adressen direkt från webbläsarens adressfält, till exempel https://www.almi.se/")
    return text


def check_plain_text(value: str, single_line: bool) -> str:
    """Text shown as it is: no control characters (YAML's "\x07"-style escapes can write them)."""
    bad = CONTROL.search(value) or (single_line and re.search(r"[\r\n]", value))
    if bad:
        what = "en radbrytning" if bad.group() in "\r\n" else f"ett osynligt {describe(bad.group())}"
        raise _fail("styrtecken", f"texten innehåller {what}",
                    "skriv texten på en rad utan specialtecken" if single_line else "ta bort tecknet")
    return value


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def check_email(value: object) -> str:
    text = str(value).strip()
    if not EMAIL_PATTERN.match(text):
        raise _fail("ogiltig-epost", f"”{value}” är inte en e-postadress",
                    "skriv adressen som namn@exempel.se, utan mailto:")
    return text


def check_id(value: object) -> str:
    text = str(value).strip()
    if not ID_PATTERN.match(text):
        raise _fail("okand-referens", f"”{value}” är inte ett giltigt id",
                    "skriv id:t med små bokstäver a–z (å, ä och ö blir a, a och o), siffror och bindestreck")
    return text


def as_list(value: object) -> object:
    """Accept a single id where a list is expected: `municipalities: sundsvall`."""
    return [value] if isinstance(value, str) else value


# WithJsonSchema: the JSON Schemas for editors (schemas/*.schema.json) describe what editors
# write in YAML, which is text for dates and times, not what the validators turn it into.
Date = Annotated[dt.date, BeforeValidator(parse_date),
                 WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
EventTime = Annotated[dt.datetime | dt.date, BeforeValidator(parse_event_time),
                      WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}[:.]\d{2})?$"})]
WebUrl = Annotated[str, BeforeValidator(check_web_url),
                   WithJsonSchema({"type": "string", "format": "uri", "pattern": r"^https?://[^\s]+\.[^\s]+$"})]
Email = Annotated[str, BeforeValidator(check_email), WithJsonSchema({"type": "string", "format": "email"})]
# Numbers as YAML writes them (plain digits), strictly: `jobs: true` is a mistake, not the
# number 1 as Python would have it. A float field still takes a whole number.
Int = Annotated[int, Strict()]
Float = Annotated[float, Strict()]
Id = Annotated[str, BeforeValidator(check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN.pattern})]
# A single id is accepted where a list is expected, so the schema allows both.
IdList = Annotated[list[Id], BeforeValidator(as_list), WithJsonSchema({"anyOf": [
    {"type": "string", "pattern": ID_PATTERN.pattern},
    {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN.pattern}},
]})]
# Text is shown as it is: no control characters (YAML escapes such as "\x07" can write them).
_SingleLine = AfterValidator(lambda value: check_plain_text(value, single_line=True))
_MultiLine = AfterValidator(lambda value: check_plain_text(value, single_line=False))
# The text limits, in characters, written once: the models, the check's messages (from the
# constraint), the JSON Schemas, the field reference, the scaffolder and the importer read them.
TITLE_MAX = 90
SUMMARY_MAX = 200
SHORT_TEXT_MAX = 200
TEXT_MAX = 400
NOTE_MAX = 2000  # editors' notes are never published, so longer than any shown text
TAG_MAX = 30
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX), _SingleLine]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SUMMARY_MAX), _MultiLine]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SHORT_TEXT_MAX), _SingleLine]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX), _MultiLine]
Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NOTE_MAX), _MultiLine]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TAG_MAX), _SingleLine]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=30,
                                         pattern=r"^\+?[0-9][0-9 ()\-]+$")]
