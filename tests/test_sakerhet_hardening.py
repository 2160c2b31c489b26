"""Single-file changes a careless or hostile contributor could make, each with a defined outcome.

Every case copies the fixture content, changes one file (or adds one), and checks what an
editor sees from `make check`: the root cause, in Swedish, on the file and line where it is,
and nothing published. The classes follow the hardening issue: text rules, no tracebacks,
nothing ignored, strict YAML and types, root causes only, times and places.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EPOCH, FIXTURES, make_project, run_build
from utveckla.content.validate import load_site

TODAY = dt.date(2026, 11, 22)

EVENT = """---
title: Frukostmöte i Sundsvall
summary: Ett frukostmöte för företagare.
start: {start}
type: frukostmote
organizer: almi
location:
  name: Stadshuset
  municipality: sundsvall
{extra}---
Välkommen.
"""

INVESTMENT = """---
title: Ny hamn
summary: En ny hamn i Sundsvall.
owner: Hamnbolaget
municipality: sundsvall
sector: logistik
status: planerad
{extra}location:
  lat: 62.39
  lon: 17.31
reviewed: 2026-11-01
---
"""


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    return tmp_path


def check(project: Path) -> list:
    _, diagnostics = load_site(project, TODAY)
    return diagnostics


def codes(project: Path) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.code) for d in check(project)]


def write(project: Path, relative: str, text: str) -> Path:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def replace(project: Path, relative: str, old: str, new: str) -> None:
    path = project / "content" / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, relative: str, text: str) -> int:
    """The 1-based line of a file on which a text stands."""
    lines = (project / "content" / relative).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def run_check(project: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **env}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                          capture_output=True, text=True, env=environment, timeout=60)


# Class 2: one text rule for every text value, taxonomy labels included.

@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\ufdd0", "\U0010ffff"])
def test_a_noncharacter_in_a_title_is_an_error_on_its_line(project, char):
    replace(project, "stod/lan-sundsvall.md", "title: Lån i Sundsvall", f"title: Lån{char} i Sundsvall")
    assert ("content/stod/lan-sundsvall.md", 2, "styrtecken") in codes(project)


def test_a_noncharacter_written_as_a_yaml_escape_is_an_error_on_its_field(project):
    replace(project, "stod/lan-sundsvall.md", "summary: Ett lån bara för företag i Sundsvall.",
            'summary: "Ett lån\\uFFFE för företag"')
    [problem] = check(project)
    assert (problem.line, problem.field, problem.code) == (3, "summary", "styrtecken")
    assert "U+FFFE" in problem.problem


@pytest.mark.parametrize("label, code", [
    # YAML escapes, so the characters reach the value; written as they are, see the next test.
    ("Lån\\u202E", "styrtecken"), ("Lån\\x07", "styrtecken"), ("Lån\\uFFFE", "styrtecken"), ("L" * 300, "for-lang"),
])
def test_taxonomy_labels_get_the_text_rule(project, label, code):
    replace(project, "taxonomier.yml", "lan: Lån", f'lan: "{label}"')
    assert [(d.field, d.code) for d in check(project)] == [("stodtyper.lan", code)]


@pytest.mark.parametrize("char", ["\u202e", "\x07", "\ufffe"])
def test_odd_characters_written_in_the_taxonomy_file_are_named_on_their_line(project, char):
    replace(project, "taxonomier.yml", "lan: Lån", f"lan: Lån{char}")
    [problem] = check(project)
    assert (problem.path, problem.code) == ("content/taxonomier.yml", "styrtecken")
    lines = (project / "content" / "taxonomier.yml").read_text(encoding="utf-8").split("\n")
    assert char in lines[problem.line - 1]


# Class 3: messages, not tracebacks.

def test_a_taxonomy_file_in_windows_1252_is_one_swedish_problem(project):
    path = project / "content" / "taxonomier.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    run = run_check(project)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "content/taxonomier.yml" in run.stderr and "[ej-utf8]" in run.stderr
    assert "[okant-id]" not in run.stderr  # not reported again in every file that uses an id


def test_a_symlink_to_a_device_is_refused_without_reading_it(project):
    (project / "content" / "stod" / "evig.md").symlink_to("/dev/zero")
    run = run_check(project)  # would read forever (the timeout fails the test) before the fix
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "content/stod/evig.md:1: fil:" in run.stderr and "[felaktig-fil]" in run.stderr


def test_a_symlink_out_of_the_project_is_not_read(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("utanfor") / "hemligt.md"
    outside.write_text((project / "content" / "stod" / "lan-timra.md").read_text(encoding="utf-8")
                       .replace("Lån i Timrå", "Hemlig text"), encoding="utf-8")
    (project / "content" / "stod" / "hemligt.md").symlink_to(outside)
    site, diagnostics = load_site(project, TODAY)
    assert [(d.path, d.code) for d in diagnostics] == [("content/stod/hemligt.md", "felaktig-fil")]
    assert site.get("stod", "hemligt") is None


def test_a_symlink_inside_the_project_is_read(project):
    (project / "content" / "stod" / "kopia.md").symlink_to(project / "content" / "stod" / "lan-timra.md")
    assert [d.code for d in check(project)] == ["samma-titel"]  # read like any file: same title twice


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01", "9999-12-31 10:00"])
def test_dates_outside_a_sane_range_are_errors(project, start):
    write(project, "evenemang/frukost.md", EVENT.format(start=start, extra=""))
    assert codes(project) == [("content/evenemang/frukost.md", 4, "ogiltigt-datum")]


@pytest.mark.parametrize("epoch", ["i morgon", "1.5e9", "99999999999999999999", "-99999999999"])
def test_a_build_date_that_is_not_an_integer_is_a_swedish_message(project, epoch):
    run = run_check(project, SOURCE_DATE_EPOCH=epoch)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "SOURCE_DATE_EPOCH" in run.stderr and "heltal" in run.stderr


# Class 6: nothing in content/ is ignored without a word.

@pytest.mark.parametrize("folder, words", [
    ("nyheter", "är ingen samling"), ("Stod", "heter stod/ med små bokstäver"), ("STOD", "heter stod/"),
])
def test_a_folder_that_is_not_a_collection_is_named(project, folder, words):
    shutil.copy(project / "content" / "stod" / "lan-timra.md", project / "content" / "lan-annat.md")
    (project / "content" / folder).mkdir()
    shutil.move(project / "content" / "lan-annat.md", project / "content" / folder / "lan-annat.md")
    [problem] = check(project)
    assert (problem.path, problem.code) == (f"content/{folder}/", "felaktig-fil")
    assert words in problem.problem


def test_a_stray_file_in_content_is_named(project):
    write(project, "anteckningar.md", "---\ntitle: x\n---\n")
    assert codes(project) == [("content/anteckningar.md", 1, "felaktig-fil")]


def test_index_is_a_reserved_file_name_in_every_collection(project):
    shutil.copy(project / "content" / "stod" / "lan-timra.md", project / "content" / "stod" / "index.md")
    assert codes(project) == [("content/stod/index.md", 1, "namnkrock")]


def test_a_listing_page_name_is_reserved_in_every_collection(project):
    # /stod/sida-2/ is the listing's second page (content/paging.py), so no offer may take it.
    shutil.copy(project / "content" / "stod" / "lan-timra.md", project / "content" / "stod" / "sida-2.md")
    assert codes(project) == [("content/stod/sida-2.md", 1, "namnkrock")]


# Class 7: strict YAML, strict types, the contract's seven municipalities, real URLs.

def test_an_eighth_municipality_is_an_error(project):
    shutil.copy(project / "content" / "kommuner" / "timra.md", project / "content" / "kommuner" / "stockholm.md")
    replace(project, "kommuner/stockholm.md", "title: Timrå", "title: Stockholm")
    assert codes(project) == [("content/kommuner/stockholm.md", 1, "okand-kommun")]


def test_a_taxonomy_id_written_twice_is_an_error(project):
    replace(project, "taxonomier.yml", "  lan: Lån\n", "  lan: Lån\n  lan: Lånet\n")
    [problem] = check(project)
    assert (problem.path, problem.field, problem.code) == ("content/taxonomier.yml", "stodtyper.lan", "dubbelt-falt")


@pytest.mark.parametrize("line", ["draft: !!bool yes", "draft: !!python/object:os.system ls", "draft: !custom x"])
def test_an_explicit_yaml_tag_is_an_error_and_nothing_is_published(project, line):
    replace(project, "stod/lan-sundsvall.md", "reviewed: 2026-11-01", f"reviewed: 2026-11-01\n{line}")
    site, diagnostics = load_site(project, TODAY)
    assert [(d.line, d.code) for d in diagnostics] == [(line_of(project, "stod/lan-sundsvall.md", line), "yaml-syntax")]
    assert "YAML-tagg" in diagnostics[0].problem


def test_a_boolean_is_never_a_number(project):
    write(project, "investeringar/hamn.md", INVESTMENT.format(extra="jobs: true\n"))
    [problem] = check(project)
    assert (problem.field, problem.code, problem.line) == ("jobs", "fel-typ", 8)


@pytest.mark.parametrize("url", [
    "https://./", "http://127.0.0.1:8000/", "https://www.almi.se@evil.example.com/", "https://localhost/",
    "http://192.168.1.10/", "https://[::1]/", "https://almi/", "https://www.almi.se:abc/",
])
def test_addresses_that_lead_nowhere_public_are_refused(project, url):
    replace(project, "stod/lan-sundsvall.md", "url: https://www.almi.se/sundsvall", f"url: {url}")
    assert codes(project) == [("content/stod/lan-sundsvall.md", line_of(project, "stod/lan-sundsvall.md", "url:"), "ogiltig-url")]


# Class 9: root causes only, on the right line, in Swedish.

def test_an_unreadable_organisation_is_not_reported_again_in_the_offers(project):
    replace(project, "aktorer/almi.md", "title: Almi Mitt", "title: Almi: Mitt")
    assert codes(project) == [("content/aktorer/almi.md", 2, "yaml-syntax")]


def test_a_broken_taxonomy_file_is_one_problem_in_swedish(project):
    replace(project, "taxonomier.yml", "  lan: Lån\n", "  lan: Lån: för företag\n")
    [problem] = check(project)
    assert (problem.path, problem.code) == ("content/taxonomier.yml", "yaml-syntax")
    assert "kolon" in problem.problem and "mapping" not in problem.problem


def test_a_deleted_municipality_file_is_named(project):
    (project / "content" / "kommuner" / "timra.md").unlink()
    found = check(project)
    assert found and all("content/kommuner/timra.md" in d.problem for d in found)


def test_a_title_starting_with_a_hash_asks_for_quotes(project):
    replace(project, "stod/lan-sundsvall.md", "title: Lån i Sundsvall", "title: #1 i Sundsvall")
    [problem] = check(project)
    assert (problem.line, problem.field) == (2, "title")
    assert "#" in problem.problem and '"#1 i Sundsvall"' in problem.fix


# Class 10: times and places.

def test_a_time_in_the_spring_forward_gap_is_an_error(project):
    write(project, "evenemang/frukost.md", EVENT.format(start="2027-03-28 02:30", extra=""))
    [problem] = check(project)
    assert (problem.line, problem.code) == (4, "ogiltig-tid") and "sommartid" in problem.problem


def test_a_time_in_the_repeated_autumn_hour_is_its_first_occurrence(project):
    from utveckla.views.events import event_bounds

    write(project, "evenemang/frukost.md", EVENT.format(start="2027-10-31 02:30", extra=""))
    site, diagnostics = load_site(project, TODAY)
    assert diagnostics == []
    start, _ = event_bounds(site.get("evenemang", "frukost").data)
    assert start.utcoffset() == dt.timedelta(hours=2)  # summer time, the first 02:30


@pytest.mark.parametrize("relative, old, new", [
    ("evenemang/frukost.md", "  municipality: sundsvall\n", "  municipality: sundsvall\n  lat: 17.31\n  lon: 62.39\n"),
    ("kommuner/timra.md", "  lat: 62.49\n  lon: 17.33", "  lat: 17.33\n  lon: 62.49"),
])
def test_swapped_coordinates_are_caught_in_every_collection(project, relative, old, new):
    write(project, "evenemang/frukost.md", EVENT.format(start="2027-05-04 08:00", extra=""))
    replace(project, relative, old, new)
    assert [(d.path, d.code) for d in check(project)] == [(f"content/{relative}", "utanfor-lanet")]


# The build: the same inputs stop it with the Swedish list, never with a traceback.

def test_the_build_stops_with_swedish_messages_not_tracebacks(tmp_path):
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", FIXTURES / "content")
    write(project, "evenemang/heldag.md", EVENT.format(start="9999-12-31", extra=""))
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "content/evenemang/heldag.md:4: start:" in output
    (project / "content" / "evenemang" / "heldag.md").unlink()
    result = run_build(project, tmp_path / "site", epoch="i morgon")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "SOURCE_DATE_EPOCH" in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_misspelt_vocabulary_is_named(project):
    replace(project, "taxonomier.yml", "stodtyper:", "stodtyper:\n  ovrigt2: Annat\nstodtyp:\n  x: X\nstodtyper_:")
    found = [(d.field, d.code) for d in check(project) if d.field == "stodtyp"]
    assert found == [("stodtyp", "ordlista")]


def test_a_file_name_that_is_not_utf8_is_reported_not_a_crash(project):
    name = os.fsencode(str(project / "content" / "stod")) + b"/l\xe5n.md"
    with open(name, "wb") as file:
        file.write(b"---\ntitle: x\n---\n")
    run = run_check(project)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "[ogiltigt-filnamn]" in run.stderr


def test_a_hidden_markdown_file_is_not_ignored(project):
    shutil.copy(project / "content" / "stod" / "lan-timra.md", project / "content" / "stod" / ".lan-dolt.md")
    (project / "content" / "stod" / ".DS_Store").write_bytes(b"\x00\x01")
    assert codes(project) == [("content/stod/.lan-dolt.md", 1, "ogiltigt-filnamn")]


def test_the_check_prints_even_where_the_terminal_cannot_show_swedish_letters(project):
    replace(project, "stod/lan-sundsvall.md", "type: lan", "type: lån-typ")
    run = run_check(project, PYTHONIOENCODING="ascii")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "content/stod/lan-sundsvall.md:5: type:" in run.stderr


def test_no_title_can_break_out_of_the_generated_front_matter(tmp_path):
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", FIXTURES / "content")
    title = 'Lån: "citat" --- & <b>fet</b> #1 ✨ yes'
    replace(project, "stod/lan-sundsvall.md", "title: Lån i Sundsvall", f"title: '{title}'")
    replace(project, "stod/lan-sundsvall.md", "summary: Ett lån bara för företag i Sundsvall.",
            "summary: '---\n  [klick](javascript:alert(1)) ![x](https://evil.example.com/x.png)'")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "stod" / "lan-sundsvall" / "index.html").read_text(encoding="utf-8")
    assert "<title>Lån: &#34;citat&#34; --- &amp; &lt;b&gt;fet&lt;/b&gt; #1 ✨ yes" in page.replace("&quot;", "&#34;")
    # The summary stays text: no Markdown link or image made from it.
    assert 'src="https://evil.example.com' not in page and 'href="javascript:' not in page


@pytest.mark.parametrize("link", ["http://127.0.0.1:8000/", "https://www.almi.se@evil.example.com/", "https://./"])
def test_body_links_follow_the_same_address_rule_as_fields(project, link):
    path = project / "content" / "stod" / "lan-sundsvall.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n[Ansök]({link})\n", encoding="utf-8")
    assert [d.code for d in check(project)] == ["otillaten-adress"]


def test_the_synonym_file_is_checked_like_content(project):
    write(project, "synonymer.yml", "- [lån, kredit]\n- [maskin]\n- [Maskin!, utrustning]\n")
    assert codes(project) == [("content/synonymer.yml", 2, "fel-typ"), ("content/synonymer.yml", 3, "fel-typ")]
    site, _ = load_site(project, TODAY)
    assert site.synonyms == (("lån", "kredit"),)


def test_needs_are_checked_against_the_vocabulary_which_a_content_folder_may_leave_out(project):
    # Without a behov vocabulary (the fixture has none) the content is fine as long as no offer has needs.
    assert codes(project) == []
    replace(project, "stod/lan-sundsvall.md", "type: lan\n", "type: lan\nneeds: [lana-pengar]\n")
    assert codes(project) == [("content/stod/lan-sundsvall.md", 6, "okant-id")]
    taxonomy = (project / "content" / "taxonomier.yml").read_text(encoding="utf-8")
    write(project, "taxonomier.yml", taxonomy + "\nbehov:\n  lana-pengar: Låna pengar\n")
    assert codes(project) == []
    replace(project, "stod/lan-sundsvall.md", "[lana-pengar]", "[flyga]")
    [problem] = check(project)
    assert (problem.path, problem.line, problem.code) == ("content/stod/lan-sundsvall.md", 6, "okant-id")
    assert "flyga" in problem.text() and "lana-pengar" in problem.text()
