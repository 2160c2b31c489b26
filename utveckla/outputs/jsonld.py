"""Structured data (schema.org JSON-LD) so search engines can show events as events.

The JSON is placed inside <script type="application/ld+json">. HTML ends a script at the
first `</script`, whatever JSON thinks of the quotes around it, so `<`, `>` and `&` are
written as \\u003c, \\u003e and \\u0026: still the same JSON, and no value can break out.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from ..content.site import Site
from ..views.events import EventCard

SCHEMA = "https://schema.org/"
# "Kostnadsfritt", "Gratis", "Fri entré", "Avgiftsfritt", "Ingen avgift": free to attend.
FREE = re.compile(r"kostnadsfri|gratis|fri entré|avgiftsfri|ingen avgift|(?<![\d ])0 kr\b", re.IGNORECASE)
AMOUNT = re.compile(r"(\d[\d  ]*)(?:[.,](\d{1,2}))?\s*(?:kr|kronor|sek)\b", re.IGNORECASE)


def absolute(site_url: str, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}"


def _location(site: Site, card: EventCard) -> list[dict]:
    event = card.entry.data
    places = []
    if event.location is not None:
        address = {"@type": "PostalAddress", "addressLocality": card.municipality_label,
                   "addressRegion": "Västernorrlands län", "addressCountry": "SE"}
        if event.location.address:
            address["streetAddress"] = event.location.address
        place = {"@type": "Place", "name": event.location.name, "address": address}
        if event.location.lat is not None and event.location.lon is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": event.location.lat,
                            "longitude": event.location.lon}
        places.append(place)
    if event.online:
        places.append({"@type": "VirtualLocation", "url": event.online})
    return places


def _price(card: EventCard, site_url: str) -> dict:
    """offers and/or isAccessibleForFree, from the editor's price text and registration link."""
    event = card.entry.data
    text = card.price or ""
    offer_url = event.registration.url if event.registration else absolute(site_url, card.url)
    if FREE.search(text):
        return {"isAccessibleForFree": True,
                "offers": {"@type": "Offer", "price": 0, "priceCurrency": "SEK", "url": offer_url}}
    amount = AMOUNT.search(text)
    if amount:
        whole = re.sub(r"\D", "", amount.group(1))
        price = f"{whole}.{amount.group(2)}" if amount.group(2) else whole
        return {"offers": {"@type": "Offer", "price": price, "priceCurrency": "SEK", "url": offer_url,
                           "description": text}}
    if text or event.registration:
        offer = {"@type": "Offer", "url": offer_url}
        if text:
            offer["description"] = text
        return {"offers": offer}
    return {}


def event_data(site: Site, card: EventCard, site_url: str) -> dict:
    event = card.entry.data
    if event.online and event.location is not None:
        mode = "MixedEventAttendanceMode"
    elif event.online:
        mode = "OnlineEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": card.title,
        "description": card.summary,
        "url": absolute(site_url, card.url),
        "startDate": card.datetime_attr,
    }
    if event.end is not None:
        data["endDate"] = (card.over.isoformat(timespec="minutes") if not card.all_day
                           else (card.over - dt.timedelta(days=1)).date().isoformat())  # the occurrence's last day
    data["eventStatus"] = SCHEMA + ("EventCancelled" if card.cancelled else "EventScheduled")
    data["eventAttendanceMode"] = SCHEMA + mode
    locations = _location(site, card)
    data["location"] = locations[0] if len(locations) == 1 else locations
    organizer = site.get("aktorer", event.organizer)
    data["organizer"] = {"@type": "Organization", "name": card.organizer}
    if organizer is not None:
        data["organizer"] = {"@type": "Organization", "name": card.organizer, "url": organizer.data.url}
    data.update(_price(card, site_url))
    return data


def script_tag(data: dict) -> str:
    """The data as a <script> element that is safe to place in HTML as is."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def offer_data(site: Site, card, site_url: str) -> dict:
    """schema.org GovernmentService for a support offer: who provides it, where, and the page."""
    offer = card.entry.data
    provider = site.get("aktorer", offer.provider)
    areas = ([{"@type": "AdministrativeArea", "name": name} for name in card.municipality_labels]
             or [{"@type": "AdministrativeArea", "name": "Västernorrlands län"}])
    data = {
        "@context": SCHEMA,
        "@type": "GovernmentService",
        "name": offer.title,
        "description": offer.summary,
        "url": absolute(site_url, card.url),
        "serviceType": card.type_label,
        "areaServed": areas,
        "audience": {"@type": "BusinessAudience", "name": "Företag i Västernorrland"},
        "availableChannel": {"@type": "ServiceChannel", "serviceUrl": offer.url},
        "provider": {"@type": "Organization", "name": card.provider},
    }
    if provider is not None:
        data["provider"]["url"] = provider.data.url
        data["provider"].update(contact_point(provider.data.phone, provider.data.email))
    if offer.contact and (offer.contact.phone or offer.contact.email):
        data["availableChannel"]["servicePhone"] = {"@type": "ContactPoint", "contactType": "Frågor om stödet",
                                                    **contact_point(offer.contact.phone, offer.contact.email)}
    availability = AVAILABILITY.get(card.status.id)
    if availability:  # whether it can be applied for now, and the round's dates
        data["offers"] = {"@type": "Offer", "availability": SCHEMA + availability, "url": offer.url}
        if card.status.opens:
            data["offers"]["availabilityStarts"] = card.status.opens.isoformat()
        if card.status.deadline:
            data["offers"]["availabilityEnds"] = card.status.deadline.isoformat()
    return data


# An offer's status (applications.py) as schema.org's availability; "okand" says nothing.
AVAILABILITY = {"oppen": "InStock", "stanger-snart": "LimitedAvailability", "lopande": "InStock",
                "oppnar": "PreOrder", "mellan-omgangar": "OutOfStock", "pausad": "OutOfStock",
                "stangd": "Discontinued"}


def contact_point(phone: str | None, email: str | None) -> dict:
    """telephone and email as schema.org writes them (the phone in international form)."""
    found = {}
    if phone:
        digits = re.sub(r"[^\d+]", "", phone)
        found["telephone"] = digits if digits.startswith("+") else "+46" + digits.lstrip("0")
    if email:
        found["email"] = email
    return found


def organization_data(name: str, url: str, page_url: str, phone: str | None, email: str | None,
                      address: str | None, kind: str = "Organization") -> dict:
    """An organisation or a municipality's business office with its contacts."""
    data = {"@context": SCHEMA, "@type": kind, "name": name, "url": url, "mainEntityOfPage": page_url,
            **contact_point(phone, email)}
    if address:
        data["address"] = address
    return data


# schema.org types for the kinds of result; a kind editors add is a CreativeWork.
RESULT_TYPES = {"rapport": "Report", "utvardering": "Report", "presentation": "PresentationDigitalDocument",
                "karta": "Map"}
MEDIA_TYPES = {"PDF": "application/pdf",
               "Word": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "PowerPoint": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
               "Excel": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def result_data(card, site_url: str) -> dict:
    """schema.org Report (or PresentationDigitalDocument, Map, CreativeWork) for a project result."""
    result, document = card.entry.data, card.document
    data: dict = {
        "@context": SCHEMA,
        "@type": RESULT_TYPES.get(card.kind_id, "CreativeWork"),
        "name": result.title,
        "description": result.summary,
        "url": absolute(site_url, card.url),
        "datePublished": result.date.isoformat(),
        "inLanguage": result.language,
        "genre": card.kind_label,
    }
    if result.theme:
        data["about"] = result.theme
    media: dict = {"@type": "MediaObject",
                   "contentUrl": document.href if document.external else absolute(site_url, document.href)}
    if document.type_label in MEDIA_TYPES:
        media["encodingFormat"] = MEDIA_TYPES[document.type_label]
    if document.size_bytes is not None:
        media["contentSize"] = f"{document.size_bytes} B"
    data["associatedMedia"] = media
    if result.source:
        data["isBasedOn"] = result.source
    return data
