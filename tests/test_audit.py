"""`make audit`'s static gates and building blocks: a doctored copy of the built fixture site
must fail with the page named and a fix; the untouched copy must pass."""

from __future__ import annotations

import base64
import gzip
import os
import re
import subprocess
import sys
import urllib.request

import pytest

from audit.budgets import BudgetError, load_budgets
from audit.built_site import load_built_site, tiles_host_pattern
from audit.crawl import Visit, share
from audit.gate_lighthouse import pick_pages
from audit.gate_network import judge as judge_network
from audit.server import serve
from audit_support import ROOT, copy_site, insert, run_audit
from conftest import needs_vnu

BUDGETS = load_budgets(ROOT / "budgets.yml")


def test_untouched_fixture_site_passes_the_static_gates(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    result = run_audit(site, "länkar", "vikt")
    assert result.returncode == 0, result.stdout
    assert "Sammanfattning" in result.stdout


def test_a_link_to_a_missing_page_fails_and_names_the_page(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    insert(site / "stod" / "index.html", '<p><a href="../finns-inte/">Gammal sida</a></p>')
    result = run_audit(site, "länkar")
    assert result.returncode == 1
    assert "[bruten-länk]" in result.stdout
    assert re.search(r"stod/index\.html: rad \d+: <a> \.\./finns-inte/ finns inte i webbplatsen", result.stdout)
    assert "omdirigering" in result.stdout          # the fix


def test_a_missing_image_and_a_missing_anchor_fail(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    insert(site / "om" / "index.html", '<img src="../assets/bild-som-saknas.png" alt="Karta">'
                                      '<a href="../stod/#ingen-rubrik">Till rubriken</a>')
    result = run_audit(site, "länkar")
    assert result.returncode == 1
    assert "[saknad-fil]" in result.stdout and "om/index.html" in result.stdout
    assert "[saknat-ankare]" in result.stdout and "ingen-rubrik" in result.stdout


def test_external_links_are_listed_in_a_report_and_not_fetched(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    insert(site / "om" / "index.html", '<a href="https://example.invalid/sida">Extern</a>')
    result = run_audit(site, "länkar", report_dir=tmp_path / "rapport")
    assert result.returncode == 0, result.stdout
    report = (tmp_path / "rapport" / "externa-lankar.txt").read_text(encoding="utf-8")
    assert "example.invalid (1)" in report and "om/index.html" in report


def test_a_500_kb_script_breaks_the_weight_budgets(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    # 500 KB of random base64: it hardly compresses (about 380 KB gzip), as a bundled library would not.
    (site / "assets" / "js" / "stor.js").write_text("var x='" + base64.b64encode(os.urandom(375_000)).decode() + "';")
    insert(site / "kommuner" / "index.html", '<script src="../assets/js/stor.js"></script>')
    result = run_audit(site, "vikt")
    assert result.returncode == 1
    assert "[css-js-vikt]" in result.stdout and "[sidvikt]" in result.stdout
    assert re.search(r"kommuner/index\.html: CSS\+JS \d+ KB gzip > 80 KB \(störst: assets/js/stor\.js", result.stdout)
    assert "stod/index.html" not in result.stdout    # only the page that loads it


@needs_vnu
def test_invalid_html_fails_with_the_page_and_line(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    insert(site / "aktorer" / "index.html", '<p id="dubbel">a</p><p id="dubbel">b</p>')
    result = run_audit(site, "html")
    assert result.returncode == 1, result.stdout
    assert re.search(r"aktorer/index\.html: rad \d+: Duplicate ID “dubbel”", result.stdout)
    assert "unika id" in result.stdout or "olika id" in result.stdout


@needs_vnu
def test_untouched_fixture_site_has_valid_html(fixture_site, tmp_path):
    result = run_audit(copy_site(fixture_site, tmp_path / "site"), "html")
    assert result.returncode == 0, result.stdout


def test_redirect_stubs_are_not_audited_as_pages(fixture_site, tmp_path):
    site = copy_site(fixture_site, tmp_path / "site")
    (site / "gammal").mkdir()
    (site / "gammal" / "index.html").write_text(
        '<!doctype html><meta http-equiv="refresh" content="0; url=../stod/">', encoding="utf-8")
    pages = load_built_site(site, ROOT / "mkdocs.yml").pages()
    assert "gammal/index.html" not in pages
    assert pages[0] == "index.html"
    # …but where a redirect points is still checked.
    (site / "gammal" / "index.html").write_text(
        '<!doctype html><meta http-equiv="refresh" content="0; url=../borta/">', encoding="utf-8")
    result = run_audit(site, "länkar")
    assert result.returncode == 1 and "gammal/index.html" in result.stdout


def test_budgets_file_must_name_every_threshold(tmp_path):
    (tmp_path / "b.yml").write_text("axe: {widths: [375]}\n", encoding="utf-8")
    with pytest.raises(BudgetError, match=r"axe\.tags.*lighthouse\.runs"):
        load_budgets(tmp_path / "b.yml")


def test_the_parts_of_the_browser_crawl_hold_every_page_once(fixture_site):
    """CI splits the axe and network crawl over parallel jobs (--part K/N): no page may be missed."""
    pages = load_built_site(fixture_site, ROOT / "mkdocs.yml").pages()
    parts = [share(pages, (k, 3)) for k in (1, 2, 3)]
    assert sorted(sum(parts, [])) == sorted(pages)
    assert max(map(len, parts)) - min(map(len, parts)) <= 1


@pytest.mark.parametrize("part", ["3/2", "0/2", "1", "a/b"])
def test_a_wrong_part_is_refused_with_a_message(fixture_site, part):
    result = subprocess.run([sys.executable, "-m", "audit", str(fixture_site), "--only", "axe", "--part", part],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "skriv del K av N som K/N" in result.stderr


def test_lighthouse_pages_come_from_the_budgets_list(fixture_site):
    site = load_built_site(fixture_site, ROOT / "mkdocs.yml")
    entries = [{"template": "Ett stöd", "page": "stod/*/index.html"},
               {"template": "Start", "page": "index.html"},
               {"template": "Kartan", "page": "karta-som-saknas/index.html", "optional": True},
               {"template": "Borta", "page": "borta/index.html"}]
    chosen, notes, missing = pick_pages(site, entries)
    assert chosen[0][0] == "Ett stöd" and chosen[0][1].startswith("stod/") and chosen[0][1].count("/") == 2
    assert chosen[1] == ("Start", "index.html")
    assert notes == ["hoppar över Kartan: ingen sida karta-som-saknas/index.html ännu"]
    assert [f.rule for f in missing] == ["mall-saknas"]


def test_every_template_of_the_real_site_has_a_lighthouse_page(county_site):
    site = load_built_site(county_site, ROOT / "mkdocs.yml")
    chosen, _, missing = pick_pages(site, BUDGETS["lighthouse"]["pages"])
    assert not missing
    sections = {page.split("/")[0] if "/" in page else page for page in site.pages()}
    measured = {page.split("/")[0] if "/" in page else page for _, page in chosen}
    # Every top-level section is measured (tillganglighet/ is a plain page like om/).
    assert sections - measured <= {"tillganglighet"}


def test_tile_server_comes_from_the_plugin_config():
    config = {"plugins": [{"search": {}}, {"utveckla": {"tiles_url": "https://{s}.tiles.example.org/{z}/{x}/{y}.png"}}]}
    pattern = tiles_host_pattern(config)
    assert pattern.match("a.tiles.example.org") and not pattern.match("tiles.example.org.evil.com")
    assert tiles_host_pattern({"plugins": ["search", "utveckla"]}) is None


def test_network_gate_allows_tiles_on_map_pages_only():
    def visit(page, is_map, **kw):
        return Visit(page, is_map, **kw)
    tiles = ["https://a.tiles.example.org/1/2/3.png"]
    ok = judge_network([visit("investeringar/index.html", True, tiles=tiles)], BUDGETS, "")
    assert ok.passed
    bad = judge_network([visit("stod/index.html", False, tiles=tiles),
                         visit("om/index.html", False, foreign=["https://fonts.googleapis.com/css"],
                               cookies=["_ga"], console_errors=["Uncaught ReferenceError: L is not defined"])],
                        BUDGETS, "")
    rules = {(f.page, f.rule) for f in bad.findings}
    assert rules == {("stod/index.html", "kartbilder"), ("om/index.html", "annan-värd"),
                     ("om/index.html", "kaka"), ("om/index.html", "konsolfel")}


def test_the_audit_server_compresses_text_like_a_real_host(fixture_site):
    with serve(fixture_site) as base:
        request = urllib.request.Request(base + "/stod/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert "Sök" in gzip.decompress(response.read()).decode("utf-8")
        with urllib.request.urlopen(base + "/stod/") as response:      # no Accept-Encoding
            assert response.headers.get("Content-Encoding") is None
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/finns-inte/")
        assert missing.value.code == 404
