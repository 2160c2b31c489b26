"""The reach report: unique visitors per month from the visitor statistics, against the target.

    python -m utveckla.editor.reach export.csv --out rapport.csv     (make reach EXPORT=export.csv)
    python -m utveckla.editor.reach --logg access.log                (make reach LOGG=access.log)

Reads the CSV export of a GoatCounter-compatible collector (GoatCounter's export format 2:
columns Session, Bot and Date among others). A visitor is one Session; a month's figure is the
number of different sessions with at least one page view that month, bots left out. The total
is the months' figures summed, as the project reports it: someone who comes back in another
month counts again, and the report says so. Prints the table and writes the same rows as CSV.

Where the site is served from the region's own web server, its access log (the common
"combined" format) is read by GoAccess instead, one month at a time: GoAccess counts a visitor
as one address and browser per day, and leaves crawlers out.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

TARGET = 3000
METHOD = "Räknesätt: unika besökare per månad, summerade (den som kommer tillbaka en annan månad räknas igen)."
LOG_METHOD = ("Ur webbserverns logg med GoAccess: en besökare är en adress och webbläsare per dag, "
              "sökmotorernas robotar räknas inte.")
GOACCESS = ["goaccess", "-", "--log-format=COMBINED", "--ignore-crawlers", "--no-global-config", "-o", "json"]
# [03/Oct/2026:08:12:00 +0000] in the combined log format: the month of the request.
LOG_DATE = re.compile(r"\[\d{2}/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/(\d{4}):")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HEADER = ("månad", "unika_besökare", "summa_hittills", "mål", "andel_av_målet_procent")


class ExportError(ValueError):
    """The export is not one the report can read (message in Swedish)."""


def monthly_uniques(export_text: str) -> dict[str, int]:
    """{"2026-11": 412, …}: different sessions per month, bots left out, in month order."""
    reader = csv.DictReader(io.StringIO(export_text))
    missing = {"Session", "Date"} - set(reader.fieldnames or ())
    if missing:
        raise ExportError(f"exportfilen saknar kolumnen {', '.join(sorted(missing))} — "
                          "exportera från statistikservern som CSV (GoatCounters format 2)")
    sessions: dict[str, set[str]] = defaultdict(set)
    for line, row in enumerate(reader, start=2):
        if (row.get("Bot") or "0").strip() not in ("", "0"):
            continue
        month = (row["Date"] or "")[:7]
        if len(month) != 7 or month[4] != "-":
            raise ExportError(f"exportfilen, rad {line}: datumet {row['Date']!r} är inte ÅÅÅÅ-MM-DD…")
        if row["Session"]:
            sessions[month].add(row["Session"])
    return {month: len(sessions[month]) for month in sorted(sessions)}


def monthly_uniques_from_log(log_text: str) -> dict[str, int]:
    """{"2026-11": 412, …} from an access log: GoAccess's unique visitors of each month's lines."""
    lines: dict[str, list[str]] = defaultdict(list)
    for number, line in enumerate(log_text.splitlines(), start=1):
        if not line.strip():
            continue
        found = LOG_DATE.search(line)
        if not found:
            raise ExportError(f"loggen, rad {number}: ingen tid som [03/Oct/2026:08:12:00 +0000] — "
                              "läs in webbserverns logg i formatet combined")
        lines[f"{found.group(2)}-{MONTHS.index(found.group(1)) + 1:02d}"].append(line)
    monthly = {}
    for month in sorted(lines):
        try:
            done = subprocess.run(GOACCESS, input="\n".join(lines[month]) + "\n", capture_output=True,
                                  text=True, timeout=120)
        except FileNotFoundError:
            raise ExportError("GoAccess saknas: kör  sudo apt-get install goaccess  (make reach installerar det)") from None
        if done.returncode != 0:
            raise ExportError(f"GoAccess kunde inte läsa loggen för {month}: {done.stderr.strip()[:200]}")
        monthly[month] = int(json.loads(done.stdout)["general"]["unique_visitors"])
    return monthly


def report_rows(monthly: dict[str, int], target: int = TARGET) -> list[tuple]:
    rows, total = [], 0
    for month, count in monthly.items():
        total += count
        rows.append((month, count, total, target, round(100 * total / target, 1)))
    return rows


def percent(share: float) -> str:
    """12.5 → "12,5 %": the printed table is read by people, in Swedish."""
    return f"{share:.1f}".replace(".", ",") + " %"


def table_text(rows: list[tuple], target: int = TARGET, method: str = METHOD) -> str:
    lines = [f"{'Månad':<8} {'Unika besökare':>15} {'Summa hittills':>15} {'Av målet':>9}"]
    for month, count, total, _, share in rows:
        lines.append(f"{month:<8} {count:>15} {total:>15} {percent(share):>9}")
    total = rows[-1][2] if rows else 0
    lines.append(f"Summa: {total} av målet {target} besökare ({percent(100 * total / target)}).")
    lines.append(method)
    return "\n".join(lines) + "\n"


def csv_text(rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m utveckla.editor.reach", description="Räckvidd: unika besökare per månad")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("export", type=Path, nargs="?", help="statistikserverns CSV-export")
    source.add_argument("--logg", type=Path, help="webbserverns åtkomstlogg (combined), läses med GoAccess")
    parser.add_argument("--out", type=Path, default=Path("rackvidd.csv"), help="tabellen som CSV (rackvidd.csv)")
    args = parser.parse_args(argv)
    path = args.logg or args.export
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace" if args.logg else "strict")
        monthly = monthly_uniques_from_log(text) if args.logg else monthly_uniques(text)
    except (OSError, ExportError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    rows = report_rows(monthly)
    sys.stdout.write(table_text(rows, method=METHOD + (" " + LOG_METHOD if args.logg else "")))
    args.out.write_text(csv_text(rows), encoding="utf-8")
    print(f"Tabellen finns också i {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
