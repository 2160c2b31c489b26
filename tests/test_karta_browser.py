"""The investment map in headless Chromium, on the built site.

The county sample (tests/conftest.py's county_site, built once a session) is served from
127.0.0.1. The tile server from mkdocs.yml is blocked in every test: the page must work without
tiles, and must ask no other host for anything. That two builds give the same files is
tests/test_build.py's byte-identical rebuild of the same site.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import CHROMIUM, FLAGS, inject_axe

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def site_dir(county_site) -> Path:
    return county_site


@pytest.fixture(scope="module")
def base_url(county_url) -> str:
    return county_url


@pytest.fixture(scope="module")
def tile_host() -> str:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return urlsplit(config.plugins["utveckla"].config.tiles_url).hostname


@pytest.fixture(scope="module")
def karta_browser(request):
    """The session's Chromium from tests/conftest.py when there is one (two Playwright
    instances cannot run at once), else one of our own for this module."""
    try:
        yield request.getfixturevalue("browser")
        return
    except pytest.FixtureLookupError:
        pass
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium saknas: .ci/run ska installera Debians paket chromium")
        pytest.skip("Chromium saknas: installera med  sudo apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def requests_seen():
    return []


@pytest.fixture()
def open_page(karta_browser, base_url, tile_host, requests_seen):
    """open_page(path, width) → a page with the tile server blocked and every request recorded."""
    opened = []

    def open_(path: str, width: int = 1280):
        page = karta_browser.new_page(viewport={"width": width, "height": 900})
        page.on("request", lambda request: requests_seen.append(request.url))
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.route(f"**://{tile_host}/**", lambda route: route.abort("blockedbyclient"))
        page.goto(base_url + path)
        page.wait_for_selector(".uv-map[data-marker-count]:not([data-marker-count='0'])", timeout=10_000)
        page.js_errors = errors
        opened.append(page)
        return page

    yield open_
    for page in opened:
        assert page.js_errors == []
        page.close()


def marker_count(page) -> int:
    return int(page.get_attribute("#map_karta", "data-marker-count"))


def visible_rows(page) -> int:
    return page.locator("#investeringar tbody tr:not([hidden])").count()


def markers_on_screen(page) -> int:
    """Markers Leaflet has drawn: single markers plus the counts in the clusters."""
    return page.evaluate("""() => {
        const map = document.getElementById('map_karta');
        const single = map.querySelectorAll('.uv-marker').length;
        const clustered = Array.from(map.querySelectorAll('.uv-cluster span[aria-hidden]'))
            .reduce((sum, span) => sum + Number(span.textContent), 0);
        return single + clustered;
    }""")


def wait_for_markers(page, count: int, where: str = "#map_karta") -> None:
    """Wait until the drawn markers of the map `where` settle on `count` (clusters animate)."""
    page.wait_for_function(f"""() => {{
        const map = document.querySelector('{where}');
        const single = map.querySelectorAll('.uv-marker').length;
        const clustered = Array.from(map.querySelectorAll('.uv-cluster span[aria-hidden]'))
            .reduce((sum, span) => sum + Number(span.textContent), 0);
        return single + clustered === {count} && !map.querySelector('.leaflet-cluster-anim');
    }}""", timeout=20_000)  # the clusters animate slowly on a loaded machine


def settled(page) -> None:
    """Wait until the map shows what axe should judge: every marker drawn (clusters done
    animating) and the notice that the blocked tiles could not be loaded."""
    wait_for_markers(page, int(page.get_attribute(".uv-map", "data-marker-count")), ".uv-map")
    expect(page.locator(".uv-map-notice")).to_be_visible()


def published_count(site_dir: Path) -> int:
    return len(json.loads((site_dir / "investeringar.geojson").read_text(encoding="utf-8"))["features"])


# --- requests ----------------------------------------------------------------------------------

def test_the_map_page_asks_only_the_site_and_the_tile_server(open_page, requests_seen, base_url, tile_host):
    page = open_page("investeringar/")
    page.wait_for_load_state("networkidle")  # every tile the map asks for has been asked for
    hosts = {urlsplit(url).netloc for url in requests_seen if not url.startswith("data:")}
    own = urlsplit(base_url).netloc
    assert hosts <= {own, tile_host}, hosts - {own, tile_host}
    assert tile_host in hosts, "the map should ask the configured tile server for tiles"


def test_the_map_works_when_the_tiles_fail(open_page, site_dir):
    page = open_page("investeringar/")
    total = published_count(site_dir)
    wait_for_markers(page, total)
    assert marker_count(page) == visible_rows(page) == total
    notice = page.locator(".uv-map-notice")
    notice.wait_for()
    assert "Bakgrundskartan kunde inte laddas" in notice.inner_text()


@pytest.mark.parametrize("path", ["investeringar/ptl-anodfabrik-torsboda/", "kommuner/timra/"])
def test_small_maps_ask_only_the_site_and_the_tile_server(open_page, requests_seen, base_url, tile_host, path):
    page = open_page(path)
    assert int(page.get_attribute(".uv-map", "data-marker-count")) >= 1
    hosts = {urlsplit(url).netloc for url in requests_seen if not url.startswith("data:")}
    assert hosts <= {urlsplit(base_url).netloc, tile_host}


# --- markers, table and filters ---------------------------------------------------------------

def test_markers_equal_table_rows(open_page, site_dir):
    page = open_page("investeringar/")
    total = published_count(site_dir)
    wait_for_markers(page, total)
    assert markers_on_screen(page) == marker_count(page) == visible_rows(page) == total
    assert page.locator("#uv-count").inner_text() == f"{total} investeringar."


def energy_count(site_dir: Path) -> int:
    features = json.loads((site_dir / "investeringar.geojson").read_text(encoding="utf-8"))["features"]
    return sum(1 for f in features if f["properties"]["sector"] == "energi")


def test_filtering_by_sector_changes_map_and_table_alike(open_page, site_dir):
    page = open_page("investeringar/")
    total = published_count(site_dir)
    energy = energy_count(site_dir)
    assert 0 < energy < total
    page.select_option("#uv-sektor", "energi")
    wait_for_markers(page, energy)
    assert visible_rows(page) == marker_count(page) == markers_on_screen(page) == energy
    assert page.locator("#uv-count").inner_text() == f"Visar {energy} av {total} investeringar."
    sectors = page.eval_on_selector_all("#investeringar tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.sector)")
    assert set(sectors) == {"energi"}
    assert "sektor=energi" in page.url
    page.click("#uv-filter button[type=reset]")
    wait_for_markers(page, total)
    assert visible_rows(page) == marker_count(page) == total


def test_a_quick_second_choice_moves_the_map_too(open_page, site_dir):
    """A choice made while the map still zooms to the previous one (a reset right after a
    filter, or the arrow keys in a list) is where the map ends up: all markers on screen."""
    page = open_page("investeringar/")
    total = published_count(site_dir)
    # First a choice and a reset at a visitor's ordinary pace.
    page.select_option("#uv-sektor", "energi")
    wait_for_markers(page, energy_count(site_dir))
    page.click("#uv-filter button[type=reset]")
    wait_for_markers(page, total)
    # Then the same choice again, and the reset as soon as the zoom to the energy markers has
    # begun. The watch on the map starts before the choice, so that no zoom goes unseen.
    page.evaluate("""() => new Promise((done, fail) => {
        const map = document.getElementById("map_karta");
        const watch = new MutationObserver(() => {
            if (map.querySelector(".leaflet-zoom-anim")) { watch.disconnect(); document.getElementById("uv-filter").reset(); done(); }
        });
        watch.observe(map, {attributes: true, subtree: true, attributeFilter: ["class"]});
        const sector = document.getElementById("uv-sektor");
        sector.value = "energi";
        sector.dispatchEvent(new Event("change", {bubbles: true}));
        setTimeout(() => fail(new Error("kartan zoomade aldrig till energimarkörerna")), 15000);
    })""")
    wait_for_markers(page, total)
    assert marker_count(page) == total


def test_filters_combine_and_come_from_the_address(open_page, site_dir):
    features = json.loads((site_dir / "investeringar.geojson").read_text(encoding="utf-8"))["features"]
    expected = sum(1 for f in features if f["properties"]["municipality"] == "timra" and f["properties"]["status"] != "x")
    page = open_page("investeringar/?kommun=timra")
    wait_for_markers(page, expected)
    assert page.input_value("#uv-kommun") == "timra"
    assert visible_rows(page) == marker_count(page) == expected
    cancelled = sum(1 for f in features if f["properties"]["municipality"] == "timra" and f["properties"]["status"] == "avbruten")
    page.select_option("#uv-status", "avbruten")
    wait_for_markers(page, cancelled)
    assert visible_rows(page) == marker_count(page) == cancelled
    if cancelled == 0:
        assert page.locator("[data-filter-empty]").is_visible()


def test_the_table_sorts_and_keeps_the_filter(open_page):
    page = open_page("investeringar/")
    amount = page.locator("#investeringar thead th").nth(5)
    amount.locator("button").click()
    amount.locator("button").click()
    assert amount.get_attribute("aria-sort") == "descending"
    values = page.eval_on_selector_all("#investeringar tbody tr", "rows => rows.map(r => r.cells[5].dataset.value || '')")
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers, reverse=True) and values[len(numbers):] == [""] * (len(values) - len(numbers))
    page.select_option("#uv-sektor", "industri")
    assert set(page.eval_on_selector_all("#investeringar tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.sector)")) == {"industri"}


def test_scroll_wheel_does_not_zoom_the_map(open_page, site_dir):
    page = open_page("investeringar/")
    wait_for_markers(page, published_count(site_dir))
    before = page.eval_on_selector_all("#map_karta .leaflet-marker-icon", "els => els.map(e => e.style.transform)")
    box = page.locator("#map_karta").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -600)
    # A fixed wait on purpose: it shows that the map does NOT zoom within 600 ms of the wheel
    # (Leaflet's zoom animation takes 250 ms); there is no event to wait for when nothing happens.
    page.wait_for_timeout(600)
    after = page.eval_on_selector_all("#map_karta .leaflet-marker-icon", "els => els.map(e => e.style.transform)")
    assert before == after


def test_cancelled_investments_are_shown_as_cancelled(open_page):
    page = open_page("investeringar/")
    row = page.locator("#investeringar tbody tr[data-status=avbruten]").first
    assert "Avbruten" in row.inner_text()
    assert "line-through" in row.locator("th a").evaluate("a => getComputedStyle(a).textDecorationLine")
    page.select_option("#uv-status", "avbruten")
    page.wait_for_function("() => document.querySelectorAll('#map_karta .uv-marker, #map_karta .uv-cluster').length > 0")
    names = page.eval_on_selector_all("#map_karta .uv-marker .uv-sr", "els => els.map(e => e.textContent)")
    assert names and all(name.endswith("avbruten.") for name in names)


# --- keyboard -----------------------------------------------------------------------------------

def active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement; return {
        cls: e.className && e.className.baseVal === undefined ? e.className : '', id: e.id, text: e.textContent.trim(),
        inMap: !!e.closest('#map_karta'), href: e.getAttribute('href') || '' }; }""")


def test_keyboard_users_can_skip_the_map(open_page):
    page = open_page("investeringar/")
    page.focus("a.uv-skip")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#investeringar-tabell"
    assert active(page)["id"] == "investeringar-tabell"
    page.keyboard.press("Tab")
    assert not active(page)["inMap"]


def test_keyboard_users_reach_markers_open_them_and_leave_the_map(open_page, site_dir):
    page = open_page("investeringar/")
    wait_for_markers(page, published_count(site_dir))
    page.focus("#map_karta")
    page.keyboard.press("Tab")
    first = active(page)
    assert first["inMap"] and ("uv-marker" in first["cls"] or "uv-cluster" in first["cls"]), first
    # Tab along until a single marker (zooming into clusters with Enter), then open it.
    for _ in range(60):
        now = active(page)
        if "uv-marker" in now["cls"]:
            break
        if "uv-cluster" in now["cls"]:
            page.keyboard.press("Enter")
            # karta.js gives the focus back to the map when the zoom into the cluster has ended.
            expect(page.locator("#map_karta")).to_be_focused()
            expect(page.locator("#map_karta .leaflet-cluster-anim")).to_have_count(0)
        page.keyboard.press("Tab")
    assert "uv-marker" in active(page)["cls"]
    page.keyboard.press("Enter")
    popup = page.locator("#map_karta .leaflet-popup")
    popup.wait_for()
    assert active(page)["href"].startswith("../investeringar/")  # focus moved to the popup's link
    for label in ("Ägare", "Kommun", "Belopp", "Status"):
        assert label in popup.inner_text()
    page.keyboard.press("Escape")
    popup.wait_for(state="detached")
    assert "uv-marker" in active(page)["cls"]  # back on the marker
    # The last control in the map is the attribution; Tab from there leaves the map.
    page.focus("#map_karta .leaflet-control-attribution a:last-of-type")
    page.keyboard.press("Tab")
    assert not active(page)["inMap"]


# --- accessibility ----------------------------------------------------------------------------

@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["investeringar/", "investeringar/flagshipone-ornskoldsvik/", "kommuner/ornskoldsvik/"])
def test_axe_finds_no_violations(open_page, path, width):
    page = open_page(path, width)
    settled(page)
    inject_axe(page)  # through DevTools: the CSP refuses an unhashed inline <script>
    violations = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}));
    }""", AXE_TAGS)
    assert violations == []


def test_axe_with_a_popup_open_and_a_filter_set(open_page):
    page = open_page("investeringar/?sektor=industri")
    settled(page)
    marker = page.locator("#map_karta .uv-marker").first
    if marker.count():
        marker.click()
        page.locator("#map_karta .leaflet-popup").wait_for()
        # Popups fade in; axe would measure the contrast of half-transparent text.
        page.wait_for_function("() => getComputedStyle(document.querySelector('#map_karta .leaflet-popup')).opacity === '1'")
    inject_axe(page)  # through DevTools: the CSP refuses an unhashed inline <script>
    violations = page.evaluate("""async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
        .violations.map(v => v.id)""", AXE_TAGS)
    assert violations == []


# --- the built files ------------------------------------------------------------------------------

def test_built_open_data_matches_the_table(site_dir):
    geojson = json.loads((site_dir / "investeringar.geojson").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site_dir / "investeringar.csv").read_text(encoding="utf-8"), newline="")))
    html = (site_dir / "investeringar" / "index.html").read_text(encoding="utf-8")
    table_ids = [part.split('"', 1)[0] for part in html.split('<tr data-id="')[1:]]
    assert sorted(table_ids) == sorted(f["id"] for f in geojson["features"]) == sorted(r["slug"] for r in rows)
    for feature in geojson["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 15 < lon < 20 and 62 < lat < 64.2


def test_the_built_pages_name_no_third_party_script_or_style(site_dir):
    for path in [site_dir / "investeringar" / "index.html", *sorted((site_dir / "investeringar").glob("*/index.html")),
                 *sorted((site_dir / "kommuner").glob("*/index.html"))]:
        html = path.read_text(encoding="utf-8")
        for marker in ('src="http', "src=\"//", 'rel="stylesheet" href="http', "<iframe"):
            assert marker not in html, (path, marker)


def test_the_support_finder_filter_still_works(karta_browser, base_url):
    page = karta_browser.new_page()
    page.goto(base_url + "stod/?typ=lan")
    types = page.eval_on_selector_all("[data-filter-list] > li:not([hidden])", "cards => cards.map(c => c.dataset.type)")
    assert types and set(types) == {"lan"}
    page.select_option("#uv-typ", "")
    page.select_option("#uv-kommun", "ange")
    places = page.eval_on_selector_all("[data-filter-list] > li:not([hidden])", "cards => cards.map(c => c.dataset.municipalities || '')")
    assert places and all(p == "" or "ange" in p.split() for p in places)
    page.close()
