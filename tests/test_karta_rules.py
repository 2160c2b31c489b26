"""The investeringar collection's rules: each with the exact Swedish message an editor sees."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import COUNTY
from utveckla.content.collections import COUNTY_OUTLINE, inside_county
from utveckla.content.validate import load_site

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)

VALID = """\
---
title: Testinvestering
summary: En investering för testerna.
owner: Test AB
municipality: sundsvall
sector: energi
status: planerad
location:
  lat: 62.39
  lon: 17.31
reviewed: 2026-11-01
---
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the project's content, so a test can add one file and check the whole site."""
    shutil.copytree(COUNTY, tmp_path / "content")
    return tmp_path


def diagnostics_for(project: Path, text: str) -> list[str]:
    (project / "content" / "investeringar" / "testinvestering.md").write_text(text, encoding="utf-8")
    _, diagnostics = load_site(project, TODAY)
    return [d.text() for d in diagnostics]


def with_lines(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)




def test_a_valid_investment_gives_no_diagnostics(project):
    assert diagnostics_for(project, VALID) == []


def test_a_point_in_stockholm_is_rejected(project):
    text = with_lines(VALID, "  lat: 62.39\n  lon: 17.31\n", "  lat: 59.33\n  lon: 18.07\n")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:8: location: punkten lat 59.33, lon 18.07 ligger utanför "
        "Västernorrlands län — kontrollera koordinaterna (lat är cirka 62–64 och lon cirka 15–19 i länet) "
        "och att lat och lon inte bytt plats [utanfor-lanet]"
    ]


def test_swapped_coordinates_are_rejected(project):
    text = with_lines(VALID, "  lat: 62.39\n  lon: 17.31\n", "  lat: 17.31\n  lon: 62.39\n")
    [message] = diagnostics_for(project, text)
    assert "punkten lat 17.31, lon 62.39 ligger utanför Västernorrlands län" in message


def test_an_amount_needs_its_year(project):
    text = with_lines(VALID, "status: planerad\n", "status: planerad\namount_msek: 250\n")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:8: amount_year: amount_msek är ifyllt men amount_year saknas "
        "— lägg till amount_year med året som beloppet gäller, till exempel amount_year: 2024 [saknat-falt]"
    ]


def test_an_amount_with_its_year_is_fine(project):
    text = with_lines(VALID, "status: planerad\n", "status: planerad\namount_msek: 250.5\namount_year: 2024\n")
    assert diagnostics_for(project, text) == []


def test_an_amount_must_be_a_number(project):
    text = with_lines(VALID, "status: planerad\n", "status: planerad\namount_msek: 2 miljarder\namount_year: 2024\n")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:8: amount_msek: värdet ”2 miljarder” har fel form (ska vara ett tal) "
        "— skriv ett tal med punkt som decimaltecken, till exempel 62.39 [fel-typ]"
    ]


def test_the_years_must_be_in_order(project):
    text = with_lines(VALID, "reviewed:", "years:\n  start: 2027\n  end: 2025\nreviewed:")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:13: years.end: slutåret 2025 ligger före startåret 2027 "
        "— kontrollera åren i years [datumordning]"
    ]


def test_the_sector_must_be_in_the_taxonomy(project):
    text = with_lines(VALID, "sector: energi", "sector: gruvor")
    [message] = diagnostics_for(project, text)
    assert message.startswith(
        "content/investeringar/testinvestering.md:6: sector: ”gruvor” finns inte bland sektorer i "
        "content/taxonomier.yml — använd ett av: energi, industri, infrastruktur,")
    assert message.endswith("(eller lägg till det i content/taxonomier.yml) [okant-id]")


def test_the_status_must_be_in_the_taxonomy(project):
    text = with_lines(VALID, "status: planerad", "status: nedlagd")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:7: status: ”nedlagd” finns inte bland investeringsstatus i "
        "content/taxonomier.yml — använd ett av: planerad, beslutad, pagaende, klar, pausad, avbruten "
        "(eller lägg till det i content/taxonomier.yml) [okant-id]"
    ]


def test_the_municipality_must_exist(project):
    text = with_lines(VALID, "municipality: sundsvall", "municipality: stockholm")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:5: municipality: ”stockholm” finns inte i content/kommuner/ "
        "— använd filnamnet (utan .md) för en fil i content/kommuner/, till exempel ange, harnosand, kramfors "
        "[okand-referens]"
    ]


def test_the_location_is_required(project):
    text = with_lines(VALID, "location:\n  lat: 62.39\n  lon: 17.31\n", "")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:1: location: fältet är obligatoriskt men saknas "
        "— lägg till en rad location: … (se fältreferensen i redaktörsguiden) [saknat-falt]"
    ]


def test_reviewed_is_required(project):
    text = with_lines(VALID, "reviewed: 2026-11-01\n", "")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:1: reviewed: fältet är obligatoriskt men saknas "
        "— lägg till en rad reviewed: … (se fältreferensen i redaktörsguiden) [saknat-falt]"
    ]


def test_jobs_must_be_a_whole_number(project):
    text = with_lines(VALID, "status: planerad\n", "status: planerad\njobs: 12.5\n")
    assert diagnostics_for(project, text) == [
        "content/investeringar/testinvestering.md:8: jobs: värdet ”12.5” har fel form (ska vara ett heltal) "
        "— skriv ett heltal utan decimaler [fel-typ]"
    ]


@pytest.mark.parametrize("name, lat, lon", [
    ("Härnösand", 62.63, 17.94), ("Kramfors", 62.93, 17.78), ("Sollefteå", 63.17, 17.27),
    ("Sundsvall", 62.39, 17.31), ("Timrå", 62.49, 17.33), ("Ånge", 62.52, 15.66), ("Örnsköldsvik", 63.29, 18.72),
])
def test_every_municipal_centre_is_inside_the_county(name, lat, lon):
    assert inside_county(lat, lon), name


@pytest.mark.parametrize("name, lat, lon", [
    ("Stockholm", 59.33, 18.07), ("Umeå", 63.83, 20.26), ("Östersund", 63.18, 14.64),
    ("Hudiksvall", 61.73, 17.10), ("Vasa, Finland", 63.10, 21.62),
])
def test_places_outside_the_county_are_outside(name, lat, lon):
    assert not inside_county(lat, lon), name


def test_the_outline_is_a_closed_ring_without_repeats():
    assert len(set(COUNTY_OUTLINE)) == len(COUNTY_OUTLINE) >= 10
