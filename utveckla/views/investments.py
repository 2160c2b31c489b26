"""View-models for the investment map: one row per published investment, and the key figures.

The map, the table, the GeoJSON and the CSV are all built from `all_investments(site)`, so
they always show the same records. Amounts are in million SEK (mnkr) as the editors wrote
them, each for its own year: the totals are honest sums of announced figures, not a forecast.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from ..content.amounts import amount_text
from ..content.site import Entry, Site
from ..content.swedish import swedish_sort_key, with_town
from . import cards

# Statuses whose money is not (or no longer) on its way: shown apart in the key figures.
INACTIVE = ("avbruten", "pausad")
# Support that helps local suppliers and companies that grow with a big investment.
SUPPLIER_STAGES = {"etablera", "vaxa"}
SUPPLIER_TYPES = {"radgivning"}


@dataclass(frozen=True)
class InvestmentRow:
    entry: Entry
    slug: str
    url: str  # relative to the site root
    title: str
    summary: str
    owner: str
    municipality: str
    municipality_name: str
    sector: str
    sector_label: str
    status: str
    status_label: str
    amount_msek: float | None
    amount_year: int | None
    jobs: int | None
    lat: float
    lon: float
    place: str | None
    years_text: str | None
    status_note: str | None
    # The language of the labels and words (english.english_row makes an English row), and of the
    # title and summary: an English row without title_en keeps the Swedish title, marked lang="sv".
    lang: str = "sv"
    title_lang: str = "sv"
    summary_lang: str = "sv"

    @property
    def inactive(self) -> bool:
        return self.status in INACTIVE

    @property
    def where(self) -> str:
        """'Torpshammar, Ånge', 'Hörneborg, Örnsköldsvik' (never the town twice), or the municipality."""
        return with_town(self.place, self.municipality_name) if self.place else self.municipality_name

    @property
    def amount_text(self) -> str | None:
        """'13 miljarder kronor (2023)': the amount and the year it refers to."""
        return amount_text(self.amount_msek, self.amount_year, self.lang)


YEAR_WORDS = {"sv": ("från", "till"), "en": ("from", "until")}


def years_text(years, lang: str = "sv") -> str | None:
    if years is None or (years.start is None and years.end is None):
        return None
    if years.start and years.end:
        return f"{years.start}–{years.end}" if years.start != years.end else str(years.start)
    since, until = YEAR_WORDS[lang]
    return f"{since} {years.start}" if years.start else f"{until} {years.end}"


def investment_row(site: Site, entry: Entry) -> InvestmentRow:
    item = entry.data
    return InvestmentRow(
        entry=entry, slug=entry.slug, url=entry.url, title=item.title, summary=item.summary, owner=item.owner,
        municipality=item.municipality, municipality_name=cards.municipality_name(site, item.municipality),
        sector=item.sector, sector_label=site.label("sektorer", item.sector),
        status=item.status, status_label=site.label("investeringsstatus", item.status),
        amount_msek=item.amount_msek, amount_year=item.amount_year, jobs=item.jobs,
        lat=item.location.lat, lon=item.location.lon, place=item.location.place,
        years_text=years_text(item.years), status_note=item.status_note,
    )


_ROWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def all_investments(site: Site) -> list[InvestmentRow]:
    """Every published investment, in Swedish alphabetical order of title; computed once per Site."""
    if site not in _ROWS:
        rows = [investment_row(site, entry) for entry in site.entries.get("investeringar", ())]
        _ROWS[site] = sorted(rows, key=lambda row: (swedish_sort_key(row.title), row.slug))
    return _ROWS[site]


def investments_in(site: Site, municipality: str) -> list[InvestmentRow]:
    return [row for row in all_investments(site) if row.municipality == municipality]


@dataclass(frozen=True)
class GroupFigure:
    """Count and money for one sector, municipality or status."""

    id: str
    label: str
    count: int
    with_amount: int
    amount_msek: float
    inactive_msek: float  # of amount_msek, cancelled or paused


@dataclass(frozen=True)
class KeyFigures:
    count: int
    with_amount: int  # investments that state an amount
    total_msek: float
    cancelled_msek: float
    paused_msek: float
    cancelled_count: int
    paused_count: int
    jobs_total: int
    jobs_stated: int  # investments that state a number of jobs
    jobs_inactive: int  # of jobs_total, in cancelled or paused investments
    by_sector: tuple[GroupFigure, ...]
    by_municipality: tuple[GroupFigure, ...]
    by_status: tuple[GroupFigure, ...]
    first_year: int | None  # range of amount_year, to say which years the amounts refer to
    last_year: int | None

    @property
    def active_msek(self) -> float:
        return self.total_msek - self.cancelled_msek - self.paused_msek


def _group(rows: list[InvestmentRow], key: str, labels: list[tuple[str, str]]) -> tuple[GroupFigure, ...]:
    """Figures per group, in vocabulary order, only groups that have at least one investment."""
    groups = []
    for group_id, label in labels:
        members = [row for row in rows if getattr(row, key) == group_id]
        if not members:
            continue
        amounts = [row for row in members if row.amount_msek is not None]
        groups.append(GroupFigure(
            id=group_id, label=label, count=len(members), with_amount=len(amounts),
            amount_msek=sum((row.amount_msek or 0.0) for row in amounts),
            inactive_msek=sum((row.amount_msek or 0.0) for row in amounts if row.inactive),
        ))
    return tuple(groups)


def _labels(site: Site, rows: list[InvestmentRow], key: str, vocabulary: str) -> list[tuple[str, str]]:
    """The vocabulary's ids in its order, then any id not in it (cannot happen after validation)."""
    known = list(site.taxonomy.get(vocabulary, {}).items())
    extra = sorted({getattr(row, key) for row in rows} - {k for k, _ in known})
    return known + [(k, k) for k in extra]


def key_figures(site: Site, rows: list[InvestmentRow]) -> KeyFigures:
    with_amount = [row for row in rows if row.amount_msek is not None]
    with_jobs = [row for row in rows if row.jobs is not None]
    years = [row.amount_year for row in with_amount if row.amount_year]
    municipalities = sorted(((e.slug, e.data.title) for e in site.entries.get("kommuner", ())),
                            key=lambda pair: swedish_sort_key(pair[1]))
    municipalities += [(m, m) for m in sorted({row.municipality for row in rows} - {k for k, _ in municipalities})]
    return KeyFigures(
        count=len(rows),
        with_amount=len(with_amount),
        total_msek=sum((row.amount_msek or 0.0) for row in with_amount),
        cancelled_msek=sum((row.amount_msek or 0.0) for row in with_amount if row.status == "avbruten"),
        paused_msek=sum((row.amount_msek or 0.0) for row in with_amount if row.status == "pausad"),
        cancelled_count=sum(1 for row in rows if row.status == "avbruten"),
        paused_count=sum(1 for row in rows if row.status == "pausad"),
        jobs_total=sum((row.jobs or 0) for row in with_jobs),
        jobs_stated=len(with_jobs),
        jobs_inactive=sum((row.jobs or 0) for row in with_jobs if row.inactive),
        by_sector=_group(rows, "sector", _labels(site, rows, "sector", "sektorer")),
        by_municipality=_group(rows, "municipality", municipalities),
        by_status=_group(rows, "status", _labels(site, rows, "status", "investeringsstatus")),
        first_year=min(years) if years else None,
        last_year=max(years) if years else None,
    )


def facet_options(site: Site, rows: list[InvestmentRow]) -> dict[str, list[tuple[str, str]]]:
    """Choices in the map's filters: only values that at least one investment has."""
    figures = key_figures(site, rows)
    return {
        "sektor": [(g.id, g.label) for g in figures.by_sector],
        "status": [(g.id, g.label) for g in figures.by_status],
        "kommun": [(g.id, g.label) for g in figures.by_municipality],
    }


def support_for_investment(site: Site, row: InvestmentRow, limit: int = 4) -> list[cards.OfferCard]:
    """Open offers for suppliers and companies around an investment.

    Offers for the stages "etablera" or "växa", or advice, that apply in the investment's
    municipality and sector; those aimed at exactly this municipality or sector come first.
    """
    matches = []
    for card in cards.all_offer_cards(site):
        if card.status.id == "stangd":
            continue
        if not (SUPPLIER_STAGES & set(card.stages) or card.type_id in SUPPLIER_TYPES):
            continue
        if card.municipalities and row.municipality not in card.municipalities:
            continue
        if card.sectors and row.sector not in card.sectors:
            continue
        specific = (row.sector in card.sectors) + (row.municipality in card.municipalities)
        matches.append((-specific, card))
    matches.sort(key=lambda pair: pair[0])  # stable: keeps the offers' own order within a rank
    return [card for _, card in matches[:limit]]
