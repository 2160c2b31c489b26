"""Open data: the investments as GeoJSON (RFC 7946) and CSV, from the same rows as the map.

Both files use the content contract's field names, so a downloaded CSV can go straight back
into scripts/import_investeringar.py; the label columns (municipality_name, sector_label,
status_label, page_url) are for readers and are ignored by the importer.

The CSV is opened in spreadsheets, which run a cell that looks like a formula; its text cells
are neutralised (spreadsheet_text). The GeoJSON is read by programs and keeps the exact text.
"""

from __future__ import annotations

import csv
import io
import json

from ..views.investments import InvestmentRow

GEOJSON_PATH = "investeringar.geojson"
CSV_PATH = "investeringar.csv"
LICENCE = "CC0-1.0"
LICENCE_NAME = "CC0 1.0 Universell (fri från upphovsrätt)"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv"

# (column, description): the order of the CSV and of the GeoJSON properties. The descriptions
# are shown on the map page, so they are written for readers.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("slug", "Investeringens id, samma som i webbadressen."),
    ("title", "Namn på investeringen."),
    ("summary", "En kort beskrivning."),
    ("owner", "Företaget eller organisationen bakom."),
    ("municipality", "Kommunens id, till exempel sundsvall."),
    ("municipality_name", "Kommunens namn."),
    ("sector", "Sektorns id, till exempel energi."),
    ("sector_label", "Sektorns namn."),
    ("status", "Läge: planerad, beslutad, pagaende, klar, pausad eller avbruten."),
    ("status_label", "Läget i ord."),
    ("status_note", "Förklaring när investeringen är pausad eller avbruten."),
    ("amount_msek", "Belopp i miljoner kronor, punkt som decimaltecken. Tomt om inget belopp har angetts."),
    ("amount_year", "Året som beloppet gäller."),
    ("jobs", "Antal nya jobb enligt källan. Tomt om det inte har angetts."),
    ("lat", "Latitud (WGS 84, decimalgrader)."),
    ("lon", "Longitud (WGS 84, decimalgrader)."),
    ("place", "Ortens eller platsens namn."),
    ("years_start", "Planerat eller faktiskt startår."),
    ("years_end", "Planerat eller faktiskt slutår."),
    ("url", "Investeringens officiella webbsida."),
    ("source", "Källan som uppgifterna kommer från."),
    ("reviewed", "Datum då uppgifterna senast kontrollerades (ÅÅÅÅ-MM-DD)."),
    ("page_url", "Investeringens sida på Utveckla Västernorrland."),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)
# Columns that repeat a label or a link for readers; not content fields.
DERIVED_COLUMNS = ("municipality_name", "sector_label", "status_label", "page_url")


def record(row: InvestmentRow, site_url: str = "") -> dict[str, object]:
    """One investment as a flat record with the columns above (None where nothing is stated)."""
    item = row.entry.data
    years = item.years
    return {
        "slug": row.slug, "title": row.title, "summary": row.summary, "owner": row.owner,
        "municipality": row.municipality, "municipality_name": row.municipality_name,
        "sector": row.sector, "sector_label": row.sector_label,
        "status": row.status, "status_label": row.status_label, "status_note": row.status_note,
        "amount_msek": _number(row.amount_msek), "amount_year": row.amount_year, "jobs": row.jobs,
        "lat": row.lat, "lon": row.lon, "place": row.place,
        "years_start": years.start if years else None, "years_end": years.end if years else None,
        "url": item.url, "source": item.source,
        "reviewed": item.reviewed.isoformat() if item.reviewed else None,
        "page_url": site_url + row.url,
    }


def _number(value: float | None) -> int | float | None:
    """6000.0 → 6000, so the files say what the editor wrote."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def geojson(rows: list[InvestmentRow], site_url: str = "") -> str:
    """A FeatureCollection with one Point per investment; coordinates are [longitude, latitude]."""
    features = []
    for row in rows:
        properties = record(row, site_url)
        properties.pop("lat"), properties.pop("lon")
        features.append({
            "type": "Feature",
            "id": row.slug,
            "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
            "properties": properties,
        })
    # One feature per line: small, and still readable and diff-friendly.
    # "name" and "license" are foreign members (RFC 7946, 6.1): what the data is and its licence.
    head = {"type": "FeatureCollection", "name": "Investeringar i Västernorrland", "license": LICENCE}
    lines = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in features]
    opening = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"features":[\n'
    return opening + ",\n".join(lines) + "\n]}\n"


def csv_text(rows: list[InvestmentRow], site_url: str = "") -> str:
    """UTF-8 text (no byte-order mark), comma-separated, a header row, CRLF line ends (RFC 4180).
    Numbers stay numbers; text from content goes through spreadsheet_text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in rows:
        values = record(row, site_url)
        writer.writerow([_csv_cell(values[name]) for name in COLUMN_NAMES])
    return buffer.getvalue()


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    return spreadsheet_text(value) if isinstance(value, str) else value


# Excel, LibreOffice and Google Sheets read a cell that starts with one of these as a formula
# (=HYPERLINK(…) sends the reader to any address, =DDE(…) can run a program): OWASP's list for
# "CSV injection".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    # Text that already has ' before a formula start gets one more, so that plain_text() gives
    # back exactly what was written: "'=x" → "''=x" → "'=x".
    return text.lstrip("'").startswith(FORMULA_STARTS)


def spreadsheet_text(text: str) -> str:
    """Text a spreadsheet shows as text: a leading ' where it would start a formula, as OWASP advises."""
    return "'" + text if _needs_quote(text) else text


def plain_text(cell: str) -> str:
    """The text spreadsheet_text() was given: for reading a downloaded CSV back (the importer)."""
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell
