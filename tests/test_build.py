"""Fixture-site builds: the output tree, key HTML, failing builds and byte-identical rebuilds."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from conftest import EPOCH, FIXTURES, ROOT, make_project, run_build
from utveckla.outputs.render import compiled_templates


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_output_tree(fixture_site):
    for path in ["index.html", "stod/index.html", "stod/lan-sundsvall/index.html", "aktorer/index.html",
                 "aktorer/almi/index.html", "kommuner/index.html", "kommuner/timra/index.html",
                 "om/index.html", "tillganglighet/index.html", "sitemap.xml", "404.html"]:
        assert (fixture_site / path).is_file(), path
    assert not (fixture_site / "stod" / "utkast").exists(), "a draft must not be published"


def test_offer_listing_cards_carry_filter_data(fixture_site):
    html = read(fixture_site, "stod/index.html")
    cards = re.findall(r'<li class="uv-card" data-type="(\w+)"', html)
    assert sorted(cards) == ["bidrag", "lan", "lan", "lan", "radgivning"]
    assert 'data-municipalities="sundsvall"' in html
    assert '<span class="uv-badge uv-badge--stanger-snart">Stänger snart</span>' in html
    assert '<span class="uv-badge uv-badge--oppnar">Öppnar 15 januari 2027</span>' in html
    # closed offers are in their own list, after the open ones
    assert html.index("Stängda erbjudanden") > html.index("Lån i Timrå")
    assert html.index("Stängt investeringsbidrag") > html.index("Stängda erbjudanden")
    # the filter form is hidden until JavaScript shows it: without JS the whole list shows
    assert re.search(r'<form class="uv-filters" id="uv-filter"[^>]* hidden', html)


def test_offer_page(fixture_site):
    html = read(fixture_site, "stod/lan-sundsvall/index.html")
    assert "<title>Lån i Sundsvall – Utveckla Västernorrland</title>" in html
    assert '<meta name="description" content="Ett lån bara för företag i Sundsvall.">' in html
    assert 'href="https://www.almi.se/sundsvall">Läs mer och ansök hos Almi Mitt</a>' in html
    assert '<a href="../../aktorer/almi/">Almi Mitt</a>' in html
    assert "Sista ansökningsdag är 10 december 2026, om 18 dagar." in html
    assert "Uppgifterna kontrollerades senast 1 november 2026." in html
    assert "<li><a href=\"../../stod/lan-timra/\">Lån i Timrå</a>" in html  # related offer
    # "Redigera sidan" opens the content file, not a docs page
    assert "/edit/main/content/stod/lan-sundsvall.md" in html


def test_actor_and_municipality_pages(fixture_site):
    actor = read(fixture_site, "aktorer/almi/index.html")
    assert len(re.findall(r'<li><a href="../../stod/lan-', actor)) == 3  # Almi's three loans
    sundsvall = read(fixture_site, "kommuner/sundsvall/index.html")
    titles = re.findall(r'<li><a href="../../stod/[^"]+">([^<]+)</a>', sundsvall)
    assert sorted(titles) == ["Lån för hela länet", "Lån i Sundsvall", "Rådgivning som öppnar i januari"]
    assert 'href="mailto:naringsliv@example.se"' in sundsvall
    assert 'href="../../stod/?kommun=sundsvall"' in sundsvall


def test_start_page_lists_offers_closing_soonest(fixture_site):
    html = read(fixture_site, "index.html")
    section = html[html.index("Sista ansökningsdag snart</h2>"):html.index("Kontakta din kommun</h2>")]
    assert re.findall(r'class="uv-card__title"><a href="([^"]+)"', section) == ["stod/lan-sundsvall/", "stod/lan-timra/"]


def test_nav_lists_only_sections(fixture_site):
    html = read(fixture_site, "stod/index.html")
    nav = html[html.index('<nav class="md-tabs"'):html.index("</nav>", html.index('<nav class="md-tabs"'))]
    assert "lan-sundsvall" not in nav
    assert re.findall(r'class="md-tabs__link[^"]*">\s*([^<]+?)\s*</a>', nav) == \
        ["Start", "Stöd och finansiering", "Kalender", "Investeringskarta", "Kommuner", "Aktörer", "Aktuellt",
         "Om projektet", "Kontakt"]
    # Kontakt leads to the site's contact on /om/; the editors' guide is no tab (it is in the footer).
    assert re.search(r'<a href="/om/#kontakt" class="md-tabs__link">\s*Kontakt\s*</a>', nav)
    assert 'id="kontakt"' in read(fixture_site, "om/index.html")


def test_item_pages_use_the_full_width(fixture_site):
    # Item pages are in no menu, so the side column at 1280 px would be empty: the theme hides it.
    for page in ["stod/lan-sundsvall/index.html", "aktorer/almi/index.html", "kommuner/timra/index.html", "stod/index.html"]:
        assert re.search(r'class="md-sidebar md-sidebar--primary"[^>]*\shidden>', read(fixture_site, page)), page


def test_no_third_party_references(fixture_site):
    for page in fixture_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            if 'rel="stylesheet"' in html and url.endswith(".css"):
                assert url.startswith("https://utvecklavasternorrland.se"), (page, url)
        assert "fonts.googleapis" not in html and "cdn." not in html, page


def test_author_written_page_wins(tmp_path):
    project = make_project(tmp_path, FIXTURES / "content")
    (project / "docs" / "aktorer").mkdir()
    (project / "docs" / "aktorer" / "almi.md").write_text("# Egen sida om Almi\n", encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert "Egen sida om Almi" in read(project / "site", "aktorer/almi/index.html")


def test_content_error_stops_the_build_before_anything_is_written(tmp_path):
    project = make_project(tmp_path, FIXTURES / "content")
    bad = project / "content" / "stod" / "lan-timra.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("type: lan", "type: no\ntyp: lan"), encoding="utf-8")
    result = run_build(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "content/stod/lan-timra.md:6: typ: fältet ”typ” finns inte" in output
    assert "content/stod/lan-timra.md:5: type: ”no” finns inte bland stodtyper" in output
    assert not (project / "site").exists()


def tree_digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_same_content_and_epoch_build_byte_identical(tmp_path, county_site):
    project = make_project(tmp_path)
    result = run_build(project, project / "again")
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(county_site), tree_digest(project / "again")
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_make_build_stops_on_a_broken_link_and_leaves_no_site(tmp_path):
    """`make build` is strict: a warning (here a link to a page that does not exist) fails it."""
    project = make_project(tmp_path, FIXTURES / "content")
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)  # copy2: the install stamp stays newer
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("gammal", encoding="utf-8")
    page = project / "docs" / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Läs mer](finns-inte.md)\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run(["make", "-s", "build"], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert "finns-inte.md" in result.stdout + result.stderr
    assert not (project / "site").exists() and not (project / ".site-tmp").exists()
    page.write_text(page.read_text(encoding="utf-8").replace("[Läs mer](finns-inte.md)", ""), encoding="utf-8")
    result = subprocess.run(["make", "-s", "build"], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "INFO" not in result.stdout + result.stderr  # a clean build prints no progress noise


def test_an_edited_template_is_compiled_anew_by_the_next_build(tmp_path):
    """Builds keep compiled templates between runs; an edit must still show in the next one."""
    (tmp_path / "sida.html").write_text("<p>Före {{ n }}</p>", encoding="utf-8")
    cache = compiled_templates("test-mall")

    def render() -> str:   # a new environment each time, as a new build process has
        return Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache).get_template("sida.html").render(n=1)

    assert render() == "<p>Före 1</p>"
    assert list(Path(cache.directory).glob("test-mall-*.cache"))   # compiled once, kept
    assert render() == "<p>Före 1</p>"
    (tmp_path / "sida.html").write_text("<p>Efter {{ n }}</p>", encoding="utf-8")
    assert render() == "<p>Efter 1</p>"
    cache.clear()
