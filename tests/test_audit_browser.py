"""`make audit`'s browser gates (axe, network, Lighthouse) on small doctored copies of the
built fixture site: each planted defect fails the audit with the page named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from audit_support import ROOT, copy_site, insert, run_audit

pytestmark = pytest.mark.browser
# A few pages keep the crawl short; the start page is always there.
PAGES = ["index.html", "stod/index.html", "om/index.html"]


@pytest.fixture
def small_site(fixture_site, tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium saknas")
    return copy_site(fixture_site, tmp_path / "site", keep=PAGES)


def test_untouched_pages_pass_axe_and_network(small_site):
    result = run_audit(small_site, "axe", "nätverk")
    assert result.returncode == 0, result.stdout
    assert "3 sidor × 2 bredder" in result.stdout


def test_an_image_without_alt_text_fails_axe_at_both_widths(small_site):
    insert(small_site / "om" / "index.html", '<img src="../assets/logo.svg">')
    result = run_audit(small_site, "axe")
    assert result.returncode == 1
    assert "[image-alt]" in result.stdout
    assert re.search(r"om/index\.html: 375 px, critical: .*img", result.stdout)
    assert re.search(r"om/index\.html: 1280 px, critical: .*img", result.stdout)
    assert "alt-text" in result.stdout                       # the fix
    assert "stod/index.html:" not in result.stdout


def test_a_part_of_the_crawl_checks_only_its_own_pages(small_site):
    """--part 1/2 holds every second page from the first, sorted with the start page first:
    index.html and stod/index.html, not om/index.html (test_audit.py shows the parts cover all)."""
    insert(small_site / "om" / "index.html", '<img src="../assets/logo.svg">')
    first = run_audit(small_site, "axe", part="1/2")
    assert first.returncode == 0, first.stdout
    assert "2 av 3 sidor (del 1 av 2) × 2 bredder" in first.stdout


def test_a_cdn_font_a_cookie_and_a_script_error_fail_the_network_gate(small_site):
    """Three defects on two pages, one crawl: each is named with its page and the fix."""
    insert(small_site / "stod" / "index.html",
           '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">', before="</head>")
    insert(small_site / "index.html", '<script>document.cookie = "spårning=1"; odefinierad();</script>')
    result = run_audit(small_site, "nätverk")
    assert result.returncode == 1
    assert "[annan-värd]" in result.stdout
    assert "stod/index.html: hämtar https://fonts.googleapis.com/css2?family=Roboto" in result.stdout
    assert "docs/assets/" in result.stdout                   # the fix
    assert "index.html: sätter kakan spårning" in result.stdout
    assert re.search(r"\[konsolfel\].*\n\s+index\.html: .*odefinierad", result.stdout)


def lighthouse_budgets(tmp_path, min_scores: dict) -> Path:
    """The real budgets with one run of the start page, measuring only the given categories."""
    budgets = yaml.safe_load((ROOT / "budgets.yml").read_text(encoding="utf-8"))
    budgets["lighthouse"].update(runs=1, min_scores=min_scores,
                                 pages=[{"template": "Startsidan", "page": "index.html"}])
    path = tmp_path / "budgets.yml"
    path.write_text(yaml.safe_dump(budgets, allow_unicode=True), encoding="utf-8")
    return path


def test_lighthouse_names_the_page_and_the_category_that_failed(small_site, tmp_path):
    insert(small_site / "index.html", '<img src="assets/logo.svg">')
    # Accessibility alone: the categories measured are those min_scores names, and a run
    # without the performance trace takes a third of the time.
    result = run_audit(small_site, "lighthouse", budgets=lighthouse_budgets(tmp_path, {"accessibility": 100}))
    assert result.returncode == 1, result.stdout
    assert re.search(r"index\.html: Startsidan: Tillgänglighet \d+ < 100", result.stdout)
    assert "image-alt" in result.stdout                      # the audit that cost the points
    assert "gzip" in result.stdout                           # says how the site was served
    assert "Prestanda" not in result.stdout                  # not asked for, not measured


def test_an_unknown_lighthouse_category_is_named(small_site, tmp_path):
    result = run_audit(small_site, "lighthouse", budgets=lighthouse_budgets(tmp_path, {"speed": 90}))
    assert result.returncode != 0
    assert "okända kategorier speed" in result.stdout + result.stderr


def test_a_page_opens_without_the_address_bars_hidden_pages(browser, fixture_url):
    """NO_BROWSER_UI (audit/crawl.py) keeps Chromium from loading two WebUI pages for every
    window; should a Chromium update rename the features, this says so instead of every
    browser test silently costing three times the CPU."""
    page = browser.new_page()
    page.goto(fixture_url)
    session = browser.new_browser_cdp_session()
    kinds = [(t["type"], t["url"]) for t in session.send("Target.getTargets")["targetInfos"]]
    page.close()
    assert [url for kind, url in kinds if kind == "browser_ui"] == []
    assert ("page", fixture_url) in kinds
