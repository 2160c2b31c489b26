"""The finder understands Swedish: word forms, words that share a beginning, and the editors' synonyms.

A fixture site with the three fixture loans, a grant for machinery and a synonym file of its
own; the searches are the ones business owners typed when the finder found nothing.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES, csp_violations, make_project, run_build, serve

pytestmark = pytest.mark.browser

MACHINES = """---
title: Bidrag till nya maskiner
summary: Stöd när företaget köper maskiner och annan utrustning till produktionen.
provider: regionen
type: bidrag
application: lopande
url: https://www.rvn.se/maskiner
reviewed: 2026-11-01
---
"""
EQUIPMENT = MACHINES.replace("Bidrag till nya maskiner", "Bidrag till inventarier").replace(
    "maskiner och annan utrustning", "inventarier").replace("/maskiner", "/inventarier")
SYNONYMS = "- [maskin, inventarier]\n- [lån, kredit]\n"


@pytest.fixture(scope="module")
def finder_url(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("finder"), FIXTURES / "content")
    (project / "content" / "stod" / "bidrag-maskiner.md").write_text(MACHINES, encoding="utf-8")
    (project / "content" / "stod" / "bidrag-inventarier.md").write_text(EQUIPMENT, encoding="utf-8")
    (project / "content" / "synonymer.yml").write_text(SYNONYMS, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


def shown(page) -> list[str]:
    page.wait_for_function("document.getElementById('uv-count').textContent.startsWith('Visar')")
    return page.eval_on_selector_all("[data-filter-list] > li:not([hidden]) h2 a", "a => a.map(x => x.textContent)")


def search(page, url: str, text: str) -> list[str]:
    page.goto(url + "stod/")
    page.fill("#uv-q", text)
    # filter.js writes the address and filters the list in the same task: once the address has
    # the text, the list answers it.
    page.wait_for_function("text => new URLSearchParams(location.search).get('sok') === text", arg=text)
    return shown(page)


def test_lan_maskin_finds_the_loans_and_the_machinery_grants(page_at, finder_url):
    page = page_at(375)
    found = search(page, finder_url, "lån maskin")
    assert set(found) == {"Lån för hela länet", "Lån i Sundsvall", "Lån i Timrå", "Bidrag till nya maskiner",
                          "Bidrag till inventarier"}  # inventarier: a synonym of maskin
    assert csp_violations(page) == [] and page.console_errors == []


def test_every_word_form_of_a_loan_finds_every_loan(page_at, finder_url):
    page = page_at(375)
    for text in ("låna", "lånet", "Lån"):
        assert sorted(search(page, finder_url, text)) == ["Lån för hela länet", "Lån i Sundsvall", "Lån i Timrå"], text


def test_a_part_of_a_word_is_no_match(page_at, finder_url):
    page = page_at(375)
    page.goto(finder_url + "stod/?sok=lan")  # "Västernorrland", "plan": no offer is about those
    page.wait_for_function("document.getElementById('uv-count').textContent.includes('Visar') "
                           "|| document.querySelector('[data-filter-empty]').hidden === false")
    assert page.eval_on_selector_all("[data-filter-list] > li:not([hidden])", "x => x.length") == 0


def test_the_best_match_comes_first(page_at, finder_url):
    page = page_at(375)
    page.goto(finder_url + "stod/?sok=bidrag%20maskiner")
    first = page.eval_on_selector("[data-filter-list] > li:not([hidden]) h2 a", "a => a.textContent")
    assert first == "Bidrag till nya maskiner"  # both words, before the grants with one
