"""scripts/import_investeringar.py: spreadsheet rows become content files, or nothing is written."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import COUNTY
from utveckla.content.validate import load_site
from utveckla.editor.importer import UnreadableFile, import_file, write_files
from utveckla.outputs import pages

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
SCRIPT = ROOT / "scripts" / "import_investeringar.py"
HEADER = ["title", "summary", "owner", "municipality", "sector", "status", "status_note", "amount_msek",
          "amount_year", "jobs", "lat", "lon", "place", "years_start", "years_end", "url", "reviewed", "source", "body"]
GOOD_ROWS = [
    ["Vindkraftspark vid Storberget", "En planerad vindkraftspark med tolv verk.", "Vind i Ånge AB", "ange", "energi",
     "planerad", None, 1200.5, 2025, 40, 62.55, 15.9, "Storberget", 2026, 2028, "https://example.se/vind",
     dt.datetime(2026, 11, 1), "https://example.se/vind/nyhet", "Parken ska ge el till **12 000** hushåll."],
    ["Ny kaj i Köpmanholmen", "Hamnen byggs ut med en ny kaj.", "Örnsköldsviks hamn", "ornskoldsvik", "logistik",
     "beslutad", None, 300, 2024, None, 63.17, 18.57, "Köpmanholmen", 2025, None, None,
     dt.datetime(2026, 10, 15), None, None],
    ["Pausad fabrik i Timrå", "En fabrik som har pausats.", "Fabrik AB", "timra", "industri", "pausad",
     "Ägaren väntar på finansiering.", None, None, 25, 62.49, 17.33, None, None, None, None,
     dt.datetime(2026, 9, 1), None, None],
]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(COUNTY, tmp_path / "content")
    return tmp_path


def workbook(path: Path, rows: list[list], header: list[str] = HEADER) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Investeringar"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def files_in(project: Path) -> set[str]:
    return {p.name for p in (project / "content" / "investeringar").glob("*.md")}


def test_a_sample_xlsx_becomes_files_that_pass_the_check(project, tmp_path):
    before = files_in(project)
    result = import_file(workbook(tmp_path / "ny.xlsx", GOOD_ROWS), project, TODAY)
    assert result.problems == []
    written = write_files(project, result)
    assert sorted(p.name for p in written) == ["ny-kaj-i-kopmanholmen.md", "pausad-fabrik-i-timra.md",
                                              "vindkraftspark-vid-storberget.md"]
    assert files_in(project) == before | {p.name for p in written}
    site, diagnostics = load_site(project, TODAY)
    assert [d.text() for d in diagnostics] == []
    wind = site.get("investeringar", "vindkraftspark-vid-storberget")
    assert wind.data.amount_msek == 1200.5 and wind.data.amount_year == 2025 and wind.data.jobs == 40
    assert (wind.data.location.lat, wind.data.location.lon, wind.data.location.place) == (62.55, 15.9, "Storberget")
    assert wind.data.years.start == 2026 and wind.data.reviewed == dt.date(2026, 11, 1)
    assert "**12 000** hushåll" in wind.body
    assert site.get("investeringar", "pausad-fabrik-i-timra").data.status_note == "Ägaren väntar på finansiering."


def test_the_make_check_command_passes_after_an_import(project, tmp_path):
    before = len(list((project / "content" / "investeringar").glob("*.md")))
    workbook(tmp_path / "ny.xlsx", GOOD_ROWS)
    run = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path / "ny.xlsx"), "--root", str(project)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Skrev 3 filer:" in run.stdout
    check = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                           capture_output=True, text=True, cwd=ROOT)
    assert check.returncode == 0, check.stderr
    assert f"{before + 3} investeringar" in check.stdout


def test_a_bad_row_is_reported_by_number_and_column_and_nothing_is_written(project, tmp_path):
    stockholm = ["Hamn i Stockholm", "Fel län.", "Hamn AB", "sundsvall", "logistik", "planerad", None, 300, None,
                 None, 59.33, 18.07, None, None, None, None, dt.datetime(2026, 11, 1), None, None]
    before = files_in(project)
    run = subprocess.run([sys.executable, str(SCRIPT), str(workbook(tmp_path / "fel.xlsx", GOOD_ROWS + [stockholm])),
                          "--root", str(project)], capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.splitlines()[:2] == [
        "Rad 5, kolumn amount_year: amount_msek är ifyllt men amount_year saknas — lägg till amount_year med "
        "året som beloppet gäller, till exempel amount_year: 2024",
        "Rad 5, kolumn lat och lon: punkten lat 59.33, lon 18.07 ligger utanför Västernorrlands län — kontrollera "
        "koordinaterna (lat är cirka 62–64 och lon cirka 15–19 i länet) och att lat och lon inte bytt plats",
    ]
    assert "Inga filer skrevs" in run.stderr
    assert files_in(project) == before


def test_every_kind_of_problem_names_its_row_and_column(project, tmp_path):
    rows = [
        GOOD_ROWS[0],
        ["", "Utan titel.", "X AB", "sundsvall", "energi", "planerad", None, None, None, None, 62.4, 17.3,
         None, None, None, None, dt.datetime(2026, 11, 1), None, None],
        ["Fel kommun", "X.", "X AB", "stockholm", "gruvor", "nedlagd", None, None, None, "många", 62.4, 17.3,
         None, None, None, "www.exempel.se", "2026-02-30", None, None],
        ["Vindkraftspark vid Storberget", "Samma titel igen.", "X AB", "ange", "energi", "planerad", None, None,
         None, None, 62.5, 15.8, None, 2030, 2027, None, dt.datetime(2026, 11, 1), None, None],
    ]
    result = import_file(workbook(tmp_path / "fel.xlsx", rows), project, TODAY)
    found = {(p.row, p.column) for p in result.problems}
    assert (3, "title") in found
    assert {(4, "municipality"), (4, "sector"), (4, "status"), (4, "jobs"), (4, "url"), (4, "reviewed")} <= found
    assert (5, "title") in found  # same file name as row 2
    assert all(p.row != 2 for p in result.problems)
    messages = {(p.row, p.column): p.message for p in result.problems}
    assert messages[(4, "reviewed")] == ("datumet 2026-02-30 finns inte i kalendern — kontrollera dag och månad "
                                         "(till exempel har februari högst 29 dagar)")
    assert messages[(4, "jobs")].startswith("värdet ”många” har fel form (ska vara ett heltal)")
    assert messages[(5, "title")] == "samma filnamn vindkraftspark-vid-storberget.md som på rad 2 — ge raderna olika slug eller titel"
    assert write_files(project, result) == []


def test_missing_and_unknown_columns_are_reported_on_row_one(project, tmp_path):
    header = [h for h in HEADER if h != "lat"] + ["belopp"]
    rows = [[v for h, v in zip(HEADER, GOOD_ROWS[0], strict=True) if h != "lat"] + [5]]
    result = import_file(workbook(tmp_path / "fel.xlsx", rows, header), project, TODAY)
    assert [(p.row, p.column) for p in result.problems] == [(1, "belopp"), (1, "lat")]
    assert result.problems[1].message == "kolumnen saknas — lägg till en kolumn med rubriken lat"


def test_an_empty_required_cell_says_which_column(project, tmp_path):
    row = list(GOOD_ROWS[0])
    row[HEADER.index("owner")] = None
    result = import_file(workbook(tmp_path / "fel.xlsx", [row]), project, TODAY)
    assert [p.text() for p in result.problems] == [
        "Rad 2, kolumn owner: cellen är tom men måste fyllas i — skriv ett värde i kolumnen owner"]


def test_an_existing_file_is_not_overwritten_without_replace(project, tmp_path):
    row = list(GOOD_ROWS[0])
    header = HEADER + ["slug"]
    path = workbook(tmp_path / "fel.xlsx", [row + ["ptl-anodfabrik-torsboda"]], header)
    result = import_file(path, project, TODAY)
    assert [p.text() for p in result.problems] == [
        "Rad 2, kolumn slug: content/investeringar/ptl-anodfabrik-torsboda.md finns redan — välj ett annat slug, "
        "eller kör med --replace för att skriva över befintliga filer"]
    assert import_file(path, project, TODAY, replace=True).problems == []


def test_a_swedish_csv_with_semicolons_and_decimal_commas(project, tmp_path):
    path = tmp_path / "ny.csv"
    path.write_text(
        "title;summary;owner;municipality;sector;status;amount_msek;amount_year;lat;lon;reviewed\n"
        "Solpark i Kramfors;En solpark.;Sol AB;kramfors;energi;planerad;\"1 250,5\";2026;62,93;17,78;2026-11-01\n",
        encoding="utf-8-sig")
    result = import_file(path, project, TODAY)
    assert result.problems == []
    [text] = result.files.values()
    assert "amount_msek: 1250.5\n" in text and "  lat: 62.93\n" in text


def test_the_sites_own_csv_download_imports_again_unchanged(project, tmp_path):
    site, _ = load_site(COUNTY.parent, TODAY)
    download = next(f for f in pages.all_files(site) if f.path == "investeringar.csv")
    path = tmp_path / "investeringar.csv"
    path.write_text(download.content, encoding="utf-8")
    result = import_file(path, project, TODAY, replace=True)
    assert result.problems == []
    assert len(result.files) == len(site.entries["investeringar"])
    write_files(project, result)
    again, diagnostics = load_site(project, TODAY)
    assert diagnostics == []
    for entry in site.entries["investeringar"]:
        # The download has no editors' notes (never published) and no English title and summary
        # (the CSV is the Swedish dataset); replacing the files keeps them as they were.
        assert again.get("investeringar", entry.slug).data.model_dump() == entry.data.model_dump()
        assert again.get("investeringar", entry.slug).body.strip() == entry.body.strip()  # text kept


def test_a_file_that_is_not_a_spreadsheet(project, tmp_path):
    path = tmp_path / "lista.txt"
    path.write_text("hej", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="spara kalkylarket som .xlsx eller .csv"):
        import_file(path, project, TODAY)
    latin = tmp_path / "lista.csv"
    latin.write_bytes("title\nSågverk\n".encode("cp1252"))
    with pytest.raises(UnreadableFile, match="UTF-8"):
        import_file(latin, project, TODAY)
