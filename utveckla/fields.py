"""Field types shared by the content models, each failing with a Swedish message.

A custom error's message is written as "what is wrong — what to do"; its type is the
diagnostic code from diagnostics.CODES.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

DATE_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise _fail("ogiltigt-datum", f"datumet {value} finns inte i kalendern",
                    "kontrollera dag och månad (till exempel har februari högst 29 dagar)") from None


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
    if hour > 23 or minute > 59:
        raise _fail("ogiltig-tid", f"klockslaget {hour}:{minute:02d} finns inte",
                    "skriv en tid mellan 00:00 och 23:59")
    return dt.datetime.combine(date, dt.time(hour, minute))


def check_web_url(value: object) -> str:
    text = str(value).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in text:
        raise _fail("ogiltig-url", f"”{value}” är inte en fullständig webbadress",
                    "skriv hela adressen med https:// först, till exempel https://www.almi.se/")
    return text


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
Id = Annotated[str, BeforeValidator(check_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN.pattern})]
# A single id is accepted where a list is expected, so the schema allows both.
IdList = Annotated[list[Id], BeforeValidator(as_list), WithJsonSchema({"anyOf": [
    {"type": "string", "pattern": ID_PATTERN.pattern},
    {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN.pattern}},
]})]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=90)]
Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=30,
                                         pattern=r"^\+?[0-9][0-9 ()\-]+$")]
