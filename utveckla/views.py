"""View-models: what a page shows, computed from the Site as plain values for the templates.

Templates only read attributes and apply filters; every decision (status, order, which offers
a municipality gets, Swedish dates) is made here, where it can be unit-tested.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from .site import Entry, Site

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
CLOSING_SOON_DAYS = 30

# Status ids in the order cards are listed: what can be applied for now comes first.
STATUS_ORDER = ("stanger-snart", "oppen", "lopande", "oppnar", "stangd")
STATUS_LABELS = {"oppen": "Öppen", "stanger-snart": "Stänger snart", "lopande": "Löpande",
                 "oppnar": "Öppnar senare", "stangd": "Stängd"}


def swedish_date(day: dt.date, weekday: bool = False) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def swedish_number(value: float) -> str:
    """250000 → '250 000' with a non-breaking space, as Swedish typography wants."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u00a0")
    return f"{value:,.1f}".replace(",", "\u00a0").replace(".", ",")


def plain_number(value: float) -> str:
    """6000.0 → '6000', 830.5 → '830.5': for data attributes and machines, not for reading."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass(frozen=True)
class OfferStatus:
    id: str
    label: str  # the badge text, e.g. "Öppnar 1 mars 2027"
    detail: str  # a sentence for the offer page


def offer_status(opens: dt.date | None, deadline: dt.date | None, today: dt.date) -> OfferStatus:
    if opens and opens > today:
        when = swedish_date(opens)
        return OfferStatus("oppnar", f"Öppnar {when}", f"Ansökan öppnar {when}.")
    if deadline is None:
        return OfferStatus("lopande", "Löpande", "Du kan ansöka när som helst. Det finns ingen sista ansökningsdag.")
    if deadline < today:
        return OfferStatus("stangd", "Stängd", f"Ansökan stängde {swedish_date(deadline)}.")
    days = (deadline - today).days
    left = "i dag" if days == 0 else "i morgon" if days == 1 else f"om {days} dagar"
    if days <= CLOSING_SOON_DAYS:
        return OfferStatus("stanger-snart", "Stänger snart", f"Sista ansökningsdag är {swedish_date(deadline)}, {left}.")
    return OfferStatus("oppen", "Öppen", f"Sista ansökningsdag är {swedish_date(deadline)}.")


@dataclass(frozen=True)
class OfferCard:
    entry: Entry
    title: str
    summary: str
    url: str  # relative to the site root
    provider: str
    provider_url: str | None
    type_id: str
    type_label: str
    stages: tuple[str, ...]
    stage_labels: tuple[str, ...]
    sectors: tuple[str, ...]
    sector_labels: tuple[str, ...]
    municipalities: tuple[str, ...]
    municipality_labels: tuple[str, ...]
    amount: str | None
    status: OfferStatus
    deadline: dt.date | None


def amount_text(offer) -> str | None:
    parts = []
    if offer.max_amount_sek is not None:
        parts.append(f"Upp till {swedish_number(offer.max_amount_sek)} kronor")
    if offer.max_share_percent is not None:
        share = f"{swedish_number(offer.max_share_percent)} procent av kostnaden"
        parts.append(f"högst {share}" if parts else f"Upp till {share}")
    return ", ".join(parts) if parts else None


def offer_card(site: Site, entry: Entry) -> OfferCard:
    offer = entry.data
    provider = site.get("aktorer", offer.provider)
    municipalities = tuple(offer.municipalities)
    return OfferCard(
        entry=entry, title=offer.title, summary=offer.summary, url=entry.url,
        provider=provider.data.title if provider else offer.provider,
        provider_url=provider.url if provider else None,
        type_id=offer.type, type_label=site.label("stodtyper", offer.type),
        stages=tuple(offer.stages), stage_labels=tuple(site.label("skeden", s) for s in offer.stages),
        sectors=tuple(offer.sectors), sector_labels=tuple(site.label("sektorer", s) for s in offer.sectors),
        municipalities=municipalities,
        municipality_labels=tuple(municipality_name(site, m) for m in municipalities),
        amount=amount_text(offer), status=offer_status(offer.opens, offer.deadline, site.today),
        deadline=offer.deadline,
    )


def municipality_name(site: Site, slug: str) -> str:
    entry = site.get("kommuner", slug)
    return entry.data.title if entry else slug


def sorted_offers(cards: list[OfferCard]) -> list[OfferCard]:
    """Applicable offers first, by status, then nearest deadline, then title."""
    far = dt.date.max
    return sorted(cards, key=lambda c: (STATUS_ORDER.index(c.status.id), c.deadline or far, c.title))


_CARDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def all_offer_cards(site: Site) -> list[OfferCard]:
    """Every published offer as a card, in listing order; computed once per Site."""
    if site not in _CARDS:
        _CARDS[site] = sorted_offers([offer_card(site, entry) for entry in site.entries.get("stod", ())])
    return _CARDS[site]


def offers_for_municipality(site: Site, slug: str) -> list[OfferCard]:
    """Offers open to companies in a municipality: those naming it, and county-wide ones."""
    return [c for c in all_offer_cards(site)
            if c.status.id != "stangd" and (not c.municipalities or slug in c.municipalities)]


def offers_by_provider(site: Site, slug: str) -> list[OfferCard]:
    return [c for c in all_offer_cards(site) if c.entry.data.provider == slug]


def closing_soonest(site: Site, limit: int = 5) -> list[OfferCard]:
    """Offers with a deadline still ahead, soonest first (the start page's list)."""
    dated = [c for c in all_offer_cards(site) if c.deadline and c.status.id in ("oppen", "stanger-snart")]
    return sorted(dated, key=lambda c: (c.deadline, c.title))[:limit]


def related_offers(site: Site, entry: Entry, limit: int = 4) -> list[OfferCard]:
    """Other applicable offers of the same type, then sharing a stage."""
    offer, stages = entry.data, set(entry.data.stages)
    same_type, same_stage = [], []
    for card in all_offer_cards(site):
        if card.entry.slug == entry.slug or card.status.id == "stangd":
            continue
        if card.type_id == offer.type:
            same_type.append(card)
            if len(same_type) == limit:
                break
        elif len(same_stage) < limit and stages & set(card.stages):
            same_stage.append(card)
    return (same_type + same_stage)[:limit]


def facet_options(site: Site, cards: list[OfferCard]) -> dict[str, list[tuple[str, str]]]:
    """The choices in each filter: only ids that at least one offer uses, in vocabulary order."""
    used_types = {c.type_id for c in cards}
    used_stages = {s for c in cards for s in c.stages}
    used_sectors = {s for c in cards for s in c.sectors}
    return {
        "typ": [(k, v) for k, v in site.taxonomy.get("stodtyper", {}).items() if k in used_types],
        "skede": [(k, v) for k, v in site.taxonomy.get("skeden", {}).items() if k in used_stages],
        "bransch": [(k, v) for k, v in site.taxonomy.get("sektorer", {}).items() if k in used_sectors],
        "kommun": [(e.slug, e.data.title) for e in site.entries.get("kommuner", ())],
        "status": [(k, STATUS_LABELS[k]) for k in STATUS_ORDER],
    }


def actors_for_municipality(site: Site, slug: str) -> list[Entry]:
    return [e for e in site.entries.get("aktorer", ())
            if not e.data.municipalities or slug in e.data.municipalities]


@dataclass(frozen=True)
class ActorCard:
    title: str
    summary: str
    url: str
    category: str | None
    category_label: str | None
    helps: tuple[str, ...]
    help_labels: tuple[str, ...]
    municipalities: tuple[str, ...]
    municipality_labels: tuple[str, ...]
    offer_count: int


def actor_cards(site: Site) -> list[ActorCard]:
    """The directory "Vem kan hjälpa mig?": every organisation with what it helps with and where."""
    cards = []
    for entry in site.entries.get("aktorer", ()):
        actor = entry.data
        helps = tuple(actor.helps_with)
        labels = tuple(site.label("stodtyper", h) for h in helps)
        places = tuple(municipality_name(site, m) for m in actor.municipalities)
        category_label = site.label("aktorstyper", actor.category) if actor.category else None
        cards.append(ActorCard(actor.title, actor.summary, entry.url, actor.category, category_label, helps, labels,
                               tuple(actor.municipalities), places, len(offers_by_provider(site, entry.slug))))
    return sorted(cards, key=lambda c: c.title.casefold())


def actor_facets(site: Site, cards: list[ActorCard]) -> dict[str, list[tuple[str, str]]]:
    helps = {h for c in cards for h in c.helps}
    categories = {c.category for c in cards if c.category}
    return {
        "hjalp": [(k, v) for k, v in site.taxonomy.get("stodtyper", {}).items() if k in helps],
        "kommun": [(e.slug, e.data.title) for e in site.entries.get("kommuner", ())],
        "sort": [(k, v) for k, v in site.taxonomy.get("aktorstyper", {}).items() if k in categories],
    }
