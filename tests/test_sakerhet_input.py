"""Awkward input: each kind gets a defined outcome, accepted and rendered right or a clear error.

| input                                   | outcome                                                   |
|-----------------------------------------|-----------------------------------------------------------|
| byte-order mark at the start            | accepted (test_validation)                                |
| CRLF, or CR alone (old Mac)             | accepted                                                  |
| non-breaking space in a value           | accepted and kept (Swedish "250 000 kr")                  |
| non-breaking/zero-width space or BOM in | error osynligt-tecken on its line                         |
|   a field name, indentation, after ":"  |                                                           |
| tab in the front matter                 | error tabb (test_validation)                              |
| tab in the body                         | accepted (Markdown: an indented code block)               |
| emoji                                   | accepted, in pages, JSON-LD and calendar files            |
| very long lines                         | accepted (100 000 characters)                             |
| a file over 1 MB (a 5 MB body)          | error for-stor, without reading the file as text          |
| empty or whitespace-only file           | error tom-fil                                             |
| front matter only, no body              | accepted; the page shows the summary                      |
| non-.md file, folder in a collection    | error felaktig-fil                                        |
| names differing only in case            | error namnkrock (test_validation)                         |
| å/ä/ö in the file name, also as NFD     | error ogiltigt-filnamn with the name to use               |
| not UTF-8 (Latin-1, UTF-16)             | error ej-utf8                                             |
| control characters, U+2028, bidi marks  | error styrtecken on their line; in a YAML escape: on the  |
|                                         |   field                                                   |
| line break in a one-line field          | error styrtecken on the field                             |
| YAML aliases (a "YAML bomb"), deep      | error yaml-syntax at once                                 |
|   nesting, a value starting with *      |                                                           |
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, GOOD_OFFER_FRONT, make_project, run_build
from utveckla.content.validate import load_site

TODAY = dt.date(2026, 11, 22)
GOOD_OFFER = GOOD_OFFER_FRONT + "Text.\n"
PASTE_FIX = "ta bort tecknet: skriv om raden för hand i stället för att klistra in den [styrtecken]"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    return tmp_path


def problems(project: Path, files: dict[str, str | bytes | None]) -> list[str]:
    """Write the files (None: a folder) and return every diagnostic as text."""
    for name, text in files.items():
        path = project / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            path.mkdir()
        else:
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    _, diagnostics = load_site(project, TODAY)
    return [d.text() for d in diagnostics]


def offer(**changes: str) -> str:
    lines = GOOD_OFFER.split("\n")
    for key, value in changes.items():
        index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
        if index is None:
            lines.insert(lines.index("---", 1), f"{key}: {value}")
        else:
            lines[index] = f"{key}: {value}"
    return "\n".join(lines)


def loaded_offer(project: Path, text: str):
    (project / "content" / "stod" / "x.md").write_text(text, encoding="utf-8")
    site, diagnostics = load_site(project, TODAY)
    assert diagnostics == []
    return site.get("stod", "x")


def test_cr_line_endings_are_accepted(project):
    assert loaded_offer(project, GOOD_OFFER.replace("\n", "\r")).data.title == "Ett bra lån"


def test_non_breaking_space_in_a_value_is_kept(project):
    entry = loaded_offer(project, offer(amount_note="Upp till 250\u00a0000 kr"))
    assert entry.data.amount_note == "Upp till 250\u00a0000 kr"


@pytest.mark.parametrize("line, expected", [
    ("\u00a0amount_note: x", "content/stod/x.md:8: amount_note: fältnamnet innehåller ett hårt mellanslag (U+00A0)"),
    ("ty\u200bpe2: x", "content/stod/x.md:8: type2: fältnamnet innehåller ett osynligt mellanslag (U+200B)"),
    ("\ufeffamount_note: x", "content/stod/x.md:8: amount_note: fältnamnet innehåller ett osynligt tecken (U+FEFF"),
])
def test_invisible_character_in_a_field_name(project, line, expected):
    found = problems(project, {"stod/x.md": GOOD_OFFER.replace("---\nText.", line + "\n---\nText.")})
    assert len(found) == 1 and found[0].startswith(expected), found
    assert found[0].endswith("som ofta följer med när text klistras in — skriv om fältnamnet och mellanslagen "
                             "före det för hand [osynligt-tecken]")


def test_non_breaking_space_after_the_colon(project):
    assert problems(project, {"stod/x.md": GOOD_OFFER.replace("type: lan", "type:\u00a0lan")}) == [
        "content/stod/x.md:5: fil: raden har ett hårt mellanslag (U+00A0) i indraget, fältnamnet eller direkt efter "
        "kolon — skriv om början av raden för hand med vanliga mellanslag [osynligt-tecken]"
    ]


def test_tabs_and_very_long_lines_in_the_body_are_accepted(project):
    body = "\tkod med tabb\n\nText\tmed tabb och en lång rad: " + "ord " * 25_000
    assert loaded_offer(project, GOOD_OFFER.replace("Text.", body)).body.startswith("\tkod med tabb")


def test_emoji_are_accepted(project):
    title = "Lån 🚀 för 👩\u200d💻 företag"
    assert loaded_offer(project, offer(title=title)).data.title == title


def test_a_file_over_1_mb_is_refused_quickly(project):
    started = time.perf_counter()
    found = problems(project, {"stod/x.md": GOOD_OFFER.replace("Text.", "x" * 5_000_000)})
    assert found == [
        "content/stod/x.md:1: fil: filen är 5,0 MB, högst 1 MB är tillåtet — korta texten eller dela upp den på flera "
        "sidor; bilder och bilagor läggs i docs/ och länkas [for-stor]"
    ]
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("text", ["", "  \n\n", "\ufeff"])
def test_empty_files(project, text):
    assert problems(project, {"stod/x.md": text}) == [
        "content/stod/x.md:1: fil: filen är tom — skriv fälten mellan två rader med --- överst, eller ta bort filen "
        "[tom-fil]"
    ]


@pytest.mark.parametrize("text", [GOOD_OFFER.replace("Text.\n", ""), GOOD_OFFER.replace("---\nText.\n", "---")])
def test_front_matter_only_is_accepted(project, text):
    assert loaded_offer(project, text).body.strip() == ""


def test_empty_front_matter_names_every_missing_field(project):
    found = problems(project, {"stod/x.md": "---\n---\n"})
    assert [line.split(": ")[1] for line in found] == ["provider", "reviewed", "summary", "title", "type", "url"]
    assert all(line.startswith("content/stod/x.md:1: ") and line.endswith("[saknat-falt]") for line in found)


def test_folders_and_other_files_in_a_collection(project):
    assert problems(project, {"stod/2026": None, "stod/x.MD": GOOD_OFFER, "stod/.DS_Store": b"\x00"}) == [
        "content/stod/2026:1: fil: mappen ”2026” läses inte: varje fil ska ligga direkt i content/stod/ — flytta "
        "filerna i mappen till content/stod/, eller lägg bilder och bilagor i docs/ [felaktig-fil]",
        "content/stod/x.MD:1: fil: filen är inte en Markdown-fil (.md) och används inte — byt filändelse till .md, "
        "eller flytta filen till docs/ om det är en bild eller bilaga [felaktig-fil]",
    ]


def test_decomposed_swedish_letters_in_a_file_name(project):
    """macOS writes å in file names as a + ring (NFD); the suggestion must still be lan.md."""
    found = problems(project, {"stod/la\u030an.md": GOOD_OFFER})
    assert len(found) == 1 and found[0].endswith("döp om filen till lan.md [ogiltigt-filnamn]")


def test_utf16_is_not_utf8(project):
    assert problems(project, {"stod/x.md": GOOD_OFFER.encode("utf-16")}) == [
        "content/stod/x.md:1: fil: filen innehåller tecken som inte är UTF-8 — spara filen som UTF-8 (i de flesta "
        "redigerare: Spara som → Kodning: UTF-8) [ej-utf8]"
    ]


@pytest.mark.parametrize("text, expected", [
    (offer(title="Lån\x00"), "content/stod/x.md:2: fil: raden innehåller ett osynligt styrtecken (U+0000)"),
    (GOOD_OFFER.replace("Text.", "Text\x0b."), "content/stod/x.md:9: fil: raden innehåller ett osynligt styrtecken (U+000B)"),
    (offer(title="Lån\u2028mer"), "content/stod/x.md:2: fil: raden innehåller ett osynligt styrtecken (U+2028)"),
    (offer(title="Lån \u202egnalröf"),
     "content/stod/x.md:2: fil: raden innehåller ett osynligt styrtecken för skrivriktning (U+202E)"),
])
def test_control_characters_in_the_file(project, text, expected):
    assert problems(project, {"stod/x.md": text}) == [f"{expected} — {PASTE_FIX}"]


@pytest.mark.parametrize("value, expected", [
    ('"Lån\\x07"', "title: texten innehåller ett osynligt styrtecken (U+0007)"),
    ('"Lån\\nmer"', "title: texten innehåller en radbrytning"),
    ('"Lån\\u202e"', "title: texten innehåller ett osynligt styrtecken för skrivriktning (U+202E)"),
])
def test_control_characters_written_as_yaml_escapes(project, value, expected):
    assert problems(project, {"stod/x.md": offer(title=value)}) == [
        f"content/stod/x.md:2: {expected} — skriv texten på en rad utan specialtecken [styrtecken]"
    ]


def test_a_line_break_is_fine_in_a_summary(project):
    assert loaded_offer(project, offer(summary='"Första meningen.\\nAndra meningen."')).data.summary.count("\n") == 1


def test_yaml_bomb_is_refused_at_once(project):
    anchors = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 12))
    started = time.perf_counter()
    found = problems(project, {"stod/x.md": GOOD_OFFER.replace("---\nText.", anchors + "---\nText.")})
    assert time.perf_counter() - started < 5
    assert found == [
        "content/stod/x.md:9: fil: raden går inte att läsa: ankare och alias (& och * först i ett värde) används inte "
        "i innehållsfilerna — skriv ut värdet på varje ställe där det behövs, eller sätt citattecken runt text som "
        "börjar med & eller * [yaml-syntax]"
    ]


def test_deep_nesting_is_an_error_not_a_crash(project):
    assert problems(project, {"stod/x.md": offer(stages="[" * 5000 + "]" * 5000)}) == [
        "content/stod/x.md:8: fil: raden går inte att läsa: värdena ligger i för många nivåer inuti varandra — skriv "
        "fälten som i fältreferensen: listor och underfält i högst ett par nivåer [yaml-syntax]"
    ]


def test_value_starting_with_a_star(project):
    found = problems(project, {"stod/x.md": offer(title="*Nytt* lån")})
    assert found == [
        "content/stod/x.md:2: fil: raden går inte att läsa: ett värde börjar med * eller & (sätt citattecken runt "
        "texten) — kontrollera indrag, kolon efter fältnamnet och citattecken runt text med kolon i [yaml-syntax]"
    ]


def test_awkward_but_valid_input_renders_right(tmp_path):
    """CRLF, a byte-order mark, emoji, non-breaking spaces, a tab-indented code block, a very
    long line and an item with front matter only, through the whole build."""
    project = make_project(tmp_path, FIXTURES / "content")
    stod = project / "content" / "stod"
    emoji = "Lån 🚀 för 👩\u200d💻 företag"
    text = ("\ufeff" + offer(title=f'"{emoji}"', amount_note="Upp till 250\u00a0000 kr").replace(
        "Text.", "\tkod = 1\n\nEn lång rad: " + "ord " * 20_000)).replace("\n", "\r\n")
    (stod / "awkward.md").write_bytes(text.encode("utf-8"))
    (stod / "bara-falt.md").write_text(offer(title="Bara fält").replace("Text.\n", ""), encoding="utf-8")
    events = project / "content" / "evenemang"
    events.mkdir()
    (events / "emoji.md").write_text(
        f'---\ntitle: "{emoji} träff"\nsummary: "Kaffe ☕ och nätverk 🤝 i Sundsvall."\nstart: 2026-12-03 07:30\n'
        "type: frukostmote\norganizer: almi\nlocation:\n  name: Stadshuset 🏛\n  municipality: sundsvall\n---\n",
        encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = (site / "stod" / "awkward" / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{emoji}</h1>" in page
    assert "Upp till 250\u00a0000 kr" in page
    assert "<pre><code>kod = 1\n</code></pre>" in page
    assert re.search(r"En lång rad: (ord ){19999}ord", page)
    only = (site / "stod" / "bara-falt" / "index.html").read_text(encoding="utf-8")
    assert "<p>Ett lån för företag som vill växa.</p>" in only  # the summary stands in for the body
    event = (site / "kalender" / "emoji" / "index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', event, re.S).group(1))
    assert data["name"] == f"{emoji} träff" and data["location"]["name"] == "Stadshuset 🏛"
    ics = (site / "kalender" / "emoji" / "emoji.ics").read_bytes().decode("utf-8")  # folding never splits a character
    unfolded = ics.replace("\r\n ", "")
    assert f"SUMMARY:{emoji} träff\r\n" in unfolded
    assert all(len(line.encode("utf-8")) <= 75 for line in ics.split("\r\n"))
