"""View-models: what a page shows, computed from the Site as plain values for the templates.

Templates only read attributes and apply filters; every decision (status, order, which offers
a municipality gets, Swedish dates) is made here, where it can be unit-tested.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from ..content.site import Entry, Site
from ..content.swedish import MONTHS, WEEKDAYS, swedish_date, swedish_number, swedish_sort_key
from .applications import APPLICABLE, STATUS_LABELS, STATUS_ORDER, OfferStatus, offer_status

__all__ = ["MONTHS", "WEEKDAYS", "swedish_date", "swedish_number", "OfferStatus", "offer_status"]


def plain_number(value: float) -> str:
    """6000.0 → '6000', 830.5 → '830.5': for data attributes and machines, not for reading."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


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
    sizes: tuple[str, ...]
    size_labels: tuple[str, ...]
    needs: tuple[str, ...]
    amount: str | None
    status: OfferStatus
    deadline: dt.date | None  # the last day of the current or next round, if any


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
    # In the county's order (Härnösand … Ånge, Örnsköldsvik), whatever order the file lists them in.
    municipalities = tuple(sorted(offer.municipalities, key=lambda m: swedish_sort_key(municipality_name(site, m))))
    provider_name = provider.data.title if provider else offer.provider
    status = offer_status(offer, site.today, provider_name)
    return OfferCard(
        entry=entry, title=offer.title, summary=offer.summary, url=entry.url, provider=provider_name,
        provider_url=provider.url if provider else None,
        type_id=offer.type, type_label=site.label("stodtyper", offer.type),
        stages=tuple(offer.stages), stage_labels=tuple(site.label("skeden", s) for s in offer.stages),
        sectors=tuple(offer.sectors), sector_labels=tuple(site.label("sektorer", s) for s in offer.sectors),
        municipalities=municipalities,
        municipality_labels=tuple(municipality_name(site, m) for m in municipalities),
        sizes=tuple(offer.company_sizes), size_labels=tuple(site.label("foretagsstorlekar", s) for s in offer.company_sizes),
        needs=tuple(offer.needs),
        amount=amount_text(offer), status=status, deadline=status.deadline if status.id in APPLICABLE else None,
    )


def municipality_name(site: Site, slug: str) -> str:
    entry = site.get("kommuner", slug)
    return entry.data.title if entry else slug


def sorted_offers(cards: list[OfferCard]) -> list[OfferCard]:
    """Applicable offers first, by status, then nearest deadline, then title."""
    far = dt.date.max
    return sorted(cards, key=lambda c: (STATUS_ORDER.index(c.status.id), c.deadline or far, swedish_sort_key(c.title)))


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
    dated = [c for c in all_offer_cards(site) if c.deadline and c.status.id in APPLICABLE]
    return sorted(dated, key=lambda c: (c.deadline, swedish_sort_key(c.title)))[:limit]


def related_offers(site: Site, entry: Entry, limit: int = 4) -> list[OfferCard]:
    """Other applicable offers of the same type, then sharing a stage."""
    offer, stages = entry.data, set(entry.data.stages)
    same_type: list[OfferCard] = []
    same_stage: list[OfferCard] = []
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
    used_sizes = {s for c in cards for s in c.sizes}
    used_needs = {n for c in cards for n in c.needs}
    used_statuses = {c.status.id for c in cards}
    return {
        "typ": [(k, v) for k, v in site.taxonomy.get("stodtyper", {}).items() if k in used_types],
        "skede": [(k, v) for k, v in site.taxonomy.get("skeden", {}).items() if k in used_stages],
        "bransch": [(k, v) for k, v in site.taxonomy.get("sektorer", {}).items() if k in used_sectors],
        "kommun": [(e.slug, e.data.title) for e in site.entries.get("kommuner", ())],
        "storlek": [(k, v) for k, v in site.taxonomy.get("foretagsstorlekar", {}).items() if k in used_sizes],
        "behov": [(k, v) for k, v in site.taxonomy.get("behov", {}).items() if k in used_needs],
        # Only statuses some offer has: an option that always shows nothing helps nobody.
        "status": [(k, STATUS_LABELS[k]) for k in STATUS_ORDER if k in used_statuses],
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
        places = tuple(sorted((municipality_name(site, m) for m in actor.municipalities), key=swedish_sort_key))
        category_label = site.label("aktorstyper", actor.category) if actor.category else None
        cards.append(ActorCard(actor.title, actor.summary, entry.url, actor.category, category_label, helps, labels,
                               tuple(actor.municipalities), places, len(offers_by_provider(site, entry.slug))))
    return sorted(cards, key=lambda c: swedish_sort_key(c.title))


def actor_facets(site: Site, cards: list[ActorCard]) -> dict[str, list[tuple[str, str]]]:
    helps = {h for c in cards for h in c.helps}
    categories = {c.category for c in cards if c.category}
    return {
        "hjalp": [(k, v) for k, v in site.taxonomy.get("stodtyper", {}).items() if k in helps],
        "kommun": [(e.slug, e.data.title) for e in site.entries.get("kommuner", ())],
        "sort": [(k, v) for k, v in site.taxonomy.get("aktorstyper", {}).items() if k in categories],
    }


@dataclass(frozen=True)
class AidLevelRow:
    slug: str
    municipality: str
    url: str
    area: int | None
    text: str


def aid_level_rows(site: Site, offer) -> list[AidLevelRow]:
    """For an offer whose level depends on the aid area: what applies in each municipality it covers."""
    if not offer.aid_levels:
        return []
    levels = {level.area: level.text for level in offer.aid_levels}
    rows = []
    for entry in site.entries.get("kommuner", ()):
        if offer.municipalities and entry.slug not in offer.municipalities:
            continue
        area = entry.data.aid_area
        text = levels.get(area, "Uppgift saknas för det här stödområdet.") if area else "Uppgift saknas om stödområde."
        if area and entry.data.aid_area_note:
            text = f"{text} {entry.data.aid_area_note}"
        rows.append(AidLevelRow(entry.slug, entry.data.title, entry.url, area, text))
    return rows


def aid_offers_for_municipality(site: Site, slug: str) -> list[tuple[OfferCard, str]]:
    """Offers whose level depends on the aid area, with the level that applies in this municipality."""
    entry = site.get("kommuner", slug)
    area = entry.data.aid_area if entry else None
    found = []
    for card in all_offer_cards(site):
        offer = card.entry.data
        if card.status.id == "stangd" or not offer.aid_levels or (offer.municipalities and slug not in offer.municipalities):
            continue
        text = next((level.text for level in offer.aid_levels if level.area == area), None)
        if text:
            found.append((card, text))
    return found
