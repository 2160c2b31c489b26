"""The open-data catalogue: DCAT-AP-SE in JSON-LD, so that dataportal.se can harvest the site.

The datasets are described once, here (DATASETS and their distributions); the catalogue file
(/oppna-data/katalog.jsonld) and the page for people (/oppna-data/) are both made from that
description, and the distributions' paths are the very constants the open-data files are written
to (mapdata, events.feeds, the news feed), so the catalogue cannot name a file the site lacks.

The shapes follow DCAT-AP 3 as DCAT-AP-SE profiles it: a dataset has title and description
(Swedish and English), publisher (foaf:Agent with a publisher type), contact point (vcard with
e-mail, required by DCAT-AP-SE), theme, keywords, spatial coverage, update frequency, landing
page and distributions; a distribution has access and download URL, IANA media type, format
and licence. Controlled vocabularies are the EU Publications Office's authority tables.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..content.site import Site
from ..views import events
from . import mapdata

CATALOGUE_PATH = "oppna-data/katalog.jsonld"
PAGE_PATH = "oppna-data/"
NEWS_FEED_PATH = "aktuellt/feed.xml"

EU = "http://publications.europa.eu/resource/authority/"
CC0 = EU + "licence/CC0"
# Västernorrlands län by its EU NUTS code (SE321; NUTS is the EU's authority for regions, which
# DCAT-AP names for dct:spatial), inside Sweden; the box is the county's extent.
SPATIAL = {
    "@id": "http://data.europa.eu/nuts/code/SE321",
    "@type": "dct:Location",
    "skos:prefLabel": [{"@value": "Västernorrlands län", "@language": "sv"},
                       {"@value": "Västernorrland County", "@language": "en"}],
    "dcat:bbox": {"@value": "POLYGON((15.3 62.0, 19.4 62.0, 19.4 64.3, 15.3 64.3, 15.3 62.0))",
                  "@type": "http://www.opengis.net/ont/geosparql#wktLiteral"},
}
SWEDEN = {"@id": EU + "country/SWE", "@type": "dct:Location"}
# Everything in the catalogue is open data: DCAT-AP-SE recommends saying so on each dataset.
PUBLIC = {"@id": EU + "access-right/PUBLIC", "@type": "dct:RightsStatement"}

# The range classes are stated with each term, as the DCAT-AP shapes check them without inference.
LANGUAGE = {"@id": EU + "language/SWE", "@type": "dct:LinguisticSystem"}
# EU data themes in use, with their labels (the shapes want a skos:prefLabel on each concept).
THEME_LABELS = {"ECON": ("Ekonomi och finans", "Economy and finance")}
# EU frequency codes and what they are in Swedish, for the page.
FREQUENCY_LABELS = {"DAILY": "Varje dag", "IRREG": "När uppgifterna ändras"}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Distribution:
    title_sv: str
    title_en: str
    path: str  # relative to the site root
    media_type: str  # IANA, e.g. "text/csv"
    file_type: str  # EU file-type code, e.g. "CSV"


@dataclass(frozen=True)
class Dataset:
    slug: str
    title_sv: str
    title_en: str
    description_sv: str
    description_en: str
    keywords_sv: tuple[str, ...]
    theme: str  # EU data-theme code
    frequency: str  # EU frequency code
    landing_page: str  # the page people read the same data on
    landing_title: str  # that page's name, for the link on /oppna-data/
    distributions: tuple[Distribution, ...]

    @property
    def frequency_label(self) -> str:
        return FREQUENCY_LABELS[self.frequency]


def datasets(site: Site) -> list[Dataset]:
    """The site's open data: investments, the calendar feeds and the news feed."""
    feeds = tuple(Distribution(f"Kalender: {feed.label}", f"Calendar: {feed.label}", feed.path, "text/calendar", "ICS")
                  for feed in events.feeds(site))
    return [
        Dataset(
            "investeringar", "Investeringar i Västernorrland", "Investments in Västernorrland",
            "Stora investeringar i Västernorrlands län: namn, ägare, kommun, sektor, läge, belopp, "
            "tidsplan, antal jobb och plats. Samma uppgifter som investeringskartan.",
            "Major investments in Västernorrland County, Sweden: name, owner, municipality, sector, status, "
            "amount, schedule, jobs and location. The same records as the investment map.",
            ("investeringar", "näringsliv", "etableringar"), "ECON", "IRREG", "investeringar/", "Investeringskartan",
            (Distribution("Investeringar som GeoJSON", "Investments as GeoJSON", mapdata.GEOJSON_PATH,
                          "application/geo+json", "GEOJSON"),
             Distribution("Investeringar som CSV", "Investments as CSV", mapdata.CSV_PATH, "text/csv", "CSV"))),
        Dataset(
            "kalender", "Evenemang för företag i Västernorrland", "Business events in Västernorrland",
            "Kommande frukostmöten, seminarier, nätverksträffar och webbinarier för företag, som "
            "iCalendar-flöden: ett för hela länet och ett per kommun.",
            "Upcoming business breakfasts, seminars, networking events and webinars, as iCalendar feeds: "
            "one for the whole county and one per municipality.",
            ("evenemang", "kalender", "företag"), "ECON", "DAILY", "kalender/", "Kalender", feeds),
        Dataset(
            "aktuellt", "Nyheter från Utveckla Västernorrland", "News from Utveckla Västernorrland",
            "Nyheter om stöd, investeringar och omställning för företag i Västernorrland, som Atom-flöde.",
            "News about business support, investments and the transition in Västernorrland, as an Atom feed.",
            ("nyheter", "näringsliv"), "ECON", "IRREG", "aktuellt/", "Aktuellt",
            (Distribution("Nyheter som Atom-flöde", "News as an Atom feed", NEWS_FEED_PATH,
                          "application/atom+xml", "ATOM"),)),
    ]


def _texts(sv: str, en: str) -> list[dict]:
    return [{"@value": sv, "@language": "sv"}, {"@value": en, "@language": "en"}]


def _agent(contact: dict) -> dict:
    agent = {"@id": contact.get("url") or f"mailto:{contact['email']}", "@type": "foaf:Agent",
             "foaf:name": {"@value": contact["name"], "@language": "sv"},
             # Härnösands kommun runs the site for the county's municipalities: a local authority.
             "dct:type": {"@id": "http://purl.org/adms/publishertype/LocalAuthority", "@type": "skos:Concept",
                         "skos:prefLabel": {"@value": "Local Authority", "@language": "en"}}}
    if contact.get("url"):
        agent["foaf:homepage"] = {"@id": contact["url"], "@type": "foaf:Document"}
    if contact.get("email"):
        agent["foaf:mbox"] = {"@id": f"mailto:{contact['email']}"}
    return agent


def _contact_point(contact: dict) -> dict:
    point = {"@type": ["vcard:Organization", "vcard:Kind"], "vcard:fn": contact["name"],
             "vcard:hasEmail": {"@id": f"mailto:{contact['email']}"}}
    if contact.get("url"):
        point["vcard:hasURL"] = {"@id": contact["url"]}
    if contact.get("phone"):
        point["vcard:hasTelephone"] = {"@id": "tel:" + "".join(c for c in contact["phone"] if c.isdigit() or c == "+")}
    return point


def _distribution(dataset: Dataset, dist: Distribution, url) -> dict:
    return {
        "@id": url(f"{PAGE_PATH}#{dataset.slug}-{dist.path.replace('/', '-')}"),
        "@type": "dcat:Distribution",
        "dct:title": _texts(dist.title_sv, dist.title_en),
        "dcat:accessURL": {"@id": url(dist.path)},
        "dcat:downloadURL": {"@id": url(dist.path)},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{dist.media_type}",
                           "@type": "dct:MediaType"},
        "dct:format": {"@id": f"{EU}file-type/{dist.file_type}", "@type": "dct:MediaTypeOrExtent"},
        "dct:license": {"@id": CC0, "@type": "dct:LicenseDocument"},
    }


def catalogue(site: Site, site_url: str, contact: dict | None) -> dict:
    """The DCAT-AP-SE catalogue as a JSON-LD document (a dict)."""
    if not contact or not contact.get("name") or not contact.get("email"):
        raise ValueError("mkdocs.yml, extra: contact behöver name och email för katalogen över öppna data "
                         "(DCAT-AP-SE kräver en kontaktpunkt med e-post)")

    def url(path: str) -> str:
        return f"{site_url.rstrip('/')}/{path}"

    publisher = _agent(contact)
    modified = {"@value": site.today.isoformat(), "@type": "xsd:date"}
    sets = []
    for dataset in datasets(site):
        sets.append({
            "@id": url(f"{PAGE_PATH}#{dataset.slug}"),
            "@type": "dcat:Dataset",
            "dct:title": _texts(dataset.title_sv, dataset.title_en),
            "dct:description": _texts(dataset.description_sv, dataset.description_en),
            "dct:publisher": publisher,
            "dcat:contactPoint": _contact_point(contact),
            "dcat:theme": {"@id": f"{EU}data-theme/{dataset.theme}", "@type": "skos:Concept",
                           "skos:prefLabel": _texts(*THEME_LABELS[dataset.theme])},
            "dcat:keyword": [{"@value": word, "@language": "sv"} for word in dataset.keywords_sv],
            "dct:spatial": [SPATIAL, SWEDEN],
            "dct:accrualPeriodicity": {"@id": f"{EU}frequency/{dataset.frequency}", "@type": "dct:Frequency"},
            "dct:accessRights": PUBLIC,
            "dct:language": LANGUAGE,
            "dct:modified": modified,
            "dcat:landingPage": {"@id": url(dataset.landing_page), "@type": "foaf:Document"},
            "dcat:distribution": [_distribution(dataset, dist, url) for dist in dataset.distributions],
        })
    return {
        "@context": CONTEXT,
        "@id": url(CATALOGUE_PATH),
        "@type": "dcat:Catalog",
        "dct:title": _texts("Öppna data från Utveckla Västernorrland", "Open data from Utveckla Västernorrland"),
        "dct:description": _texts(
            "Investeringar, evenemang och nyheter för företag i Västernorrlands län som öppna data.",
            "Investments, events and news for businesses in Västernorrland County, Sweden, as open data."),
        "dct:publisher": publisher,
        "foaf:homepage": {"@id": url(PAGE_PATH), "@type": "foaf:Document"},
        "dct:language": LANGUAGE,
        "dct:license": {"@id": CC0, "@type": "dct:LicenseDocument"},
        "dct:modified": modified,
        "dct:spatial": [SPATIAL],
        "dcat:dataset": sets,
    }


def catalogue_json(site: Site, site_url: str, contact: dict | None) -> str:
    return json.dumps(catalogue(site, site_url, contact), ensure_ascii=False, indent=2) + "\n"
