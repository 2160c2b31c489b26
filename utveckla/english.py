"""English labels for the small English section (the investment map for investors).

Editors keep Swedish labels in content/taxonomier.yml; the English ones live here, and an id
without an English label falls back to its Swedish one, so adding a sector never breaks a page.
"""

from __future__ import annotations

from dataclasses import replace

from .investments import InvestmentRow

SECTORS = {
    "energi": "Energy", "industri": "Industry", "infrastruktur": "Infrastructure", "bostader": "Housing",
    "fastigheter": "Property", "besoksnaring": "Tourism", "digital": "Digital", "logistik": "Logistics",
    "jord-och-skogsbruk": "Farming and forestry", "livsmedel": "Food", "handel-och-service": "Retail and services",
    "kultur-och-kreativa-naringar": "Culture and creative industries", "ovrigt": "Other",
}
STATUSES = {
    "planerad": "Planned", "beslutad": "Decided", "pagaende": "Under way", "klar": "Completed",
    "pausad": "Paused", "avbruten": "Cancelled",
}


def msek_text(value: float) -> str:
    """'SEK 830 million', 'SEK 13 billion'."""
    if value >= 1000:
        billions = round(value / 1000, 1)
        return f"SEK {billions:g} billion"
    return f"SEK {round(value, 1):,g} million"


def english_row(row: InvestmentRow) -> InvestmentRow:
    return replace(row, sector_label=SECTORS.get(row.sector, row.sector_label),
                   status_label=STATUSES.get(row.status, row.status_label))


def amount_text(row: InvestmentRow) -> str | None:
    if row.amount_msek is None:
        return None
    return msek_text(row.amount_msek) + (f" ({row.amount_year})" if row.amount_year else "")
