"""Every validation rule: the exact Swedish message an editor gets, with file, line and field."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD_OFFER_FRONT
from utveckla.content.fieldinfo import likely_field
from utveckla.content.models import Offer
from utveckla.content.validate import load_site

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
TODAY = dt.date(2026, 11, 22)

GOOD_OFFER = GOOD_OFFER_FRONT + "Text.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    return tmp_path


def problems(project: Path, files: dict[str, str | bytes]) -> list[str]:
    for name, text in files.items():
        path = project / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    _, diagnostics = load_site(project, TODAY)
    return [d.text() for d in diagnostics]


def offer(**changes: str) -> str:
    """GOOD_OFFER with fields replaced (value None removes the line) or added."""
    lines = GOOD_OFFER.split("\n")
    for key, value in changes.items():
        index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if index is None:
            lines.insert(lines.index("---", 1), f"{key}: {value}")
        elif value is None:
            del lines[index]
        else:
            lines[index] = f"{key}: {value}"
    return "\n".join(lines)


def test_fixture_content_is_valid(project):
    assert problems(project, {}) == []


def test_unknown_field_is_a_typo(project):
    assert problems(project, {"stod/x.md": offer(provder="almi")}) == [
        "content/stod/x.md:8: provder: fältet ”provder” finns inte i stöd och finansiering — menade du provider? Rätta namnet; "
        f"tillåtna fält här är: {', '.join(Offer.model_fields)} [okant-falt]"
    ]


def test_unknown_field_in_swedish_gets_the_english_name(project):
    (problem,) = problems(project, {"stod/x.md": offer(sammanfattning="Ett lån.")})
    assert "sammanfattning: fältet ”sammanfattning” finns inte i stöd och finansiering — menade du summary?" in problem


@pytest.mark.parametrize("name, fields, expected", [
    ("titel", ["title", "summary"], "title"),          # the Swedish word
    ("Pris", ["title", "price"], "price"),             # in capitals too
    ("orgnizer", ["organizer", "online"], "organizer"),  # a typo
    ("kommun", ["owner", "municipality"], "municipality"),  # the word's meaning in this collection
    ("adress", ["url", "address"], "address"),          # spelling, not a guess at the meaning
    ("adress", ["name", "municipality", "address"], "address"),  # the Swedish word's target absent: spelling
    ("plats", ["title", "summary"], None),             # location is not allowed here: no guess
    ("xyz", ["title", "summary"], None),
])
def test_likely_field(name, fields, expected):
    assert likely_field(name, fields) == expected


def test_missing_required_field(project):
    assert problems(project, {"stod/x.md": offer(url=None)}) == [
        "content/stod/x.md:1: url: fältet är obligatoriskt men saknas — lägg till en rad url: … "
        "(se fältreferensen i redaktörsguiden) [saknat-falt]"
    ]


def test_unknown_provider(project):
    assert problems(project, {"stod/x.md": offer(provider="almi-mit")}) == [
        "content/stod/x.md:4: provider: ”almi-mit” finns inte i content/aktorer/ — använd filnamnet (utan .md) för en "
        "fil i content/aktorer/, till exempel almi, regionen [okand-referens]"
    ]


def test_unknown_municipality_in_list(project):
    assert problems(project, {"stod/x.md": offer(municipalities="[sundsvall, sundsval]")}) == [
        "content/stod/x.md:8: municipalities[2]: ”sundsval” finns inte i content/kommuner/ — använd filnamnet (utan .md) "
        "för en fil i content/kommuner/, till exempel sundsvall, timra [okand-referens]"
    ]


def test_unknown_type_and_stage(project):
    assert problems(project, {"stod/x.md": offer(type="lån", stages="[starta, vaxt]")}) == [
        "content/stod/x.md:5: type: ”lån” är inte ett giltigt id — skriv id:t med små bokstäver a–z (å, ä och ö blir "
        "a, a och o), siffror och bindestreck [okand-referens]",
        "content/stod/x.md:8: stages[2]: ”vaxt” finns inte bland skeden i content/taxonomier.yml — använd ett av: ide, "
        "starta, vaxa, etablera, omstalla, internationalisera (eller lägg till det i content/taxonomier.yml) [okant-id]",
    ]


def test_yaml_1_1_no_is_text_not_false(project):
    found = problems(project, {"stod/x.md": offer(type="no")})
    assert found == [
        "content/stod/x.md:5: type: ”no” finns inte bland stodtyper i content/taxonomier.yml — använd ett av: bidrag, "
        "lan, garanti, riskkapital, radgivning, natverk, kompetens, ovrigt (eller lägg till det i "
        "content/taxonomier.yml) [okant-id]"
    ]


def test_impossible_date(project):
    assert problems(project, {"stod/x.md": offer(deadline="2026-02-30")}) == [
        "content/stod/x.md:8: deadline: datumet 2026-02-30 finns inte i kalendern — kontrollera dag och månad (till "
        "exempel har februari högst 29 dagar) [ogiltigt-datum]"
    ]


def test_date_in_wrong_form(project):
    assert problems(project, {"stod/x.md": offer(deadline="31/12/2026")}) == [
        "content/stod/x.md:8: deadline: ”31/12/2026” är inte ett datum — skriv datumet som ÅÅÅÅ-MM-DD, till exempel "
        "2026-12-31 [ogiltigt-datum]"
    ]


def test_deadline_before_opening(project):
    assert problems(project, {"stod/x.md": offer(opens="2026-12-01", deadline="2026-11-30")}) == [
        "content/stod/x.md:9: deadline: sista ansökningsdag 2026-11-30 ligger före öppningsdagen 2026-12-01 — "
        "kontrollera datumen; deadline ska vara samma dag som opens eller senare [datumordning]"
    ]


def test_relative_url(project):
    assert problems(project, {"stod/x.md": offer(url="www.almi.se/lan")}) == [
        "content/stod/x.md:6: url: ”www.almi.se/lan” är inte en fullständig webbadress — skriv hela adressen med "
        "https:// först, till exempel https://www.almi.se/ [ogiltig-url]"
    ]


def test_title_too_long(project):
    assert problems(project, {"stod/x.md": offer(title="L" * 95)}) == [
        "content/stod/x.md:2: title: texten är 95 tecken lång, högst 90 är tillåtet — korta texten med minst 5 tecken "
        "[for-lang]"
    ]


def test_summary_too_long(project):
    assert problems(project, {"stod/x.md": offer(summary="Ord " * 60)})[0].startswith(
        "content/stod/x.md:3: summary: texten är 239 tecken lång, högst 200 är tillåtet")


def test_number_out_of_range(project):
    assert problems(project, {"stod/x.md": offer(max_share_percent="140")}) == [
        "content/stod/x.md:8: max_share_percent: talet 140 är utanför det tillåtna — skriv ett tal som är högst 100 "
        "[utanfor-intervall]"
    ]


def test_number_with_spaces(project):
    assert problems(project, {"stod/x.md": offer(max_amount_sek="250 000 kr")}) == [
        "content/stod/x.md:8: max_amount_sek: värdet ”250 000 kr” har fel form (ska vara ett heltal) — skriv bara "
        "siffror utan mellanslag eller enhet, till exempel 250000 [fel-typ]"
    ]


def test_yaml_syntax_error(project):
    assert problems(project, {"stod/x.md": offer(stages="[starta, vaxa")}) == [
        "content/stod/x.md:8: fil: raden går inte att läsa: en lista inom [ ] saknar avslutande ] — "
        "kontrollera indrag, kolon efter fältnamnet och citattecken runt text med kolon i [yaml-syntax]"
    ]


def test_tab_in_front_matter(project):
    assert problems(project, {"stod/x.md": offer(title="\tEtt lån")}) == [
        "content/stod/x.md:2: fil: raden innehåller ett tabbtecken — byt tabben mot mellanslag (YAML tillåter bara "
        "mellanslag för indrag) [tabb]"
    ]


def test_missing_closing_dashes(project):
    text = GOOD_OFFER.replace("---\nText.", "Text.")
    assert problems(project, {"stod/x.md": text}) == [
        "content/stod/x.md:9: fil: den avslutande raden --- efter fälten saknas — lägg till en rad med bara --- efter "
        "det sista fältet, före brödtexten [saknar-slut]"
    ]


def test_file_names_differing_only_in_case(project):
    found = problems(project, {"stod/ett-lan.md": GOOD_OFFER, "stod/Ett-lan.md": GOOD_OFFER})
    assert found == [
        "content/stod/Ett-lan.md:1: filnamn: filnamnet ”Ett-lan” får bara innehålla a–z, 0–9 och bindestreck — "
        "döp om filen till ett-lan.md [ogiltigt-filnamn]",
        "content/stod/ett-lan.md:1: filnamn: filnamnet skiljer sig bara i stora och små bokstäver från "
        "content/stod/Ett-lan.md — ge filerna olika namn eller ta bort den ena; webbadressen måste vara unik [namnkrock]"
    ]


def test_file_name_with_swedish_letters(project):
    assert problems(project, {"stod/lån-för-små.md": GOOD_OFFER}) == [
        "content/stod/lån-för-små.md:1: filnamn: filnamnet ”lån-för-små” får bara innehålla a–z, 0–9 och bindestreck — "
        "döp om filen till lan-for-sma.md [ogiltigt-filnamn]"
    ]


def test_duplicate_field(project):
    assert problems(project, {"stod/x.md": offer(type="lan", summary="En kort text.") + ""}) == []
    text = GOOD_OFFER.replace("type: lan\n", "type: lan\ntype: bidrag\n")
    assert problems(project, {"stod/x.md": text}) == [
        "content/stod/x.md:6: type: fältet står mer än en gång — ta bort den ena raden så att bara ett värde finns kvar "
        "[dubbelt-falt]"
    ]


def test_bool_must_be_true_or_false(project):
    assert problems(project, {"stod/x.md": offer(draft="ja")}) == [
        "content/stod/x.md:8: draft: värdet ”ja” har fel form (ska vara true eller false) — skriv true eller false "
        "(inte ja/nej eller yes/no) [fel-typ]"
    ]


def test_nested_contact_field(project):
    assert problems(project, {"stod/x.md": offer(contact="\n  name: Service\n  epost: a@b.se")}) == [
        "content/stod/x.md:10: contact.epost: fältet ”epost” finns inte i stöd och finansiering — menade du "
        "email? Rätta namnet; tillåtna fält här är: name, email, phone, address, opening_hours [okant-falt]"
    ]


def test_reference_to_draft_is_refused(project):
    draft_actor = (FIXTURES / "content" / "aktorer" / "almi.md").read_text().replace("reviewed:", "draft: true\nreviewed:")
    found = problems(project, {"aktorer/almi.md": draft_actor})
    assert found and all("är ett utkast (draft: true)" in line for line in found)


def test_non_markdown_file_and_bad_encoding(project):
    found = problems(project, {"stod/bild.png": b"\x89PNG", "stod/latin.md": GOOD_OFFER.encode("latin-1") + "å".encode("latin-1")})
    assert found == [
        "content/stod/bild.png:1: fil: filen är inte en Markdown-fil (.md) och används inte — byt filändelse till .md, "
        "eller flytta filen till docs/ om det är en bild eller bilaga [felaktig-fil]",
        "content/stod/latin.md:2: fil: filen innehåller tecken som inte är UTF-8 — spara filen som UTF-8 (i de flesta "
        "redigerare: Spara som → Kodning: UTF-8) [ej-utf8]",
    ]


def test_bom_and_crlf_are_accepted(project):
    text = "\ufeff" + GOOD_OFFER.replace("\n", "\r\n")
    assert problems(project, {"stod/x.md": text}) == []


def test_cli_reports_every_problem_once_golden(project):
    """The whole report of a tree with many mistakes, exactly as an editor sees it."""
    problems(project, {
        "stod/typo.md": offer(provder="almi"),
        "stod/datum.md": offer(deadline="2026-02-30", type="no"),
        "stod/syntax.md": offer(stages="[starta"),
        "stod/utan-slut.md": GOOD_OFFER.replace("---\nText.", "Text."),
    })
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795348800"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    golden = GOLDEN / "check-report.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stderr, encoding="utf-8")
    assert result.stderr == golden.read_text(encoding="utf-8")


def test_cli_github_annotations(project):
    problems(project, {"stod/typo.md": offer(provder="almi")})
    env = {**os.environ, "GITHUB_ACTIONS": "true"}
    result = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/stod/typo.md,line=8,title=provder%3A Okänt fält::")


def test_same_title_as_another_page(project):
    assert problems(project, {"stod/x.md": offer(title="Lån i Sundsvall")}) == [
        "content/stod/x.md:2: title: titeln finns redan i content/stod/lan-sundsvall.md — ge sidan en egen titel, "
        "till exempel med vad den erbjuder eller var [samma-titel]"
    ]
