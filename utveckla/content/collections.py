"""The collections: folder, model, references and the rules that need more than one field.

A new collection plugs in here: the loader, validator and page generator read this table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import models
from .recurrence import repeat_problems

# (field path, target) pairs; a target is another collection or "taxonomi:<vocabulary>".
Reference = tuple[tuple[str, ...], str]
# A rule yields (field path, code, problem, fix) for one validated item.
Problem = tuple[tuple, str, str, str]

# Rough outline of Västernorrland county (lat, lon), clockwise from the south-west corner of
# Ånge. Coarse on purpose: it separates the county from its neighbours well enough to catch
# swapped coordinates or a point in Stockholm, without a GIS dependency.
COUNTY_OUTLINE = [
    (62.03, 15.42), (62.55, 15.30), (62.95, 15.75), (63.20, 16.40), (63.55, 16.95),
    (63.80, 17.55), (64.12, 18.25), (63.95, 19.10), (63.55, 19.35), (63.35, 19.45), (63.20, 18.95),
    (62.75, 18.40), (62.30, 17.70), (62.10, 17.45), (62.00, 16.80),
]


@dataclass(frozen=True)
class Collection:
    name: str  # folder under content/ and URL prefix
    label: str  # Swedish name of the collection, for messages and headings
    model: type[models.Strict]  # models.Item for content folders; kallor.yml's sources are not pages
    references: tuple[Reference, ...] = ()
    # Each collection's rules take its own model (models.Offer, …), which Callable cannot say per entry.
    rules: Callable[[Any], Iterator[Problem]] | None = None
    extra: dict = field(default_factory=dict)  # reserved_slugs: file names taken by other pages
    singular: str = field(kw_only=True)  # one item, for forms and buttons ("Ny investering"); the form editor reads it


# The county's seven municipalities (the contract's ids): the only files content/kommuner/ may hold.
MUNICIPALITIES = {
    "harnosand": "Härnösand", "kramfors": "Kramfors", "solleftea": "Sollefteå", "sundsvall": "Sundsvall",
    "timra": "Timrå", "ange": "Ånge", "ornskoldsvik": "Örnsköldsvik",
}
# A file name every collection reserves: content/<collection>/index.md would be the listing page.
RESERVED_EVERYWHERE = ("index",)
COORDINATE_FIX = ("kontrollera koordinaterna (lat är cirka 62–64 och lon cirka 15–19 i länet) "
                  "och att lat och lon inte bytt plats")


def reserved_slugs(collection: Collection) -> tuple[str, ...]:
    return RESERVED_EVERYWHERE + tuple(collection.extra.get("reserved_slugs", ()))


def _point_problems(path: tuple, lat: float | None, lon: float | None) -> Iterator[Problem]:
    """Coordinates, wherever they are written: both or neither, and inside the county."""
    if (lat is None) != (lon is None):
        missing = "lon" if lon is None else "lat"
        yield (path + (missing,), "saknat-falt", f"{'lat' if missing == 'lon' else 'lon'} är ifyllt men {missing} saknas",
               "skriv både lat och lon, eller ingen av dem")
    elif lat is not None and lon is not None and not inside_county(lat, lon):
        yield (path, "utanfor-lanet", f"punkten lat {lat}, lon {lon} ligger utanför Västernorrlands län", COORDINATE_FIX)


def inside_county(lat: float, lon: float) -> bool:
    """Point-in-polygon (ray casting) against COUNTY_OUTLINE."""
    inside = False
    points = COUNTY_OUTLINE
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:] + points[:1], strict=True):
        if (lon1 > lon) != (lon2 > lon):
            crossing = lat1 + (lon - lon1) * (lat2 - lat1) / (lon2 - lon1)
            if lat < crossing:
                inside = not inside
    return inside


def _offer_rules(offer: models.Offer) -> Iterator[Problem]:
    if offer.opens and offer.deadline and offer.deadline < offer.opens:
        yield (("deadline",), "datumordning", f"sista ansökningsdag {offer.deadline} ligger före öppningsdagen {offer.opens}",
               "kontrollera datumen; deadline ska vara samma dag som opens eller senare")


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())


def _as_written(value: dt.date | dt.datetime) -> str:
    """A time the way editors write it: 2026-12-03 07:30 (no seconds)."""
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, dt.datetime) else value.isoformat()


def _event_rules(event: models.Event) -> Iterator[Problem]:
    # A calendar needs both ends of an event in the same form (RFC 5545 demands it for DTEND).
    if event.end is not None and isinstance(event.start, dt.datetime) != isinstance(event.end, dt.datetime):
        yield (("end",), "fel-typ", "start och end har olika form: den ena har ett klockslag, den andra bara ett datum",
               "skriv båda med klockslag (ÅÅÅÅ-MM-DD TT:MM), eller båda som bara datum för ett heldagsevenemang")
    elif event.end is not None and _as_datetime(event.end) < _as_datetime(event.start):
        yield (("end",), "slut-fore-start", f"slutet ({_as_written(event.end)}) ligger före starten ({_as_written(event.start)})",
               "rätta end så att den är samma tid som start eller senare")
    yield from repeat_problems(event)
    if event.location is None and event.online is None:
        yield (("location",), "saknat-falt", "evenemanget har varken plats eller länk",
               "lägg till location (name, municipality) för en fysisk plats eller online med en länk")
    if event.location is not None:
        yield from _point_problems(("location",), event.location.lat, event.location.lon)
    start_day = event.start.date() if isinstance(event.start, dt.datetime) else event.start
    if event.registration and event.registration.deadline and event.registration.deadline > start_day:
        yield (("registration", "deadline"), "datumordning", "sista anmälningsdag ligger efter att evenemanget börjat",
               "sätt en sista anmälningsdag som är samma dag som start eller tidigare")


def _investment_rules(investment: models.Investment) -> Iterator[Problem]:
    if investment.amount_msek is not None and investment.amount_year is None:
        yield (("amount_year",), "saknat-falt", "amount_msek är ifyllt men amount_year saknas",
               "lägg till amount_year med året som beloppet gäller, till exempel amount_year: 2024")
    yield from _point_problems(("location",), investment.location.lat, investment.location.lon)
    years = investment.years
    if years and years.start and years.end and years.end < years.start:
        yield (("years", "end"), "datumordning", f"slutåret {years.end} ligger före startåret {years.start}",
               "kontrollera åren i years")


def _municipality_rules(municipality: models.Municipality) -> Iterator[Problem]:
    yield from _point_problems(("location",), municipality.location.lat, municipality.location.lon)
    office = municipality.business_office
    contact_page = office.contact_url and office.contact_url.rstrip("/") != municipality.website.rstrip("/")
    if not (office.phone or office.email or contact_page):
        # A business owner who opens the page must be able to reach someone, not a home page.
        yield (("business_office",), "saknat-falt", "näringslivskontoret har varken telefon, e-post eller en kontaktsida",
               "lägg till phone eller email under business_office, eller contact_url med en kontaktsida som inte är kommunens startsida")


def _article_rules(article: models.Article) -> Iterator[Problem]:
    if article.image and not article.image_alt:
        yield (("image_alt",), "alt-text-saknas", "bilden saknar alternativtext",
               "lägg till image_alt med en kort beskrivning av vad bilden visar")


COLLECTIONS: dict[str, Collection] = {
    collection.name: collection
    for collection in (
        Collection("kommuner", "kommuner", models.Municipality, rules=_municipality_rules, singular="kommun"),
        Collection("aktorer", "aktörer", models.Actor, (
            (("municipalities",), "kommuner"),
            (("category",), "taxonomi:aktorstyper"),
            (("helps_with",), "taxonomi:stodtyper"),
        ), singular="aktör"),
        Collection("stod", "stöd och finansiering", models.Offer, (
            (("provider",), "aktorer"),
            (("type",), "taxonomi:stodtyper"),
            (("stages",), "taxonomi:skeden"),
            (("sectors",), "taxonomi:sektorer"),
            (("municipalities",), "kommuner"),
            (("company_sizes",), "taxonomi:foretagsstorlekar"),
            (("needs",), "taxonomi:behov"),
        ), _offer_rules, singular="stöd"),
        Collection("evenemang", "evenemang", models.Event, (
            (("organizer",), "aktorer"),
            (("type",), "taxonomi:evenemangstyper"),
            (("location", "municipality"), "kommuner"),
        ), _event_rules, {"reserved_slugs": ("arkiv",)}, singular="evenemang"),  # /kalender/arkiv/ is the archive
        Collection("investeringar", "investeringar", models.Investment, (
            (("municipality",), "kommuner"),
            (("sector",), "taxonomi:sektorer"),
            (("status",), "taxonomi:investeringsstatus"),
        ), _investment_rules, singular="investering"),
        Collection("aktuellt", "nyheter", models.Article, (
            (("municipalities",), "kommuner"),
        ), _article_rules, singular="nyhet"),
        # min_sentences: the body is the result's plain-language summary (results.body_problems).
        Collection("resultat", "projektets resultat", models.Result, (
            (("kind",), "taxonomi:resultattyper"),
            (("news",), "aktuellt"),
        ), extra={"min_sentences": 3}, singular="resultat"),
    )
}

# Ids the contract promises; removing one from taxonomier.yml would break the contract.
REQUIRED_TAXONOMY = {
    "stodtyper": ["bidrag", "lan", "garanti", "riskkapital", "radgivning", "natverk", "kompetens", "ovrigt"],
    "skeden": ["ide", "starta", "vaxa", "etablera", "omstalla", "internationalisera"],
    "sektorer": ["energi", "industri", "infrastruktur", "bostader", "fastigheter", "besoksnaring",
                 "digital", "logistik", "ovrigt"],
    "evenemangstyper": ["frukostmote", "seminarium", "webbinarium", "natverkstraff", "massa",
                        "konferens", "utbildning", "ovrigt"],
    "investeringsstatus": ["planerad", "beslutad", "pagaende", "klar", "pausad", "avbruten"],
    "aktorstyper": [],
    # EU's size classes (Recommendation 2003/361/EC): fewer than 10, 50 and 250 employees.
    "foretagsstorlekar": ["mikro", "sma", "medelstora", "stora"],
    "resultattyper": ["rapport", "utvardering", "presentation", "karta", "budskap", "annat"],
    # "Vad vill du göra?" on /stod/: what a business wants to do, as the offers' needs.
    "behov": [],
}
# Vocabularies a content folder may leave out (added after the contract; no offer then has needs).
OPTIONAL_TAXONOMY = frozenset({"behov"})
