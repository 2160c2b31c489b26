"""When a business can apply for an offer: the status that cards, filters, pages and JSON-LD show.

An offer says how applications work over time (`application` in models.py):

- `lopande`: applications are taken at any time (perhaps until a final `deadline`);
- `omgangar`: applications come in rounds, each with a last day (`rounds`, or the single
  `opens`/`deadline` pair), and between rounds nothing can be applied for;
- `pausad`: the provider has stopped taking applications for now;
- `stangd`: the offer has ended.

An offer that says nothing is not shown as "apply at any time": the page says that the
information is missing ("uppgift saknas") and points to the provider. Dates alone still work
as before: a deadline ahead means open, one behind means closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content.swedish import swedish_date

CLOSING_SOON_DAYS = 30

# Status ids in the order cards are listed: what can be applied for now comes first.
STATUS_ORDER = ("stanger-snart", "oppen", "lopande", "oppnar", "mellan-omgangar", "okand", "pausad", "stangd")
STATUS_LABELS = {"oppen": "Öppen", "stanger-snart": "Stänger snart", "lopande": "Löpande",
                 "oppnar": "Öppnar senare", "mellan-omgangar": "Ingen öppen omgång", "okand": "Ansökningstid saknas",
                 "pausad": "Pausad", "stangd": "Stängd"}
# Statuses in which an application can be sent in today.
APPLICABLE = frozenset({"stanger-snart", "oppen", "lopande"})


@dataclass(frozen=True)
class OfferStatus:
    id: str
    label: str  # the badge text
    detail: str  # a sentence for the offer page
    deadline: dt.date | None = None  # the last day of the round that decides the status
    opens: dt.date | None = None


@dataclass(frozen=True)
class Window:
    opens: dt.date | None
    deadline: dt.date | None


def _windows(offer) -> list[Window]:
    """Every dated period in the offer: the rounds, and the top-level opens/deadline pair."""
    windows = [Window(r.opens, r.deadline) for r in offer.rounds]
    if offer.opens or offer.deadline:
        windows.append(Window(offer.opens, offer.deadline))
    return sorted(windows, key=lambda w: (w.deadline or dt.date.max, w.opens or dt.date.min))


def _dated_status(window: Window, today: dt.date) -> OfferStatus | None:
    """Open, closing soon or opening later, from one period; None when it is over."""
    if window.opens and window.opens > today:
        when = swedish_date(window.opens)
        return OfferStatus("oppnar", f"Öppnar {when}", f"Ansökan öppnar {when}.", window.deadline, window.opens)
    if window.deadline is None or window.deadline < today:
        return None
    days = (window.deadline - today).days
    left = "i dag" if days == 0 else "i morgon" if days == 1 else f"om {days} dagar"
    status = "stanger-snart" if days <= CLOSING_SOON_DAYS else "oppen"
    return OfferStatus(status, STATUS_LABELS[status], f"Sista ansökningsdag är {swedish_date(window.deadline)}, {left}.",
                       window.deadline, window.opens)


def offer_status(offer, today: dt.date, provider: str = "den som ger stödet") -> OfferStatus:
    mode, note = offer.application, offer.application_note
    if mode == "stangd":
        return OfferStatus("stangd", STATUS_LABELS["stangd"], "Stödet går inte längre att söka.")
    if mode == "pausad":
        return OfferStatus("pausad", STATUS_LABELS["pausad"], f"{provider} tar inte emot ansökningar just nu. {note or ''}".strip())
    windows = _windows(offer)
    # The current or next period decides; a period that has ended only matters when none is left.
    for window in windows:
        status = _dated_status(window, today)
        if status is not None:
            return status
    last = max((w.deadline for w in windows if w.deadline), default=None)
    if mode == "lopande" and last is None:
        return OfferStatus("lopande", STATUS_LABELS["lopande"], "Du kan ansöka när som helst. Det finns ingen sista ansökningsdag.")
    if mode == "omgangar":
        since = f" Den senaste omgången stängde {swedish_date(last)}." if last else ""
        return OfferStatus("mellan-omgangar", STATUS_LABELS["mellan-omgangar"],
                           f"Stödet söks i omgångar, och ingen ny omgång är utannonserad just nu.{since} "
                           + (note or f"Håll koll på {provider}s webbplats."), last)
    if last is not None:
        return OfferStatus("stangd", STATUS_LABELS["stangd"], f"Ansökan stängde {swedish_date(last)}.", last)
    return OfferStatus("okand", STATUS_LABELS["okand"],
                       f"Uppgift saknas om när du kan ansöka. Fråga {provider} eller läs på deras webbplats. {note or ''}".strip())
