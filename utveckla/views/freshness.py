"""`make stale`: content that may be out of date, relative to the build date.

Offers, organisations and investments whose `reviewed` date is more than twelve months old,
and offers whose deadline passed more than six months ago (time to retire them). The report
is advice for editors: it never fails a build.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..content.site import Site
from .cards import swedish_date

REVIEWED_COLLECTIONS = ("stod", "aktorer", "investeringar")
REVIEW_MONTHS = 12
CLOSED_MONTHS = 6


@dataclass(frozen=True, order=True)
class StaleItem:
    path: str
    title: str
    reason: str


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier; the month's last day when it has no such day (31st, 29 Feb)."""
    year, month_index = divmod(day.year * 12 + day.month - 1 - months, 12)
    month = month_index + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def stale_items(site: Site) -> list[StaleItem]:
    review_limit = months_before(site.today, REVIEW_MONTHS)
    closed_limit = months_before(site.today, CLOSED_MONTHS)
    found = []
    for collection in REVIEWED_COLLECTIONS:
        for entry in site.entries.get(collection, ()):
            reviewed = entry.data.reviewed
            if reviewed is not None and reviewed < review_limit:
                found.append(StaleItem(entry.path, entry.data.title,
                                       f"kontrollerades senast {swedish_date(reviewed)}, för mer än 12 månader sedan"))
    for entry in site.entries.get("stod", ()):
        deadline = entry.data.deadline
        if deadline is not None and deadline < closed_limit:
            found.append(StaleItem(entry.path, entry.data.title,
                                   f"sista ansökningsdag var {swedish_date(deadline)}, för mer än 6 månader sedan: "
                                   "kontrollera om stödet kommer tillbaka, annars sätt draft: true"))
    # An editor's note says what is uncertain: it is listed until someone checks and removes it.
    for entries in site.entries.values():
        for entry in entries:
            if entry.data.notes:
                found.append(StaleItem(entry.path, entry.data.title, f"anteckning: {_first_sentence(entry.data.notes)}"))
    return sorted(found)


def _first_sentence(text: str, limit: int = 140) -> str:
    sentence = text.strip().split("\n")[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def report_text(site: Site, items: list[StaleItem]) -> str:
    if not items:
        return f"Inget innehåll behöver kontrolleras (byggdatum {site.today.isoformat()})."
    lines = [f"{len(items)} uppgifter kan vara inaktuella (byggdatum {site.today.isoformat()}):"]
    lines += [f"{item.path}: {item.title}: {item.reason}" for item in items]
    lines.append("Kontrollera uppgifterna mot källan och skriv dagens datum i reviewed.")
    return "\n".join(lines)


def report_markdown(site: Site, items: list[StaleItem]) -> str:
    """For the GitHub Actions job summary."""
    if not items:
        return f"### Aktualitet\n\nInget innehåll behöver kontrolleras (byggdatum {site.today.isoformat()}).\n"
    rows = "\n".join(f"| `{item.path}` | {item.title.replace('|', '/')} | {item.reason} |" for item in items)
    return (f"### Aktualitet\n\n{len(items)} uppgifter kan vara inaktuella (byggdatum {site.today.isoformat()}).\n\n"
            f"| fil | titel | varför |\n|---|---|---|\n{rows}\n")
