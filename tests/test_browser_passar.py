"""The finder on a phone and "Passar det här mig?": the first screen, old ?q= links, and what an
offer page answers for the choices that came with the link, on a fixture site of its own."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES, axe_violations, csp_violations, make_project, run_build, serve

pytestmark = pytest.mark.browser

SMALL_GRANT = """---
title: Bidrag till nya maskiner
summary: Stöd när företaget köper maskiner till produktionen.
provider: regionen
type: bidrag
sectors: [industri]
company_sizes: [mikro, sma]
needs: [investera]
application: lopande
url: https://www.rvn.se/maskiner
reviewed: 2026-11-01
---
"""
NEEDS = "\nbehov:\n  lana-pengar: Låna pengar\n  investera: Investera\n"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("passar"), FIXTURES / "content")
    (project / "content" / "stod" / "bidrag-maskiner.md").write_text(SMALL_GRANT, encoding="utf-8")
    taxonomy = project / "content" / "taxonomier.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + NEEDS, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(project / "site")
    yield url
    server.shutdown()


def fit_answer(page, url: str) -> tuple[str, list[str]]:
    page.goto(url)
    page.wait_for_selector("[data-fit]:not([hidden])")
    return (page.text_content("[data-fit-verdict]"),
            page.eval_on_selector_all("[data-fit-param]:not([hidden])", "items => items.map(i => i.textContent)"))


def test_first_result_and_count_are_on_a_phones_first_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    for path in ("stod/", "stod/?typ=lan&kommun=sundsvall"):
        page.goto(site_url + path)
        count = page.eval_on_selector("#uv-count", "e => e.getBoundingClientRect().bottom")
        first = page.eval_on_selector("[data-filter-list] > li:not([hidden])", "e => e.getBoundingClientRect().top")
        assert count < 812 and first < 812, (path, count, first)
    # The chosen filters are folded under one line that says how many there are.
    assert page.text_content(".uv-filters__more > summary") == "Filter (2 valda)"
    assert not page.eval_on_selector(".uv-filters__more", "d => d.open")
    context.close()


def test_what_do_you_want_to_do_is_on_the_first_screen_and_finds_by_need(page_at, site_url):
    page = page_at(375)
    page.goto(site_url + "stod/")
    # Only the needs some offer has are offered.
    assert page.eval_on_selector_all("#uv-behov option", "o => o.map(x => x.textContent)") == ["Alla", "Investera"]
    page.select_option("#uv-behov", "investera")
    assert page.url.endswith("/stod/?behov=investera")
    assert page.eval_on_selector_all("[data-filter-list] > li:not([hidden]) h2 a",
                                     "a => a.map(x => x.textContent)") == ["Bidrag till nya maskiner"]
    assert page.eval_on_selector("#uv-count", "e => e.getBoundingClientRect().bottom") < 812
    assert page.text_content(".uv-filters__more > summary") == "Filter"  # the need is not folded away


def test_an_old_link_with_q_opens_the_finder_not_the_site_search(page_at, site_url):
    page = page_at(375)
    page.goto(site_url + "stod/?q=maskin")
    page.wait_for_url(lambda url: urlsplit(url).query == "sok=maskin")  # filter.js has taken over the old link
    assert page.input_value("#uv-q") == "maskin"
    assert not page.evaluate("document.getElementById('uv-sok-dialog').open")  # the site search stays closed
    assert page.url.endswith("/stod/?sok=maskin")
    page.reload()
    expect(page.locator("#uv-q")).to_have_value("maskin")
    expect(page.locator("[data-filter-list] > li:not([hidden])")).to_have_count(1)
    assert not page.evaluate("document.getElementById('uv-sok-dialog').open")
    assert page.eval_on_selector_all("[data-filter-list] > li:not([hidden]) h2 a",
                                     "a => a.map(x => x.textContent)") == ["Bidrag till nya maskiner"]
    assert csp_violations(page) == [] and page.console_errors == []


def test_a_local_loan_says_where_it_applies(page_at, site_url):
    page = page_at(375)
    verdict, answers = fit_answer(page, site_url + "stod/lan-sundsvall/?kommun=timra&skede=vaxa")
    assert verdict == "Nej, det här passar inte alla dina val."
    assert answers == ["Kommun: passar inte. Gäller bara Sundsvall.", "Skede: passar. Gäller skedet växa."]
    verdict, answers = fit_answer(page, site_url + "stod/lan-sundsvall/?kommun=sundsvall")
    assert verdict == "Ja, det här passar dina val."
    assert answers == ["Kommun: passar. Gäller Sundsvall, där ditt företag finns."]


def test_a_county_wide_loan_fits_every_municipality_and_says_what_it_does_not_state(page_at, site_url):
    page = page_at(375)
    verdict, answers = fit_answer(page, site_url + "stod/lan-hela-lanet/?kommun=timra&storlek=stora")
    assert verdict == "Det kan passa: erbjudandet säger inte allt om dina val."
    assert answers == ["Kommun: passar. Gäller hela länet, också din kommun.",
                       "Företagsstorlek: uppgift saknas. Erbjudandet anger ingen gräns för företagets storlek."]


def test_a_grant_for_small_companies_says_how_small(page_at, site_url):
    page = page_at(375)
    verdict, answers = fit_answer(page, site_url + "stod/bidrag-maskiner/?storlek=medelstora&bransch=industri")
    assert verdict == "Nej, det här passar inte alla dina val."
    assert answers == ["Företagsstorlek: passar inte. För företag med högst 49 anställda.",
                       "Bransch: passar. Gäller din bransch."]
    assert axe_violations(page) == []


def test_choices_go_from_the_finder_to_the_offer_and_back(page_at, site_url):
    page = page_at(1280)
    page.goto(site_url + "stod/")
    page.select_option("#uv-kommun", "timra")
    page.click("text=Lån i Timrå")
    page.wait_for_selector("[data-fit]:not([hidden])")
    assert "kommun=timra" in page.url
    assert "Kommun: passar. Gäller Timrå, där ditt företag finns." in page.text_content("[data-fit]")
    related = page.eval_on_selector_all("[data-fit-carry] a", "a => a.map(x => x.getAttribute('href'))")
    assert related and all(href.endswith("/?kommun=timra") for href in related)  # similar offers answer too
    page.click("text=Tillbaka till stöden med dina val")
    assert page.url.endswith("/stod/?kommun=timra")
    assert page.input_value("#uv-kommun") == "timra"
    assert page.is_hidden("text=Lån i Sundsvall")


def test_without_choices_the_offer_page_asks_nothing(page_at, site_url):
    page = page_at(375)
    page.goto(site_url + "stod/lan-sundsvall/")
    assert page.is_hidden("[data-fit]")


SWEDISH_ORDER = ["Härnösand", "Kramfors", "Sollefteå", "Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"]


@pytest.mark.parametrize("path", ["stod/", "aktorer/", "investeringar/"])
def test_municipality_selects_sort_the_swedish_way(page_at, county_url, path):
    page = page_at(375)
    page.goto(county_url + path)
    options = page.eval_on_selector_all("#uv-kommun option", "o => o.filter(x => x.value).map(x => x.textContent)")
    # The map lists only municipalities with an investment; the order is the same everywhere.
    assert options == [name for name in SWEDISH_ORDER if name in options] and options[-1] == "Örnsköldsvik"
    assert len(options) == len(SWEDISH_ORDER) or path == "investeringar/"
