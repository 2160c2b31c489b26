"""The content model: one pydantic model per collection, as in the content contract.

`extra="forbid"` makes a misspelt field an error instead of a silently ignored value.
Checks that need two fields or another file (dates in order, references) live in rules.py.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from .documents import DOCUMENT_FOLDER, SUFFIX_WORDS, DocumentRef
from .fields import (
    SHORT_TEXT_MAX,
    SUMMARY_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Date,
    Email,
    EventTime,
    Float,
    Id,
    IdList,
    Int,
    Note,
    Phone,
    ShortText,
    Summary,
    Tag,
    Text,
    Title,
    WebUrl,
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Item(Strict):
    title: Title = Field(description=f"Rubrik, högst {TITLE_MAX} tecken.")
    summary: Summary = Field(description=f"En eller två enkla meningar, högst {SUMMARY_MAX} tecken. Visas på kort, i sökresultat och som sidans beskrivning.")
    source: WebUrl | None = Field(None, description="Webbadress som uppgifterna kommer från.")
    reviewed: Date | None = Field(None, description="Datum då uppgifterna senast kontrollerades mot källan (ÅÅÅÅ-MM-DD).")
    draft: StrictBool = Field(False, description="true: kontrolleras men publiceras inte.")
    notes: Note | None = Field(None, description="Anteckningar för redaktörer: vad som är osäkert eller ska kontrolleras. Kontrolleras men visas aldrig på webbplatsen.")


class ReviewedItem(Item):
    reviewed: Date = Field(description="Datum då uppgifterna senast kontrollerades mot källan (ÅÅÅÅ-MM-DD).")


# Optional English text for the English section (/en/) on investments and organisations; without
# it the English pages show the Swedish text (marked lang="sv").
TitleEn = Annotated[Title | None, Field(description=f"Rubriken på engelska, högst {TITLE_MAX} tecken, för de engelska sidorna (/en/). Utelämnad visas den svenska rubriken där.")]
SummaryEn = Annotated[Summary | None, Field(description=f"Sammanfattningen på engelska, högst {SUMMARY_MAX} tecken, för de engelska sidorna (/en/). Utelämnad visas den svenska där.")]


class Contact(Strict):
    name: ShortText | None = Field(None, description="Namn på funktion eller enhet.")
    email: Email | None = Field(None, description="E-postadress.")
    phone: Phone | None = Field(None, description="Telefonnummer, t.ex. 0611-34 90 00.")
    address: ShortText | None = Field(None, description="Besöksadress.")
    opening_hours: ShortText | None = Field(None, description="Öppettider eller telefontider, t.ex. Vardagar 8–16.")


# How applications work over time; the labels and the status they lead to are in applications.py.
ApplicationMode = Literal["lopande", "omgangar", "pausad", "stangd"]


class Round(Strict):
    name: ShortText | None = Field(None, description="Utlysningens namn, t.ex. Utlysning hösten 2026.")
    opens: Date | None = Field(None, description="Dag då omgången öppnar.")
    deadline: Date = Field(description="Sista dag att ansöka i omgången.")


class AidLevel(Strict):
    area: Literal[1, 2] = Field(description="Stödområde: 1 eller 2 (se kommunernas aid_area).")
    text: ShortText = Field(description="Vad som gäller i stödområdet, t.ex. Små företag: upp till 40 procent.")


class Point(Strict):
    lat: Float = Field(ge=-90, le=90, description="Latitud i decimalgrader, t.ex. 62.39.")
    lon: Float = Field(ge=-180, le=180, description="Longitud i decimalgrader, t.ex. 17.31.")


class Offer(ReviewedItem):
    """`stod`: a support offer."""

    provider: Id = Field(description="Id för en aktör i content/aktorer/.")
    type: Id = Field(description="Typ av stöd, ett id under stodtyper i taxonomier.yml.")
    stages: IdList = Field([], description="Företagets skede, id:n under skeden.")
    sectors: IdList = Field([], description="Branscher, id:n under sektorer. Utelämnat: alla branscher.")
    municipalities: IdList = Field([], description="Kommuner, id:n. Utelämnat: hela länet.")
    max_amount_sek: Int | None = Field(None, ge=0, le=10_000_000_000, description="Största belopp i kronor, ett heltal.")
    max_share_percent: Float | None = Field(None, ge=0, le=100, description="Största andel av kostnaden i procent, 0–100.")
    application: ApplicationMode | None = Field(None, description="Hur man ansöker över tid: lopande (när som helst), omgangar (i utlysningar med sista dag), pausad eller stangd. Utelämnat: uppgift saknas.")
    opens: Date | None = Field(None, description="Dag då ansökan öppnar.")
    deadline: Date | None = Field(None, description="Sista dag att ansöka. Ett utelämnat datum betyder inte längre löpande: skriv application.")
    rounds: list[Round] = Field([], max_length=12, description="Omgångar med datum: name, opens, deadline (för application: omgangar).")
    application_note: ShortText | None = Field(None, description="En mening om ansökan, t.ex. var nästa utlysning annonseras.")
    company_sizes: IdList = Field([], description="Företagsstorlekar som kan söka, id:n under foretagsstorlekar (EU:s definitioner). Utelämnat: ingen storleksgräns anges.")
    needs: IdList = Field([], description="Vad företaget vill göra (”Vad vill du göra?” på /stod/), id:n under behov: till exempel lana-pengar, investera, anstalla.")
    aid_levels: list[AidLevel] = Field([], max_length=2, description="Nivåer som beror på stödområde: area, text.")
    url: WebUrl = Field(description="Officiell sida eller ansökan.")
    contact: Contact | None = Field(None, description="Kontakt: name, email, phone.")
    eligibility: Text | None = Field(None, description=f"Vem kan söka, högst {TEXT_MAX} tecken.")
    amount_note: ShortText | None = Field(None, description=f"Beloppet i ord, högst {SHORT_TEXT_MAX} tecken.")


class Actor(ReviewedItem):
    """`aktorer`: an organisation that helps businesses."""

    url: WebUrl = Field(description="Organisationens webbplats.")
    municipalities: IdList = Field([], description="Var den verkar. Utelämnat: hela länet.")
    email: Email | None = Field(None, description="E-postadress.")
    phone: Phone | None = Field(None, description="Telefonnummer.")
    category: Id | None = Field(None, description="Sorts organisation, ett id under aktorstyper.")
    helps_with: IdList = Field([], description="Vad den hjälper till med, id:n under stodtyper.")
    address: ShortText | None = Field(None, description="Besöks- eller postadress.")
    opening_hours: ShortText | None = Field(None, description="Öppettider eller telefontider.")
    title_en: TitleEn = None
    summary_en: SummaryEn = None


class BusinessOffice(Strict):
    name: ShortText = Field(description="Näringslivskontorets namn.")
    url: WebUrl = Field(description="Näringslivskontorets webbsida.")
    email: Email | None = Field(None, description="E-postadress.")
    phone: Phone | None = Field(None, description="Telefonnummer.")
    address: ShortText | None = Field(None, description="Besöksadress.")
    opening_hours: ShortText | None = Field(None, description="Öppettider eller telefontider.")
    contact_url: WebUrl | None = Field(None, description="Sida med kontaktformulär eller kontaktuppgifter (inte kommunens startsida).")


class Municipality(ReviewedItem):
    """`kommuner`: one of the county's seven municipalities."""

    website: WebUrl = Field(description="Kommunens webbplats.")
    business_office: BusinessOffice = Field(description="Näringslivskontoret: name, url, email, phone.")
    location: Point = Field(description="Centralortens läge: lat, lon.")
    population: Int | None = Field(None, ge=0, le=10_000_000, description="Antal invånare, ett heltal.")
    population_year: Int | None = Field(None, ge=1900, le=2100, description="År som invånarantalet gäller.")
    key_facts: list[ShortText] = Field([], max_length=8, description="Korta fakta om näringslivet, högst 8.")
    aid_area: Literal[1, 2] | None = Field(None, description="Stödområde för regionalt företagsstöd: 1 eller 2.")
    aid_area_note: ShortText | None = Field(None, description="Undantag inom kommunen, t.ex. delar av tätorten som inte ingår.")


class EventPlace(Strict):
    name: ShortText = Field(description="Lokalens namn.")
    municipality: Id = Field(description="Kommunens id.")
    address: ShortText | None = Field(None, description="Gatuadress.")
    lat: Float | None = Field(None, ge=-90, le=90, description="Latitud.")
    lon: Float | None = Field(None, ge=-180, le=180, description="Longitud.")


class Registration(Strict):
    url: WebUrl = Field(description="Sidan där man anmäler sig.")
    deadline: Date | None = Field(None, description="Sista anmälningsdag.")


class Repeat(Strict):
    freq: Literal["weekly", "monthly"] = Field(description="Hur ofta: weekly (varje vecka) eller monthly (varje månad).")
    interval: Int = Field(1, ge=1, le=12, description="Antal veckor eller månader mellan tillfällena, t.ex. 2 för varannan. Utelämnat: 1.")
    week_of_month: Literal[1, 2, 3, 4, -1] | None = Field(None, description="Med monthly: samma veckodag som start, den 1:a, 2:a, 3:e, 4:e eller sista (-1) i månaden. Utelämnat: samma datum varje månad.")
    until: Date | None = Field(None, description="Sista dagen ett tillfälle kan ligga på (ÅÅÅÅ-MM-DD). Skriv until eller count.")
    count: Int | None = Field(None, ge=1, le=100, description="Antal tillfällen, högst 100. Skriv until eller count.")
    exceptions: list[Date] = Field([], max_length=50, description="Datum då det inte blir något tillfälle, t.ex. [2027-07-06].")


class Imported(Strict):
    uid: ShortText = Field(description="Källans id för evenemanget (UID, eller adress och starttid). Skrivs av importen.")
    feed: WebUrl = Field(description="Flödet eller sidan i content/kallor.yml som evenemanget hämtades från.")
    fetched: Date = Field(description="Dag då evenemanget hämtades.")
    checksum: ShortText = Field(description="Kontrollsumma för filen som importen skrev; ändrar du filen skriver importen inte över den.")


class Event(Item):
    """`evenemang`: an event in the calendar."""

    start: EventTime = Field(description="Start: ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller ÅÅÅÅ-MM-DD för heldag.")
    end: EventTime | None = Field(None, description="Slut, i samma form. Inte före start.")
    type: Id = Field(description="Typ av evenemang, ett id under evenemangstyper.")
    organizer: Id = Field(description="Arrangörens id i content/aktorer/.")
    location: EventPlace | None = Field(None, description="Plats: name, municipality, address, lat, lon.")
    online: WebUrl | None = Field(None, description="Länk till ett digitalt evenemang.")
    registration: Registration | None = Field(None, description="Anmälan: url, deadline.")
    price: ShortText | None = Field(None, description="Pris, t.ex. Kostnadsfritt.")
    cancelled: StrictBool = Field(False, description="true om evenemanget är inställt.")
    repeat: Repeat | None = Field(None, description="Återkommande: freq, interval, week_of_month, until eller count, exceptions.")
    imported: Imported | None = Field(None, description="Skrivs av make import-events: uid, feed, fetched, checksum. Ändra inte för hand.")


class InvestmentPlace(Point):
    place: ShortText | None = Field(None, description="Ortens eller platsens namn.")


class Years(Strict):
    start: Int | None = Field(None, ge=1950, le=2100, description="Startår.")
    end: Int | None = Field(None, ge=1950, le=2100, description="Slutår.")


class Investment(ReviewedItem):
    """`investeringar`: a major investment on the map."""

    owner: ShortText = Field(description="Företaget eller organisationen bakom.")
    municipality: Id = Field(description="Kommunens id.")
    sector: Id = Field(description="Sektor, ett id under sektorer.")
    status: Id = Field(description="Läge, ett id under investeringsstatus.")
    amount_msek: Float | None = Field(None, ge=0, le=1_000_000, description="Belopp i miljoner kronor.")
    amount_year: Int | None = Field(None, ge=1990, le=2100, description="År som beloppet gäller. Krävs med amount_msek.")
    jobs: Int | None = Field(None, ge=0, le=100_000, description="Antal nya jobb, ett heltal.")
    location: InvestmentPlace = Field(description="Plats: lat, lon, place.")
    years: Years | None = Field(None, description="Tidsplan: start, end (år).")
    url: WebUrl | None = Field(None, description="Officiell sida.")
    status_note: Text | None = Field(None, description="Förklaring när investeringen är pausad eller avbruten.")
    title_en: TitleEn = None
    summary_en: SummaryEn = None


class Article(Item):
    """`aktuellt`: a news article."""

    date: Date = Field(description="Publiceringsdatum (ÅÅÅÅ-MM-DD). Ett datum framåt i tiden: nyheten kontrolleras direkt men publiceras först det datumet.")
    tags: Annotated[list[Tag], Field(max_length=8)] = Field([], description="Korta taggar, högst 8.")
    image: ShortText | None = Field(None, description="Sökväg till en bild under docs/, t.ex. bilder/hamn.jpg.")
    image_alt: ShortText | None = Field(None, description="Bildens alternativtext. Krävs med image.")
    municipalities: IdList = Field([], description="Kommuner som artikeln handlar om.")


# The languages a result's document may be in, with the words the page uses.
DOCUMENT_LANGUAGES = {"sv": "svenska", "en": "engelska"}
DocumentLanguage = Literal["sv", "en"]


class Result(Item):
    """`resultat`: a result of the project (a report, an evaluation, a presentation, a map …)."""

    date: Date = Field(description="Publiceringsdatum (ÅÅÅÅ-MM-DD): när resultatet blev klart eller publicerades.")
    kind: Id = Field(description="Sorts resultat (rapport, utvärdering, presentation …), ett id under resultattyper i taxonomier.yml.")
    theme: ShortText | None = Field(None, description="Arbetspaket eller tema i projektet, t.ex. Kompetensförsörjning. Utelämnat: visas inte.")
    document: DocumentRef = Field(description=f"Dokumentet: en fil under docs/ skriven från docs/ (t.ex. {DOCUMENT_FOLDER}/rapport.pdf; {SUFFIX_WORDS}), eller hela adressen (https://…) till dokumentet på en annan webbplats.")
    language: DocumentLanguage = Field("sv", description="Dokumentets språk: sv (svenska) eller en (engelska). Utelämnat: sv.")
    news: Id | None = Field(None, description="Id för nyheten i content/aktuellt/ som berättar om resultatet. Nyheten länkar då hit och tvärtom.")


SourceKind = Literal["ics", "rss", "atom", "jsonld"]


class Source(Strict):
    """One entry of content/kallor.yml: an organiser's event feed that make import-events reads."""

    url: WebUrl = Field(description="Flödets adress (https): en .ics-fil, ett RSS- eller Atom-flöde, eller en sida med evenemang som JSON-LD.")
    kind: SourceKind = Field(description="Sorts källa: ics, rss, atom eller jsonld.")
    organizer: Id = Field(description="Arrangörens id i content/aktorer/.")
    calendar_url: WebUrl | None = Field(None, description="Arrangörens egen kalendersida för besökare. Visas i kalendern när den är tom.")
    municipality: Id | None = Field(None, description="Kommun för evenemang där flödet inte anger någon.")
    type: Id | None = Field(None, description="Typ av evenemang när flödet inte anger någon, ett id under evenemangstyper. Utelämnat: ovrigt.")
    keywords: list[ShortText] = Field([], max_length=20, description="Bara evenemang vars titel eller beskrivning innehåller något av orden importeras.")
    notes: Note | None = Field(None, description="Anteckningar för redaktörer. Visas aldrig.")


class PageText(Strict):
    """One listing page's texts in content/sidor.yml (pagetexts.py): what editors may reword
    without touching code. The limits are an item's, since the texts play the same parts."""

    title: Title = Field(description=f"Sidans rubrik, överst på sidan och i webbläsarens flik, högst {TITLE_MAX} tecken.")
    summary: Summary = Field(description=f"Sidans beskrivning i sökmotorernas träfflistor och när någon delar länken, högst {SUMMARY_MAX} tecken.")
    intro: Text = Field(description=f"Stycket under rubriken (ingressen), högst {TEXT_MAX} tecken.")
