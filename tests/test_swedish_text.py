"""Generated Swedish sentences: a number agrees with its word ("1 är pausad", "2 är pausade"),
and a place names its town once."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from utveckla.content.swedish import agree, count_text, with_town


def text(site: Path, path: str) -> str:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize(("count", "expected"), [(0, "0 investeringar"), (1, "1 investering"),
                                                 (2, "2 investeringar"), (1500, "1\u00a0500 investeringar")])
def test_the_noun_agrees_with_the_number(count, expected):
    assert count_text(count, "investering", "investeringar") == expected


def test_one_is_singular_and_every_other_number_plural():
    assert [agree(n, "är pausad", "är pausade") for n in (0, 1, 2)] == ["är pausade", "är pausad", "är pausade"]


def test_a_place_names_its_town_once():
    assert with_town("Hörneborg, Örnsköldsvik", "Örnsköldsvik") == "Hörneborg, Örnsköldsvik"
    assert with_town("Torpshammar", "Ånge") == "Torpshammar, Ånge"


def test_the_investment_map_counts_in_good_swedish(county_site):
    # The county sample has two cancelled investments and one paused.
    page = text(county_site, "investeringar")
    assert "2 investeringar är avbrutna och 1 är pausad." in page
    assert "1 är pausade" not in page


def test_an_investment_page_does_not_repeat_its_town(county_site):
    page = text(county_site, "investeringar/flagshipone-ornskoldsvik")
    assert "Hörneborg, Örnsköldsvik. Fler investeringar i Örnsköldsvik" in page
    assert "Örnsköldsvik, Örnsköldsvik" not in page
    assert "Torpshammar, Ånge. Fler investeringar i Ånge" in text(county_site, "investeringar/kriminalvarden-torpshammar")
