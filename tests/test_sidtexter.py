"""content/sidor.yml: editors change a listing page's title, description and intro there, and a
mistake in the file is a Swedish message with file, line and field, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import EPOCH, FIXTURES, make_project, run_build
from utveckla.content.pagetexts import PAGE_TEXTS_FILE
from utveckla.content.validate import load_site

TODAY = __import__("datetime").date(2026, 11, 22)
CONTENT = FIXTURES / "content"


def reworded(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def edit_page_texts(project, old: str, new: str) -> None:
    path = project / PAGE_TEXTS_FILE
    path.write_text(reworded(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


def heading_and_title(html: str) -> tuple[str, str]:
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert heading and title
    return heading.group(1).strip(), title.group(1).strip()


@pytest.fixture(scope="module")
def reworded_site(tmp_path_factory):
    """The fixture content with the offers' listing and the English map reworded in sidor.yml."""
    project = make_project(tmp_path_factory.mktemp("sidtexter"), CONTENT)
    edit_page_texts(project, "  title: Stöd och finansiering\n", "  title: Pengar och råd för ditt företag\n")
    edit_page_texts(project, "Här finns stöd och finansiering för företag i Västernorrland från alla aktörer",
                    "Här samlar vi alla erbjudanden till företag i länet, från alla aktörer")
    edit_page_texts(project, "  title: Investment map of Västernorrland\n", "  title: Investments in Västernorrland\n")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_a_changed_title_and_intro_reach_the_listing(reworded_site):
    html = (reworded_site / "stod" / "index.html").read_text(encoding="utf-8")
    assert heading_and_title(html) == ("Pengar och råd för ditt företag",
                                       "Pengar och råd för ditt företag – Utveckla Västernorrland")
    assert '<p class="uv-lead">Här samlar vi alla erbjudanden till företag i länet, från alla aktörer' in html
    assert "Stöd och finansiering –" not in html


def test_the_english_map_takes_its_english_title_from_the_file(reworded_site):
    html = (reworded_site / "en" / "investments" / "index.html").read_text(encoding="utf-8")
    assert heading_and_title(html) == ("Investments in Västernorrland", "Investments in Västernorrland – Utveckla Västernorrland")


def test_the_fixture_texts_are_the_pages_titles(reworded_site):
    """Every other listing keeps the title written in the fixture's sidor.yml."""
    html = (reworded_site / "kalender" / "arkiv" / "index.html").read_text(encoding="utf-8")
    assert heading_and_title(html)[0] == "Tidigare evenemang"


def problems(project) -> list[tuple[str, int, str, str, str]]:
    _, diagnostics = load_site(project, TODAY)
    return [(d.path, d.line, d.field, d.code, d.problem) for d in diagnostics]


def test_a_missing_title_and_a_title_of_the_wrong_form_are_named_with_file_line_and_field(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    lines = (tmp_path / PAGE_TEXTS_FILE).read_text(encoding="utf-8").split("\n")
    edit_page_texts(tmp_path, "  title: Kommuner\n", "")
    edit_page_texts(tmp_path, "  title: Kalender\n", "  title: [Kalender, Evenemang]\n")
    assert problems(tmp_path) == [
        (PAGE_TEXTS_FILE, lines.index("kommuner:") + 1, "kommuner.title", "saknat-falt",
         "fältet är obligatoriskt men saknas"),
        # one line less above it: the municipalities' title is gone
        (PAGE_TEXTS_FILE, lines.index("  title: Kalender"), "kalender.title", "fel-typ",
         "värdet ”['Kalender', 'Evenemang']” har fel form (ska vara en text)"),
    ]


def test_a_missing_page_a_misspelt_page_and_a_too_long_text_are_named(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    edit_page_texts(tmp_path, "oppna-data:\n", "oppnadata:\n")
    edit_page_texts(tmp_path, "  title: Tidigare evenemang\n", "  title: " + "Tidigare evenemang " * 5 + "\n")
    found = {(field, code): problem for _, _, field, code, problem in problems(tmp_path)}
    assert found == {
        ("oppna-data", "sidtexter"): "texterna för sidan ”oppna-data” saknas",
        ("oppnadata", "sidtexter"): "sidan ”oppnadata” finns inte",
        ("kalender-arkiv.title", "for-lang"): "texten är 94 tecken lång, högst 90 är tillåtet",
    }


def test_a_missing_file_stops_the_check_and_the_build_with_a_swedish_message(tmp_path):
    project = make_project(tmp_path, CONTENT)
    (project / PAGE_TEXTS_FILE).unlink()
    message = "content/sidor.yml:1: fil: filen med sidornas rubriker och ingresser saknas"
    check = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                           capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert check.returncode == 1
    assert message in check.stdout + check.stderr
    build = run_build(project, project / "site")
    assert build.returncode != 0
    assert message in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr
    assert not (project / "site").exists()
