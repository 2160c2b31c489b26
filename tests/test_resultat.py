"""The project's results: /om-projektet/resultat/, its feed and item pages, and the PDF check.

The fixture project is the county sample with tests/fixtures/resultat/resultat/ as
content/resultat/ and the documents written here: a tagged PDF with title and language, an
untagged one without, and a presentation (a small .pptx); the fourth result is on another site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from resultat_support import results_project

from utveckla.content.documents import size_text
from utveckla.content.results import count_sentences
from utveckla.content.validate import load_site

TODAY = dt.date(2026, 11, 22)
ATOM = "{http://www.w3.org/2005/Atom}"
CONTACT_EMAIL = "foretagslotsen@harnosand.se"  # extra.contact in mkdocs.yml


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_listing_shows_every_result_newest_first_with_filters_for_kind_and_year(results_build):
    _, site, _ = results_build
    html = page(site, "om-projektet/resultat")
    titles = re.findall(r'<h2 class="uv-card__title"><a href="[^"]+">([^<]+)</a>', html)
    assert titles == ["Rapport om kompetensbehovet i länet", "Presentation från ett seminarium om tillväxt",
                      "Rapport om bostäder på regionens webbplats", "Utvärdering av projektets första år"]
    kinds = re.search(r'<select id="uv-sort".*?</select>', html, re.S).group()
    assert re.findall(r'<option value="([^"]*)">', kinds) == ["", "rapport", "utvardering", "presentation"]
    years = re.search(r'<select id="uv-ar".*?</select>', html, re.S).group()
    assert re.findall(r'<option value="([^"]*)">', years) == ["", "2026", "2025"]
    assert 'data-kind="utvardering" data-year="2025"' in html
    assert '<a href="../../om-projektet/resultat/feed.xml">Prenumerera på nya resultat (Atom-flöde)</a>' in html


def test_om_projektet_links_to_the_listing(results_build):
    _, site, _ = results_build
    assert 'href="resultat/"' in page(site, "om-projektet")


def test_link_texts_give_kind_type_size_and_page_count(results_build):
    project, site, _ = results_build
    docs = project / "docs" / "dokument"
    tagged = size_text((docs / "tillganglig-rapport.pdf").stat().st_size)
    untagged = size_text((docs / "otillganglig-utvardering.pdf").stat().st_size)
    slides = size_text((docs / "seminariepresentation.pptx").stat().st_size)
    listing = page(site, "om-projektet/resultat")
    assert f'<a class="uv-document" href="../../dokument/tillganglig-rapport.pdf">Rapport (PDF, {tagged}, 3 sidor)</a>' in listing
    assert f">Utvärdering (PDF, {untagged}, 1 sida)</a>" in listing
    assert (f'<a class="uv-document" href="../../dokument/seminariepresentation.pptx" hreflang="en">'
            f"Presentation (PowerPoint, {slides}), på engelska</a>") in listing
    assert '<a class="uv-document" href="https://www.rvn.se/rapporter/bostader.pdf">Rapport (PDF på rvn.se)</a>' in listing
    item = page(site, "om-projektet/resultat/tillganglig-rapport")
    assert f'href="../../../dokument/tillganglig-rapport.pdf">Rapport (PDF, {tagged}, 3 sidor)</a>' in item
    assert (site / "dokument" / "tillganglig-rapport.pdf").is_file()


def test_sizes_are_written_the_swedish_way():
    assert size_text(2_100_000) == "2,1 MB"
    assert size_text(3_000_000) == "3 MB"
    assert size_text(340_400) == "340 kB"
    assert size_text(431) == "1 kB"


def test_the_untagged_pdf_gets_a_warning_and_a_note_the_tagged_one_neither(results_build):
    _, site, stderr = results_build
    warnings = [line for line in stderr.splitlines() if line.startswith("varning:")]
    assert warnings == [
        "varning: content/resultat/otillganglig-utvardering.md:6: document: PDF-filen "
        "docs/dokument/otillganglig-utvardering.pdf saknar taggar (rubriker, läsordning och alternativtexter "
        "för skärmläsare), dokumenttitel och angivet språk — spara om dokumentet som tillgänglig PDF (i Word: "
        "Spara som > PDF > Alternativ > Dokumentstrukturtaggar för hjälpmedel) med titel och språk i "
        "dokumentets egenskaper; till dess säger sidan att en tillgänglig version kan beställas [pdf-tillganglighet]"]
    untagged = page(site, "om-projektet/resultat/otillganglig-utvardering")
    assert "Dokumentet är inte tillgängligt för alla." in untagged
    assert "Du kan begära en tillgänglig version av dokumentet från Hållbar samhällsomställning, Härnösands kommun" in untagged
    assert f'href="mailto:{CONTACT_EMAIL}?subject=' in untagged
    for accessible in ("tillganglig-rapport", "seminariepresentation", "extern-rapport"):
        assert "inte tillgängligt" not in page(site, f"om-projektet/resultat/{accessible}")


def test_the_feed_lists_the_results_newest_first(results_build):
    _, site, _ = results_build
    feed = ET.parse(site / "om-projektet" / "resultat" / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "https://utvecklavasternorrland.se/om-projektet/resultat/tillganglig-rapport/",
        "https://utvecklavasternorrland.se/om-projektet/resultat/seminariepresentation/",
        "https://utvecklavasternorrland.se/om-projektet/resultat/extern-rapport/",
        "https://utvecklavasternorrland.se/om-projektet/resultat/otillganglig-utvardering/"]
    assert entries[0].find(f"{ATOM}category").get("term") == "Rapport"
    assert feed.find(f"{ATOM}updated").text == "2026-05-04T00:00:00Z"


def test_item_pages_carry_structured_data_and_are_in_the_sitemap(results_build):
    _, site, _ = results_build
    html = page(site, "om-projektet/resultat/tillganglig-rapport")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Report"
    assert data["datePublished"] == "2026-05-04"
    assert data["associatedMedia"]["contentUrl"] == "https://utvecklavasternorrland.se/dokument/tillganglig-rapport.pdf"
    assert data["associatedMedia"]["encodingFormat"] == "application/pdf"
    slides = page(site, "om-projektet/resultat/seminariepresentation")
    assert '"@type": "PresentationDigitalDocument"' in slides
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for slug in ("tillganglig-rapport", "otillganglig-utvardering", "extern-rapport", "seminariepresentation"):
        assert f"https://utvecklavasternorrland.se/om-projektet/resultat/{slug}/" in sitemap


def test_the_news_item_and_the_result_link_to_each_other(results_build):
    _, site, _ = results_build
    article = page(site, "aktuellt/sju-kommuner-samverkar-om-hallbar-samhallsomstallning")
    assert '<a href="../../om-projektet/resultat/otillganglig-utvardering/">Utvärdering av projektets första år</a>' in article
    result = page(site, "om-projektet/resultat/otillganglig-utvardering")
    assert 'href="../../../aktuellt/sju-kommuner-samverkar-om-hallbar-samhallsomstallning/"' in result


def test_an_empty_collection_says_what_will_come(county_site):
    html = page(county_site, "om-projektet/resultat")
    assert "Inga resultat är publicerade än." in html
    assert 'id="uv-filter"' not in html


# --- the check -------------------------------------------------------------------------------


def check(project: Path, name: str, text: str):
    (project / "content" / "resultat" / f"{name}.md").write_text(text, encoding="utf-8")
    return load_site(project, TODAY)


@pytest.fixture
def project(tmp_path):
    return results_project(tmp_path)


BODY = "Den första meningen. Den andra meningen. Den tredje meningen.\n"
FRONT = """---
title: En ny rapport
summary: En kort sammanfattning.
date: 2026-06-01
kind: rapport
document: {document}
---
"""


def test_a_body_of_fewer_than_three_sentences_is_an_error_naming_file_line_and_field(project):
    _, problems = check(project, "kort", FRONT.format(document="dokument/tillganglig-rapport.pdf")
                        + "Rapporten handlar om jobb. Den är bra.\n")
    assert [p.text() for p in problems] == [
        "content/resultat/kort.md:8: brödtext: sammanfattningen under den avslutande --- har 2 meningar, minst 3 "
        "krävs — skriv minst 3 meningar på enkel svenska under den avslutande ---: vad resultatet är, vem det är "
        "till för och vad det visar eller föreslår [for-fa-meningar]"]


def test_a_missing_or_unpublishable_document_is_an_error(project):
    _, problems = check(project, "saknas", FRONT.format(document="dokument/finns-inte.pdf") + BODY)
    assert [(p.path, p.line, p.field, p.code) for p in problems] == [
        ("content/resultat/saknas.md", 6, "document", "dokument-saknas")]
    _, problems = check(project, "saknas", FRONT.format(document="dokument/bild.jpg") + BODY)
    assert [(p.line, p.code) for p in problems] == [(6, "dokumenttyp")]
    (project / "docs" / "dokument" / "trasig.pdf").write_bytes(b"%PDF-1.7 inte en riktig pdf")
    _, problems = check(project, "saknas", FRONT.format(document="dokument/trasig.pdf") + BODY)
    assert [(p.line, p.code) for p in problems] == [(6, "dokumenttyp")]


def test_an_unknown_kind_lists_the_kinds(project):
    text = FRONT.format(document="dokument/tillganglig-rapport.pdf").replace("kind: rapport", "kind: rapporter")
    _, problems = check(project, "sort", text + BODY)
    assert [(p.field, p.code) for p in problems] == [("kind", "okant-id")]
    assert "rapport, utvardering, presentation, karta, budskap, annat" in problems[0].fix


def test_sentences_are_counted_as_a_reader_counts_them():
    assert count_sentences("Rapporten visar t.ex. att fler jobb behövs. Den föreslår åtgärder!\n\nVad händer nu?") == 3
    assert count_sentences("## Rubrik\n\n- En punkt i en lista.\n- En punkt till.") == 2
    assert count_sentences("") == 0
