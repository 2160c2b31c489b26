"""Bad event files: every rule of issue 3 point 1 gives `path:line: field: message [code]`,
all in one run, a non-zero exit and no traceback (`python -m utveckla check`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COUNTY

ROOT = Path(__file__).resolve().parent.parent
ONLINE = "type: seminarium\norganizer: almi-mitt\nonline: https://example.org/"

# file name → (front matter after title and summary, the exact diagnostic line)
BAD_EVENTS = {
    "omojlig-tid": (
        "start: 2026-12-03 25:30\n" + ONLINE,
        "content/evenemang/omojlig-tid.md:4: start: klockslaget 25:30 finns inte — "
        "skriv en tid mellan 00:00 och 23:59 [ogiltig-tid]"),
    "omojlig-minut": (
        "start: 2026-12-03 10:00\nend: \"2026-12-03 10:75\"\n" + ONLINE,
        "content/evenemang/omojlig-minut.md:5: end: klockslaget 10:75 finns inte — "
        "skriv en tid mellan 00:00 och 23:59 [ogiltig-tid]"),
    "fel-form": (
        "start: 3 december\n" + ONLINE,
        "content/evenemang/fel-form.md:4: start: ”3 december” är varken en tidpunkt eller ett datum — "
        "skriv ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-12-03 07:30, eller bara datumet [ogiltig-tid]"),
    "omojligt-datum": (
        "start: 2026-02-30\n" + ONLINE,
        "content/evenemang/omojligt-datum.md:4: start: datumet 2026-02-30 finns inte i kalendern — "
        "kontrollera dag och månad (till exempel har februari högst 29 dagar) [ogiltigt-datum]"),
    "omojligt-datum-tid": (
        "start: 2026-02-30 10:00\n" + ONLINE,
        "content/evenemang/omojligt-datum-tid.md:4: start: datumet i 2026-02-30 10:00 finns inte i kalendern — "
        "kontrollera dag och månad [ogiltigt-datum]"),
    "slut-fore-start": (
        "start: 2026-12-03 10:00\nend: 2026-12-03 09:00\n" + ONLINE,
        "content/evenemang/slut-fore-start.md:5: end: slutet (2026-12-03 09:00) ligger före starten "
        "(2026-12-03 10:00) — rätta end så att den är samma tid som start eller senare [slut-fore-start]"),
    "heldag-slut-fore-start": (
        "start: 2026-12-03\nend: 2026-12-02\n" + ONLINE,
        "content/evenemang/heldag-slut-fore-start.md:5: end: slutet (2026-12-02) ligger före starten "
        "(2026-12-03) — rätta end så att den är samma tid som start eller senare [slut-fore-start]"),
    "blandad-form": (
        "start: 2026-12-03 10:00\nend: 2026-12-04\n" + ONLINE,
        "content/evenemang/blandad-form.md:5: end: start och end har olika form: den ena har ett klockslag, "
        "den andra bara ett datum — skriv båda med klockslag (ÅÅÅÅ-MM-DD TT:MM), eller båda som bara datum "
        "för ett heldagsevenemang [fel-typ]"),
    "utan-start": (
        ONLINE,
        "content/evenemang/utan-start.md:1: start: fältet är obligatoriskt men saknas — "
        "lägg till en rad start: … (se fältreferensen i redaktörsguiden) [saknat-falt]"),
    "okand-arrangor": (
        "start: 2026-12-03\ntype: seminarium\norganizer: almi\nonline: https://example.org/",
        "content/evenemang/okand-arrangor.md:6: organizer: ”almi” finns inte i content/aktorer/ — "
        "använd filnamnet (utan .md) för en fil i content/aktorer/, till exempel almi-mitt, "
        "arbetsformedlingen, business-sweden [okand-referens]"),
    "okand-kommun": (
        "start: 2026-12-03\ntype: seminarium\norganizer: almi-mitt\nlocation:\n  name: Stadshuset\n"
        "  municipality: umea",
        "content/evenemang/okand-kommun.md:9: location.municipality: ”umea” finns inte i content/kommuner/ — "
        "använd filnamnet (utan .md) för en fil i content/kommuner/, till exempel ange, harnosand, "
        "kramfors [okand-referens]"),
    "ingen-plats": (
        "start: 2026-12-03\ntype: seminarium\norganizer: almi-mitt",
        "content/evenemang/ingen-plats.md:1: location: evenemanget har varken plats eller länk — "
        "lägg till location (name, municipality) för en fysisk plats eller online med en länk [saknat-falt]"),
    "okand-typ": (
        "start: 2026-12-03\ntype: no\norganizer: almi-mitt\nonline: https://example.org/",
        "content/evenemang/okand-typ.md:5: type: ”no” finns inte bland evenemangstyper i "
        "content/taxonomier.yml — använd ett av: frukostmote, seminarium, webbinarium, natverkstraff, "
        "massa, konferens, utbildning, ovrigt (eller lägg till det i content/taxonomier.yml) [okant-id]"),
    "fel-lank": (
        "start: 2026-12-03\ntype: seminarium\norganizer: almi-mitt\nonline: www.example.org",
        "content/evenemang/fel-lank.md:7: online: ”www.example.org” är inte en fullständig webbadress — "
        "skriv hela adressen med https:// först, till exempel https://www.almi.se/ [ogiltig-url]"),
    "okant-falt": (
        "start: 2026-12-03\nplats: Sundsvall\n" + ONLINE,
        "content/evenemang/okant-falt.md:5: plats: fältet ”plats” finns inte i evenemang — "
        "menade du location? Rätta namnet; tillåtna fält här är: title, summary, source, reviewed, draft, notes, start, "
        "end, type, organizer, location, online, registration, price, cancelled, repeat, imported [okant-falt]"),
    "sen-anmalan": (
        "start: 2026-12-03\n" + ONLINE + "\nregistration:\n  url: https://example.org/anmalan\n"
        "  deadline: 2026-12-04",
        "content/evenemang/sen-anmalan.md:10: registration.deadline: sista anmälningsdag ligger efter att "
        "evenemanget börjat — sätt en sista anmälningsdag som är samma dag som start eller tidigare "
        "[datumordning]"),
    "installt-ja": (
        "start: 2026-12-03\n" + ONLINE + "\ncancelled: ja",
        "content/evenemang/installt-ja.md:8: cancelled: värdet ”ja” har fel form (ska vara true eller false) — "
        "skriv true eller false (inte ja/nej eller yes/no) [fel-typ]"),
    "fel-lat": (
        "start: 2026-12-03\ntype: seminarium\norganizer: almi-mitt\nlocation:\n  name: Stadshuset\n"
        "  municipality: sundsvall\n  lat: 162.3",
        "content/evenemang/fel-lat.md:10: location.lat: talet 162.3 är utanför det tillåtna — "
        "skriv ett tal som är högst 90 [utanfor-intervall]"),
    "arkiv": (
        "start: 2026-12-03\n" + ONLINE,
        "content/evenemang/arkiv.md:1: filnamn: filnamnet arkiv.md är upptaget av en annan sida på "
        "webbplatsen — döp om filen, till exempel till arkiv-evenemang.md [namnkrock]"),
}


@pytest.fixture(scope="module")
def check_output(tmp_path_factory):
    project = tmp_path_factory.mktemp("kalender-fel")
    shutil.copytree(COUNTY, project / "content", ignore=shutil.ignore_patterns("evenemang"))
    folder = project / "content" / "evenemang"
    folder.mkdir()
    for slug, (front, _) in BAD_EVENTS.items():
        (folder / f"{slug}.md").write_text(f"---\ntitle: Test {slug}\nsummary: Test.\n{front}\n---\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                            capture_output=True, text=True, cwd=ROOT)
    return result


@pytest.mark.parametrize("slug", sorted(BAD_EVENTS))
def test_each_bad_event_gets_its_exact_message(check_output, slug):
    assert BAD_EVENTS[slug][1] in check_output.stderr.splitlines()


def test_all_problems_in_one_run_without_traceback(check_output):
    assert check_output.returncode == 1
    assert "Traceback" not in check_output.stderr + check_output.stdout
    problems = [line for line in check_output.stderr.splitlines() if line.startswith("content/")]
    assert len(problems) == len(BAD_EVENTS)  # one problem per file, nothing extra
    assert f"{len(BAD_EVENTS)} problem i {len(BAD_EVENTS)} filer." in check_output.stderr
