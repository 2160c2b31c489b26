"""View-models, key figures, the map builder and the generated pages of the investment map."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import COUNTY
from utveckla.content import amounts, models
from utveckla.content.site import Entry, Site
from utveckla.content.validate import load_site
from utveckla.outputs import mapview, pages
from utveckla.views import investments

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def county_site() -> Site:
    site, diagnostics = load_site(COUNTY.parent, TODAY)
    assert not diagnostics
    return site


def investment(slug: str, **fields) -> Entry:
    data = {"title": slug.replace("-", " ").capitalize(), "summary": "Test.", "owner": "Ägare AB",
            "municipality": "sundsvall", "sector": "energi", "status": "planerad",
            "location": {"lat": 62.39, "lon": 17.31}, "reviewed": "2026-11-01"}
    data.update(fields)
    return Entry("investeringar", slug, f"content/investeringar/{slug}.md", models.Investment.model_validate(data), "", 1)


def site_with(county_site: Site, *entries: Entry) -> Site:
    """The real taxonomy, municipalities and offers, with only these investments."""
    return Site(TODAY, county_site.taxonomy, {**county_site.entries, "investeringar": tuple(entries)},
                page_texts=county_site.page_texts)


@pytest.fixture()
def sample(county_site) -> Site:
    return site_with(
        county_site,
        investment("a-vind", sector="energi", status="planerad", amount_msek=1000, amount_year=2024, jobs=50,
                   municipality="ange", location={"lat": 62.5, "lon": 15.7}),
        investment("b-fabrik", sector="industri", status="avbruten", amount_msek=13000, amount_year=2023, jobs=1900,
                   municipality="timra", status_note="Stoppad av staten."),
        investment("c-massa", sector="industri", status="pausad", amount_msek=500, amount_year=2022, municipality="sundsvall"),
        investment("d-hamn", sector="logistik", status="klar", amount_msek=830.5, amount_year=2019, jobs=20,
                   municipality="sundsvall"),
        investment("e-hus", sector="bostader", status="pagaende", municipality="ornskoldsvik",
                   location={"lat": 63.29, "lon": 18.72}),
    )


# --- amounts and texts -------------------------------------------------------------------------

@pytest.mark.parametrize("msek, text", [
    (1, "1 miljon kronor"), (830, "830 miljoner kronor"), (830.5, "830,5 miljoner kronor"),
    (1000, "1 miljard kronor"), (13000, "13 miljarder kronor"), (28450, "28,5 miljarder kronor"),
    (120000, "120 miljarder kronor"),
])
def test_amounts_read_as_people_say_them(msek, text):
    assert amounts.msek_text(msek) == text


def test_an_amount_states_its_year(sample):
    rows = {row.slug: row for row in investments.all_investments(sample)}
    assert rows["b-fabrik"].amount_text == "13 miljarder kronor (2023)"
    assert rows["e-hus"].amount_text is None


@pytest.mark.parametrize("start, end, text", [
    (2026, 2028, "2026–2028"), (2027, 2027, "2027"), (2026, None, "från 2026"), (None, 2030, "till 2030"),
])
def test_timetable_text(start, end, text):
    assert investments.years_text(models.Years(start=start, end=end)) == text


def test_rows_are_in_swedish_alphabetical_order(county_site):
    site = site_with(county_site, investment("orebro", title="Öst"), investment("aa", title="Åsen"),
                     investment("zz", title="Zeta"), investment("ae", title="Älven"), investment("ab", title="atNorth"))
    assert [row.title for row in investments.all_investments(site)] == ["atNorth", "Zeta", "Åsen", "Älven", "Öst"]


def test_rows_carry_labels_from_the_taxonomy_and_municipalities(sample):
    row = next(r for r in investments.all_investments(sample) if r.slug == "a-vind")
    assert (row.municipality_name, row.sector_label, row.status_label) == ("Ånge", "Energi", "Planerad")
    assert row.url == "investeringar/a-vind/"


def test_drafts_are_not_on_the_map(tmp_path, county_site):
    import shutil
    shutil.copytree(COUNTY, tmp_path / "content")
    folder = tmp_path / "content" / "investeringar"
    first = sorted(folder.glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    site, diagnostics = load_site(tmp_path, TODAY)
    assert not diagnostics
    slugs = {row.slug for row in investments.all_investments(site)}
    assert first.stem not in slugs
    assert len(slugs) == len(list(folder.glob("*.md"))) - 1


# --- key figures -------------------------------------------------------------------------------

def test_key_figures_total_and_what_is_cancelled_or_paused(sample):
    figures = investments.key_figures(sample, investments.all_investments(sample))
    assert figures.count == 5
    assert figures.with_amount == 4
    assert figures.total_msek == pytest.approx(1000 + 13000 + 500 + 830.5)
    assert figures.cancelled_msek == 13000
    assert figures.paused_msek == 500
    assert figures.active_msek == pytest.approx(1830.5)
    assert (figures.cancelled_count, figures.paused_count) == (1, 1)
    assert (figures.first_year, figures.last_year) == (2019, 2024)


def test_key_figures_jobs_where_stated(sample):
    figures = investments.key_figures(sample, investments.all_investments(sample))
    assert figures.jobs_total == 50 + 1900 + 20
    assert figures.jobs_stated == 3
    assert figures.jobs_inactive == 1900


def test_key_figures_per_sector_in_vocabulary_order(sample):
    figures = investments.key_figures(sample, investments.all_investments(sample))
    by_sector = {g.id: g for g in figures.by_sector}
    assert [g.id for g in figures.by_sector] == ["energi", "industri", "bostader", "logistik"]
    assert (by_sector["industri"].count, by_sector["industri"].amount_msek, by_sector["industri"].inactive_msek) == (2, 13500, 13500)
    assert (by_sector["bostader"].count, by_sector["bostader"].with_amount, by_sector["bostader"].amount_msek) == (1, 0, 0)


def test_key_figures_per_municipality_in_swedish_order(sample):
    figures = investments.key_figures(sample, investments.all_investments(sample))
    assert [g.label for g in figures.by_municipality] == ["Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"]
    sundsvall = figures.by_municipality[0]
    assert (sundsvall.count, sundsvall.amount_msek, sundsvall.inactive_msek) == (2, 1330.5, 500)


def test_key_figures_of_no_investments(county_site):
    site = site_with(county_site)
    figures = investments.key_figures(site, investments.all_investments(site))
    assert (figures.count, figures.total_msek, figures.jobs_total, figures.by_sector) == (0, 0, 0, ())


def test_filters_offer_only_values_in_use(sample):
    facets = investments.facet_options(sample, investments.all_investments(sample))
    assert [v for v, _ in facets["sektor"]] == ["energi", "industri", "bostader", "logistik"]
    assert [v for v, _ in facets["status"]] == ["planerad", "pagaende", "klar", "pausad", "avbruten"]
    assert [label for _, label in facets["kommun"]] == ["Sundsvall", "Timrå", "Ånge", "Örnsköldsvik"]


def test_the_starter_content_figures_match_the_content(county_site):
    rows = investments.all_investments(county_site)
    figures = investments.key_figures(county_site, rows)
    amounts = [r.entry.data.amount_msek for r in rows if r.entry.data.amount_msek is not None]
    assert figures.total_msek == sum(amounts)
    assert figures.cancelled_count == sum(1 for r in rows if r.entry.data.status == "avbruten") >= 1
    assert sum(g.count for g in figures.by_sector) == sum(g.count for g in figures.by_municipality) == len(rows)


# --- related support ---------------------------------------------------------------------------

def test_support_for_suppliers_applies_where_the_investment_is(county_site):
    for row in investments.all_investments(county_site):
        cards = investments.support_for_investment(county_site, row)
        assert len(cards) <= 4
        for card in cards:
            assert card.status.id != "stangd"
            assert {"etablera", "vaxa"} & set(card.stages) or card.type_id == "radgivning"
            assert not card.municipalities or row.municipality in card.municipalities
            assert not card.sectors or row.sector in card.sectors
    assert any(investments.support_for_investment(county_site, row) for row in investments.all_investments(county_site))


def test_investments_in_a_municipality(sample):
    assert [r.slug for r in investments.investments_in(sample, "sundsvall")] == ["c-massa", "d-hamn"]
    assert investments.investments_in(sample, "harnosand") == []


# --- the map -----------------------------------------------------------------------------------

THIRD_PARTY = re.compile(r"(cdn|jsdelivr|cdnjs|unpkg|jquery|bootstrap|font-?awesome|googleapis|netdna)", re.I)


def test_marker_icons_differ_by_sector_not_only_by_colour():
    glyphs = {style.glyph for style in mapview.SECTOR_STYLES.values()}
    colours = {style.color for style in mapview.SECTOR_STYLES.values()}
    assert len(glyphs) == len(colours) == len(mapview.SECTOR_STYLES)
    taxonomy = load_site(COUNTY.parent, TODAY)[0].taxonomy["sektorer"]
    assert set(taxonomy) <= set(mapview.SECTOR_STYLES)


def test_cancelled_and_paused_markers_look_different():
    active, paused, cancelled = (mapview.marker_svg("energi", v) for v in mapview.VARIANTS)
    assert mapview.SECTOR_STYLES["energi"].color in active
    assert mapview.INACTIVE_COLOR in paused and mapview.INACTIVE_COLOR in cancelled
    assert 'stroke-linecap="round"' in cancelled and 'stroke-linecap="round"' not in paused
    assert 'aria-hidden="true"' in active


def test_map_html_loads_nothing_from_other_sites(sample):
    settings = mapview.MapSettings("https://tiles.example.org/{z}/{x}/{y}.png", "© Exempel")
    html = mapview.map_html(investments.all_investments(sample), "karta", "Karta", "../", settings, follow_filter=True)
    html += mapview.assets_html("../")
    assert not THIRD_PARTY.search(html)
    urls = set(re.findall(r"https?://[^\s\\\"'<>)]+", html))
    assert urls <= {"https://tiles.example.org/{z}/{x}/{y}.png", "http://www.w3.org/2000/svg"}
    assert '<script src="../assets/vendor/leaflet/leaflet.js">' in html
    assert "<iframe" not in html


def test_map_html_options_and_data(sample):
    rows = investments.all_investments(sample)
    html = mapview.map_html(rows, "karta", "Karta över investeringar", "../", mapview.MapSettings(), follow_filter=True)
    assert '"scrollWheelZoom": false' in html
    assert 'role="region" aria-label="Karta över investeringar"' in html
    assert '"attribution": "\\u0026copy; \\u003ca href=' in html or "OpenStreetMap" in html
    data = json.loads(re.search(r"var data = (\[.*?\]);", html).group(1))
    assert [row[2] for row in data] == [row.slug for row in rows]
    looks = {row[2]: row[9] for row in data}
    assert (looks["a-vind"], looks["c-massa"], looks["b-fabrik"]) == (0, 1, 2)
    assert '"followFilter": true' in html


def test_map_html_is_the_same_every_build(sample):
    rows = investments.all_investments(sample)
    first = mapview.map_html(rows, "karta", "Karta", "../", mapview.MapSettings())
    second = mapview.map_html(rows, "karta", "Karta", "../", mapview.MapSettings())
    assert first == second
    assert 'id="map_karta"' in first


def test_legend_lists_used_sectors_and_the_inactive_looks(sample):
    rows = investments.all_investments(sample)
    labels = [label for label, _ in mapview.legend(rows, sample.taxonomy["sektorer"])]
    assert labels[:4] == ["Energi", "Industri", "Bostäder", "Logistik"]
    assert labels[4].startswith("Pausad") and labels[5].startswith("Avbruten")


# --- generated pages and files -----------------------------------------------------------------

def rendered(specs, src_uri: str) -> str:
    spec = next(s for s in specs if s.src_uri == src_uri)
    return spec.render("<p>Brödtext.</p>")


def test_the_map_page_shows_every_investment_in_the_table(sample):
    specs = pages.investment_pages(sample)
    html = rendered(specs, "investeringar/index.md")
    rows = re.findall(r'<tr data-id="([a-z0-9-]+)" data-sector="([a-z-]+)" data-status="([a-z]+)" data-municipality="([a-z]+)"', html)
    assert [r[0] for r in rows] == [row.slug for row in investments.all_investments(sample)]
    assert 'href="#investeringar-tabell"' in html and 'id="investeringar-tabell"' in html
    assert html.index('href="#investeringar-tabell"') < html.index('id="map_karta"') < html.index('id="investeringar-tabell"')
    for name in ("sektor", "status", "kommun"):
        assert f'<label for="uv-{name}">' in html and f'<select id="uv-{name}" name="{name}"' in html
    assert 'class="uv-row--avbruten"' in html and "Avbruten</span>" in html
    assert "15,3 miljarder kronor" in html  # total announced amount
    assert "13,5 miljarder kronor" in html  # of which cancelled or paused
    assert "CC0 1.0" in html and 'href="../investeringar.geojson"' in html and 'href="../investeringar.csv"' in html


def test_an_investment_page_says_plainly_when_it_is_cancelled(sample):
    specs = pages.investment_pages(sample)
    html = rendered(specs, "investeringar/b-fabrik.md")
    assert "Investeringen är avbruten.</strong>" in html and "Stoppad av staten." in html
    assert 'id="map_karta_b_fabrik"' in html
    assert "Uppgifterna kontrollerades senast 1 november 2026." in html
    assert "Brödtext." in html
    paused = rendered(specs, "investeringar/c-massa.md")
    assert "Investeringen är pausad.</strong>" in paused
    planned = rendered(specs, "investeringar/a-vind.md")
    assert "uv-status-note" not in planned


def test_a_municipality_page_lists_and_maps_its_investments(sample):
    html = rendered(pages.municipality_pages(sample), "kommuner/sundsvall.md")
    assert "Investeringar i Sundsvall" in html
    assert re.findall(r'<tr data-id="([a-z0-9-]+)"', html) == ["c-massa", "d-hamn"]
    assert 'id="map_karta_sundsvall"' in html
    empty = rendered(pages.municipality_pages(sample), "kommuner/harnosand.md")
    assert "Det finns inga investeringar från Härnösand" in empty and "map_karta" not in empty


def test_all_files_are_the_open_data_downloads(sample):
    files = {f.path: f.content for f in pages.all_files(sample, "https://example.se/")}
    assert {"investeringar.geojson", "investeringar.csv"} <= set(files)


def test_pages_render_the_same_twice(county_site):
    first = [s.render("") for s in pages.investment_pages(county_site)]
    second = [s.render("") for s in pages.investment_pages(county_site)]
    assert first == second


def test_the_vendored_map_files_match_their_manifest():
    spec = importlib.util.spec_from_file_location("vendor_map_assets", ROOT / "scripts" / "vendor_map_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.check() == []
    manifest = json.loads((ROOT / "docs/assets/vendor/vendor.json").read_text(encoding="utf-8"))
    for package in manifest["packages"].values():
        assert any(name.endswith(("LICENSE", "LICENCE.txt")) for name in package["files"])
    for path in mapview.MAP_SCRIPTS + mapview.MAP_STYLES:
        assert (ROOT / "docs" / path).is_file(), path
