"""The open data in spreadsheets (issue 13, class 4): no cell of /investeringar.csv that came
from content runs as a formula ("CSV injection"), while the GeoJSON keeps the exact text and
the numbers stay numbers. The last test opens the built CSV in LibreOffice itself."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES, make_project, run_build
from utveckla.content.validate import load_site
from utveckla.editor.importer import import_file, write_files
from utveckla.outputs.mapdata import FORMULA_STARTS, plain_text, spreadsheet_text

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"

# Text fields of one investment per character that starts a formula. A spreadsheet reading
# =HYPERLINK(…) shows a link to another site; =1+1 shows 2.
RISKY = {
    "lika": {"title": '=HYPERLINK("https://evil.example/","Klicka här")', "owner": "=1+1", "place": "=A1",
             "summary": '=DDE("cmd";"/c calc";"A1")'},
    "plus": {"title": "+1+2 solpark", "owner": "+46 Energi AB", "place": "+A1", "summary": "+1+1"},
    "minus": {"title": "-20 procent el", "owner": "-1+1", "place": "-A1", "summary": "-2+3 nya jobb"},
    "snabel": {"title": "@SUM(1+1) fabrik", "owner": "@A1", "place": "@Timrå", "summary": "@SUM(1;2)"},
}
TEXT_COLUMNS = ("title", "owner", "place", "summary")


def investment(slug: str, values: dict[str, str]) -> str:
    q = {name: json.dumps(value, ensure_ascii=False) for name, value in values.items()}
    return textwrap.dedent(f"""\
        ---
        title: {q['title']}
        summary: {q['summary']}
        owner: {q['owner']}
        municipality: timra
        sector: energi
        status: planerad
        amount_msek: 1250.5
        amount_year: 2026
        jobs: 40
        location:
          lat: 62.49
          lon: 17.33
          place: {q['place']}
        reviewed: 2026-11-01
        ---
        Investeringen {slug}.
        """)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("csv"), FIXTURES / "content")
    folder = project / "content" / "investeringar"
    folder.mkdir()
    for slug, values in RISKY.items():
        (folder / f"{slug}.md").write_text(investment(slug, values), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def csv_rows(built) -> dict[str, dict[str, str]]:
    text = (built / "investeringar.csv").read_text(encoding="utf-8")
    return {row["slug"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_text_that_starts_a_formula_gets_a_quote(start):
    assert spreadsheet_text(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize("text", ["Sundsvall", "SCA Östrand", "1+1", " =1+1", "e-post", "100 % el", "", "'", "'Tis"])
def test_other_text_is_left_alone(text):
    assert spreadsheet_text(text) == text


def test_a_quote_before_a_formula_gets_one_more_so_the_text_comes_back():
    assert spreadsheet_text("'=1+1") == "''=1+1"
    assert plain_text("''=1+1") == "'=1+1"


@given(st.text())
def test_plain_text_gives_back_what_was_neutralised(text):
    cell = spreadsheet_text(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert plain_text(cell) == text


def test_csv_cells_from_content_are_neutralised(csv_rows):
    for slug, values in RISKY.items():
        row = csv_rows[slug]
        for column in TEXT_COLUMNS:
            assert row[column] == "'" + values[column], (slug, column)


def test_numbers_in_the_csv_stay_numbers(csv_rows):
    for slug in RISKY:
        row = csv_rows[slug]
        assert (row["amount_msek"], row["amount_year"], row["jobs"], row["lat"], row["lon"]) == (
            "1250.5", "2026", "40", "62.49", "17.33")


def test_the_geojson_keeps_the_exact_text(built):
    data = json.loads((built / "investeringar.geojson").read_text(encoding="utf-8"))
    features = {feature["id"]: feature for feature in data["features"]}
    for slug, values in RISKY.items():
        properties = features[slug]["properties"]
        for column in TEXT_COLUMNS:
            assert properties[column] == values[column], (slug, column)
        assert properties["amount_msek"] == 1250.5 and properties["jobs"] == 40


def test_the_download_imports_again_with_the_exact_text(built, tmp_path):
    """The importer takes the quote off again (scripts/import_investeringar.py)."""
    today = dt.date(2026, 11, 22)
    shutil.copytree(built.parent / "content", tmp_path / "content")
    before, _ = load_site(tmp_path, today)
    result = import_file(built / "investeringar.csv", tmp_path, today, replace=True)
    assert result.problems == []
    write_files(tmp_path, result)
    after, diagnostics = load_site(tmp_path, today)
    assert diagnostics == []
    for slug in RISKY:
        assert after.get("investeringar", slug).data == before.get("investeringar", slug).data


# LibreOffice's CSV import options (https://help.libreoffice.org/latest/en-US/text/shared/guide/csv_params.html):
# comma, double quote, UTF-8, from line 1, no column formats, English (decimal point), quoted
# fields not forced to text, special numbers detected, …, and token 13 "evaluate formulas" on:
# the way a reader's spreadsheet would open it, and the most eager to run a formula.
CSV_IMPORT = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"


def open_in_libreoffice(csv_files: list[Path], outdir: Path) -> dict[str, list[list]]:
    """Convert CSV files to XLSX with headless LibreOffice (one start for all) and read every
    cell back as (type, value): type "f" is a formula, "s" text, "n" a number."""
    from openpyxl import load_workbook

    if not Path(SOFFICE).exists():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice saknas: make test ska installera Debians paket libreoffice-calc-nogui")
        pytest.skip("LibreOffice saknas: installera med  sudo apt-get install libreoffice-calc-nogui")
    # Its own profile folder, so that runs at the same time do not share (and lock) one.
    profile = (outdir / "profil").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                    "--convert-to", "xlsx", "--infilter=" + CSV_IMPORT, "--outdir", str(outdir),
                    *map(str, csv_files)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for path in csv_files:
        sheet = load_workbook(outdir / f"{path.stem}.xlsx").worksheets[0]
        sheets[path.stem] = [[(cell.data_type, cell.value) for cell in row] for row in sheet.iter_rows()]
    return sheets


def test_libreoffice_evaluates_no_cell_from_content(built, tmp_path):
    # The same investments written without neutralising, to show that this LibreOffice and these
    # options do run formulas: without it the test could pass on a spreadsheet that runs none.
    raw = tmp_path / "oskyddad.csv"
    with raw.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(TEXT_COLUMNS)
        writer.writerows([values[column] for column in TEXT_COLUMNS] for values in RISKY.values())
    site_csv = tmp_path / "investeringar.csv"
    shutil.copy(built / "investeringar.csv", site_csv)
    sheets = open_in_libreoffice([raw, site_csv], tmp_path)

    unprotected = [cell for row in sheets["oskyddad"][1:] for cell in row]
    assert ("f", RISKY["lika"]["title"]) in unprotected

    header, *rows = sheets["investeringar"]
    names = [value for _, value in header]
    for row in rows:
        cells = dict(zip(names, row, strict=True))
        values = RISKY[cells["slug"][1]]
        for column in TEXT_COLUMNS:
            assert cells[column] == ("s", "'" + values[column]), column
        for column in ("amount_msek", "jobs", "lat", "lon"):
            assert cells[column][0] == "n", column
        assert all(kind != "f" for kind, _ in row), row
