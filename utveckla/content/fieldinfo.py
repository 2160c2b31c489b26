"""The fields of every collection, read from the models, in words an editor understands.

The field reference (/redaktorer/falt/), the scaffolder (`python -m utveckla new`) and the
tests all read the models through this module, so the documentation cannot drift from what
the check accepts: a new field in models.py shows up everywhere at the next build.
"""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field

from pydantic import BaseModel

from . import documents, fields
from .collections import COLLECTIONS
from .swedish import swedish_number

# Requirements that depend on another field (the rules in collections.py), per (collection, field).
CONDITIONAL = {
    ("evenemang", "location"): "ja, om online saknas",
    ("evenemang", "online"): "ja, om location saknas",
    ("investeringar", "amount_year"): "ja, om amount_msek är ifyllt",
    ("aktuellt", "image_alt"): "ja, om image är ifyllt",
}

# The field types shared by the models (fields.py), in plain Swedish.
_NAMED_TYPES = [
    (fields.Date, "datum, ÅÅÅÅ-MM-DD"),
    (fields.EventTime, "datum och klockslag, ÅÅÅÅ-MM-DD TT:MM, eller bara datum"),
    (fields.WebUrl, "webbadress som börjar med https://"),
    (fields.Email, "e-postadress"),
    (fields.Id, "id: små bokstäver a–z, siffror och bindestreck"),
    (fields.IdList, "lista med id:n, till exempel [sundsvall, timra]"),
    (fields.Title, f"text, högst {swedish_number(fields.TITLE_MAX)} tecken"),
    (fields.Summary, f"text, högst {swedish_number(fields.SUMMARY_MAX)} tecken"),
    (fields.ShortText, f"text, högst {swedish_number(fields.SHORT_TEXT_MAX)} tecken"),
    (fields.Text, f"text, högst {swedish_number(fields.TEXT_MAX)} tecken"),
    (fields.Phone, "telefonnummer"),
    (documents.DocumentRef, f"sökväg från docs/ till en fil ({documents.SUFFIX_WORDS}), eller webbadress som börjar med https://"),
    (fields.Note, f"text, högst {swedish_number(fields.NOTE_MAX)} tecken, visas aldrig på webbplatsen"),
]


# Each field's name in Swedish: the form editor's label (/admin/, cms.py) and the field
# reference. A field name missing here is shown as written (a test asks for every one).
LABELS = {
    "title": "Rubrik", "summary": "Sammanfattning", "source": "Källa (webbadress)",
    "reviewed": "Granskad", "draft": "Utkast (publiceras inte)", "notes": "Anteckningar för redaktörer",
    "name": "Namn", "email": "E-post", "phone": "Telefon", "address": "Adress",
    "opening_hours": "Öppettider", "opens": "Öppnar", "deadline": "Sista dag", "area": "Stödområde",
    "text": "Text", "lat": "Latitud", "lon": "Longitud", "provider": "Aktör som erbjuder stödet",
    "type": "Typ", "stages": "Skeden", "sectors": "Branscher", "municipalities": "Kommuner",
    "max_amount_sek": "Största belopp (kronor)", "max_share_percent": "Största andel (procent)",
    "application": "Ansökan över tid", "rounds": "Ansökningsomgångar", "application_note": "Om ansökan",
    "company_sizes": "Företagsstorlekar", "aid_levels": "Nivåer per stödområde", "url": "Webbadress",
    "contact": "Kontakt", "eligibility": "Vem kan söka", "amount_note": "Beloppet i ord",
    "category": "Sorts organisation", "helps_with": "Hjälper till med", "website": "Webbplats",
    "business_office": "Näringslivskontor", "location": "Plats", "population": "Invånare",
    "population_year": "Invånare, år", "key_facts": "Fakta om näringslivet", "aid_area": "Stödområde",
    "aid_area_note": "Undantag i stödområdet", "municipality": "Kommun", "registration": "Anmälan",
    "freq": "Hur ofta", "interval": "Intervall", "week_of_month": "Vecka i månaden", "until": "Till och med",
    "count": "Antal tillfällen", "exceptions": "Datum utan tillfälle", "uid": "Källans id",
    "feed": "Flöde", "fetched": "Hämtad", "checksum": "Kontrollsumma", "start": "Start", "end": "Slut",
    "organizer": "Arrangör", "online": "Digital länk", "price": "Pris", "cancelled": "Inställt",
    "repeat": "Återkommer", "imported": "Importerad (ändra inte)", "place": "Ort", "owner": "Ägare",
    "sector": "Sektor", "status": "Läge", "amount_msek": "Belopp (miljoner kronor)",
    "amount_year": "Beloppet gäller år", "jobs": "Nya jobb", "years": "Tidsplan",
    "status_note": "Om läget", "date": "Publiceringsdatum", "tags": "Taggar", "image": "Bild",
    "image_alt": "Bildens alternativtext", "contact_url": "Kontaktsida",
    "needs": "Vad företaget vill göra", "title_en": "Rubrik på engelska", "summary_en": "Sammanfattning på engelska",
    "document": "Dokument (fil eller webbadress)", "kind": "Sorts resultat", "language": "Språk",
    "news": "Nyheten som berättar om resultatet", "theme": "Tema eller arbetspaket",
}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    kind: str  # the type in plain Swedish
    description: str
    condition: str | None = None  # "ja, om …" when another field decides
    target: str | None = None  # referenced collection or "taxonomi:<vocabulary>"
    children: tuple[FieldDoc, ...] = field(default=())  # sub-fields of a group

    @property
    def label(self) -> str:
        return LABELS.get(self.name, self.name)

    @property
    def required_text(self) -> str:
        return self.condition or ("ja" if self.required else "nej")


def _without_none(annotation):
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType):
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _group_model(annotation) -> type[BaseModel] | None:
    """The model of a group of sub-fields, or of each item in a list of groups (rounds, aid_levels)."""
    annotation = _without_none(annotation)
    if typing.get_origin(annotation) is list:
        annotation = typing.get_args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def kind_in_swedish(annotation, info) -> str:
    """The field's type as an editor reads it, with limits from the model (ge/le)."""
    annotation = _without_none(annotation)
    for named, words in _NAMED_TYPES:
        if annotation == named:
            return words
    if typing.get_origin(annotation) is typing.Literal:
        return "ett av: " + ", ".join(str(value) for value in typing.get_args(annotation))
    if _group_model(annotation):
        if typing.get_origin(annotation) is list:
            return "lista där varje rad börjar med - och har underfält (indragna rader)"
        return "grupp med underfält (indragna rader)"
    base = annotation
    if typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    if typing.get_origin(base) is list:
        return "lista med korta texter"
    if base is bool:
        return "true eller false"
    words = {int: "heltal, bara siffror", float: "tal, med punkt som decimaltecken"}.get(base, "text")
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    if low is not None and high is not None:
        words += f", från {_plain(low)} till {_plain(high)}"
    return words


def _plain(number) -> str:
    number = int(number) if float(number).is_integer() else number
    if isinstance(number, int) and abs(number) >= 10_000:  # years stay 2100, amounts get spaces
        return f"{number:,}".replace(",", " ")
    return str(number)


def model_fields(model: type[BaseModel], collection: str, prefix: tuple[str, ...] = ()) -> tuple[FieldDoc, ...]:
    hints = typing.get_type_hints(model, include_extras=True)
    targets = {path: target for path, target in COLLECTIONS[collection].references}
    docs = []
    for name, info in model.model_fields.items():
        path = prefix + (name,)
        annotation = hints[name]
        group = _group_model(annotation)
        docs.append(FieldDoc(
            name=name,
            required=info.is_required(),
            kind=kind_in_swedish(annotation, info),
            description=info.description or "",
            condition=CONDITIONAL.get((collection, ".".join(path))),
            target=targets.get(path),
            children=model_fields(group, collection, path) if group else (),
        ))
    return tuple(docs)


def collection_fields(collection: str) -> tuple[FieldDoc, ...]:
    """Every field of a collection, in the order of the model (common fields first)."""
    return model_fields(COLLECTIONS[collection].model, collection)


def all_field_names(collection: str) -> set[str]:
    """Dotted names of every field and sub-field, e.g. {"contact", "contact.email", …}."""
    names: set[str] = set()

    def walk(docs, prefix=""):
        for doc in docs:
            names.add(prefix + doc.name)
            walk(doc.children, prefix + doc.name + ".")

    walk(collection_fields(collection))
    return names


# Swedish words editors write instead of the contract's English field names, each with the
# fields it can mean (the first one the collection has is suggested).
SWEDISH_FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "titel": ("title",), "rubrik": ("title",), "sammanfattning": ("summary",), "ingress": ("summary",),
    "kalla": ("source",), "källa": ("source",), "granskad": ("reviewed",), "kontrollerad": ("reviewed",),
    "utkast": ("draft",), "aktor": ("provider", "organizer"), "aktör": ("provider", "organizer"),
    "typ": ("type",), "skede": ("stages",), "skeden": ("stages",),
    "bransch": ("sectors", "sector"), "sektor": ("sectors", "sector"), "sektorer": ("sectors",),
    "kommun": ("municipalities", "municipality"), "kommuner": ("municipalities",),
    "oppnar": ("opens",), "öppnar": ("opens",), "sista_dag": ("deadline",), "sista-dag": ("deadline",),
    "lank": ("url", "online", "website"), "länk": ("url", "online", "website"),
    "kontakt": ("contact", "business_office"), "epost": ("email",), "e-post": ("email",),
    "telefon": ("phone",), "webbplats": ("website", "url"), "hemsida": ("website", "url"),
    "plats": ("location",), "datum": ("date", "start"), "slut": ("end",), "borjar": ("start",),
    "börjar": ("start",), "arrangor": ("organizer",), "arrangör": ("organizer",),
    "anmalan": ("registration",), "anmälan": ("registration",), "pris": ("price",),
    "installt": ("cancelled",), "inställt": ("cancelled",), "agare": ("owner",), "ägare": ("owner",),
    "belopp": ("max_amount_sek", "amount_msek"), "jobb": ("jobs",), "ar": ("years",), "år": ("years",),
    "taggar": ("tags",), "bild": ("image",), "namn": ("name",),
    "invanare": ("population",), "invånare": ("population",),
}


def likely_field(name: str, allowed: list[str]) -> str | None:
    """The allowed field an unknown name most likely means: the English name when the editor
    wrote a Swedish word, else a close spelling (provder → provider), else None."""
    lowered = name.lower()
    for candidate in SWEDISH_FIELD_NAMES.get(lowered, ()):
        if candidate in allowed:
            return candidate
    close = difflib.get_close_matches(lowered, allowed, n=1, cutoff=0.75)
    return close[0] if close else None
