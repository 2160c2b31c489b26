"""The maps: folium builds the Leaflet setup, the site's own files run it.

folium's default page pulls Leaflet, jQuery, Bootstrap and Font Awesome from CDNs. We use
folium only for what it is good at – the map, tile layer, cluster and marker data as
JavaScript – and place that script in the page's content next to the vendored Leaflet and
markercluster files under assets/vendor/. Markers are drawn by assets/js/karta.js from
compact data rows, with icons from SECTOR_STYLES: each sector has a colour *and* its own
pictogram, so colour never carries the meaning alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import folium
from folium.elements import MacroElement
from folium.map import FitBounds
from folium.plugins import FastMarkerCluster, MarkerCluster
from folium.template import Template
from markupsafe import Markup, escape

from ..views.investments import InvestmentRow
from .csp import trusted_script

# folium writes the marker data with Jinja's tojson, which escapes every å, ä and ö as \u00e5
# (six bytes for one letter). tojson still escapes <, >, & and ' (so nothing can end the
# script); only the letters are written as they are, for a listing page within its budget.
FastMarkerCluster._template.environment.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragsgivare'
COUNTY_CENTRE = (62.85, 17.4)

# Files under docs/ that a page with a map loads, in order (scripts run in the content).
MAP_STYLES = ("assets/vendor/leaflet/leaflet.css", "assets/vendor/leaflet.markercluster/MarkerCluster.css",
              "assets/css/karta.css")
MAP_SCRIPTS = ("assets/vendor/leaflet/leaflet.js", "assets/vendor/leaflet.markercluster/leaflet.markercluster.js",
               "assets/js/karta.js")


@dataclass(frozen=True)
class MapSettings:
    """Set in mkdocs.yml under the utveckla plugin: tiles_url, tiles_attribution, tiles_max_zoom."""

    tiles_url: str = OSM_TILES
    tiles_attribution: str = OSM_ATTRIBUTION
    tiles_max_zoom: int = 18


@dataclass(frozen=True)
class SectorStyle:
    color: str  # fill behind a white pictogram; every one has at least 4.5:1 contrast with white
    glyph: str  # SVG path in a 24×24 box, drawn white with fill-rule evenodd


SECTOR_STYLES: dict[str, SectorStyle] = {
    "energi": SectorStyle("#a34f00", "M13.5 1 4 13.5h6.5L9 23l10-13h-6.5z"),
    "industri": SectorStyle("#1d4e6b", "M2 22V11l5.5 3.2V11l5.5 3.2V11l5 3V2h4v20z"),
    "infrastruktur": SectorStyle("#5b4b8a", "M1 6h22v3.5h-2V21h-3.5v-3.5a5.5 5.5 0 0 0-11 0V21H3V9.5H1z"),
    "bostader": SectorStyle("#2d6a31", "M12 2 1 11.5h3V22h6v-6.5h4V22h6V11.5h3z"),
    "fastigheter": SectorStyle("#7a3e65", "M5 1h14v22h-5v-4.5h-4V23H5zM8 4v3h3V4zm5 0v3h3V4zM8 9v3h3V9zm5 0v3h3V9zm-5 5v3h3v-3zm5 0v3h3v-3z"),
    "besoksnaring": SectorStyle("#00676e", "M12 1.5l3.1 6.8 7.4.8-5.5 5 1.5 7.4L12 17.8l-6.5 3.7L7 14.1l-5.5-5 7.4-.8z"),
    "digital": SectorStyle("#3a47a0", "M6 6h12v12H6zm3 3v6h6V9zM8 1h2v4H8zm6 0h2v4h-2zM8 19h2v4H8zm6 0h2v4h-2zM1 8h4v2H1zm0 6h4v2H1zm18-6h4v2h-4zm0 6h4v2h-4z"),
    "logistik": SectorStyle("#6d4c41", "M12 1 2 6v12l10 5 10-5V6zm0 2.3L19.4 7 12 10.7 4.6 7zM4 8.7l7 3.5v8.2l-7-3.5z"),
    "jord-och-skogsbruk": SectorStyle("#3f6212", "M12 1 4.5 11H8l-4.5 6.5H11V23h2v-5.5h7.5L16 11h3.5z"),
    "livsmedel": SectorStyle("#a02c3b", "M3 4h14v6.5a7 7 0 0 1-14 0zm14 2h1.5a4 4 0 0 1 0 8H16.6l.6-2h1.3a2 2 0 0 0 0-4H17zM2 20h16v2.5H2z"),
    "handel-och-service": SectorStyle("#8a2f7f", "M4 7h16l-1.2 15H5.2zm4.5 0V5.5a3.5 3.5 0 0 1 7 0V7h-2V5.5a1.5 1.5 0 0 0-3 0V7z"),
    "kultur-och-kreativa-naringar": SectorStyle("#9a3412", "M9 2h12v14.5a3.5 3.5 0 1 1-2-3.2V7.5h-8v11a3.5 3.5 0 1 1-2-3.2z"),
    "ovrigt": SectorStyle("#6b5b00", "M12 5a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm0 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6z"),
}
INACTIVE_COLOR = "#5f6368"


def sector_style(sector: str) -> SectorStyle:
    return SECTOR_STYLES.get(sector, SECTOR_STYLES["ovrigt"])


# Marker looks by status: cancelled and paused investments stay on the map, greyed out, so the
# picture is honest; cancelled ones are also struck through. Index = the last item of a data row.
VARIANTS = ("aktiv", "pausad", "avbruten")


def variant(status: str) -> int:
    return VARIANTS.index(status) if status in VARIANTS else 0


# Placeholders in marker_template: karta.js fills in a sector's colour and pictogram, so a map
# sends each sector's look once and the three templates once, not every combination in full.
FILL, GLYPH = "$FILL", "$GLYPH"


def marker_template(status: str = "aktiv", with_glyph: bool = True) -> str:
    """A 32×32 marker with FILL and GLYPH left open: a disc in the sector's colour with the
    sector's white pictogram; grey when paused, grey and struck through when cancelled.
    Decorative: text beside it says it all."""
    fill = INACTIVE_COLOR if status in ("pausad", "avbruten") else FILL
    glyph = (f'<path transform="translate(6 6) scale(.8333)" fill="#fff" fill-rule="evenodd" d="{GLYPH}"/>'
             if with_glyph else "")
    strike = '<path d="M6 26 26 6" stroke="#fff" stroke-width="3" stroke-linecap="round"/>' if status == "avbruten" else ""
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32" '
            'aria-hidden="true" focusable="false">'
            f'<circle cx="16" cy="16" r="14.5" fill="{fill}" stroke="#fff" stroke-width="2"/>'
            f'{glyph}{strike}</svg>')


def marker_svg(sector: str | None, status: str = "aktiv") -> str:
    """The marker of a sector and status, filled in (the legend). Without a sector (the legend's
    status samples) the disc is empty."""
    style = sector_style(sector or "ovrigt")
    return marker_template(status, with_glyph=sector is not None).replace(FILL, style.color).replace(GLYPH, style.glyph)


def marker_row(row: InvestmentRow) -> list:
    """What karta.js needs for one marker and its popup, as a compact list (see karta.js); on the
    English map a Swedish title (no title_en) adds its language, for the popup's lang attribute."""
    data = [row.lat, row.lon, row.slug, row.sector, row.status, row.municipality, row.title, row.owner,
            row.amount_text or "", variant(row.status)]
    return data + [row.title_lang] if row.title_lang != row.lang else data


def marker_file(rows: list[InvestmentRow]) -> str:
    """Every marker of a map as JSON (the rows of marker_row), for a map given markers_path; with
    <, > and & escaped like the site's other JSON, so no text in it is ever markup."""
    return script_json([marker_row(row) for row in rows]) + "\n"


def script_json(value: object) -> str:
    """JSON for inside a <script>: <, > and & as \\u escapes, so that a label with </script> in
    it (taxonomier.yml is edited by editors) cannot end the element. The same values in JS."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def marker_labels(rows: list[InvestmentRow]) -> dict[str, dict[str, str]]:
    """The labels of the ids in the data rows, once per map rather than once per marker."""
    return {
        "sector": {row.sector: row.sector_label for row in rows},
        "status": {row.status: row.status_label for row in rows},
        "municipality": {row.municipality: row.municipality_name for row in rows},
    }


class _Setup(MacroElement):
    """Hands the finished map and cluster to karta.js (Swedish controls, filters, keyboard)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        uvKarta.setup({{ this._parent.get_name() }}, {{ this.cluster.get_name() }}, {{ this.options|tojson }}
        {%- if this.maker %}, {{ this.maker }}{% endif %});
        {% endmacro %}
    """)

    def __init__(self, cluster, options: dict, maker: str | None = None):
        super().__init__()
        self._name = "UvSetup"
        self.cluster = cluster
        self.options = options
        self.maker = maker


def map_html(rows: list[InvestmentRow], map_id: str, label: str, base: str, settings: MapSettings,
             *, follow_filter: bool = False, zoom: int | None = None, size: str = "large",
             links: str = "investeringar/", markers_path: str | None = None) -> Markup:
    """A map of `rows` as HTML for a page's content: the container and its inline script.

    map_id must be unique on the page and stable between builds (folium's ids are random).
    follow_filter: the markers follow the page's filter form (the investment map).
    links: where the popups link to (the English map: en/investments/).
    zoom: a fixed zoom around the first row (an investment's own page); else fit all rows.
    markers_path: the markers are in this file (marker_file), which karta.js fetches, instead of
    in the page: a listing's map, whose page must stay within its HTML budget at any size.
    """
    if zoom is not None and rows:
        center = (rows[0].lat, rows[0].lon)
    else:
        center = COUNTY_CENTRE
    m = folium.Map(location=center, zoom_start=zoom or 8, tiles=None, zoom_control=False,
                   scroll_wheel_zoom=False)
    m._id = map_id.replace("-", "_")
    if zoom is None and rows:
        # Before the tiles and the markers, and without animation: the tiles are then fetched,
        # and the markers clustered, once, for the zoom the map opens at (a zoom after them
        # costs a phone a quarter of a second of blocked page).
        lats, lons = [row.lat for row in rows], [row.lon for row in rows]
        fit = FitBounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(24, 24), max_zoom=12)
        fit.options["animate"] = False
        m.add_child(fit)
    tiles = folium.TileLayer(tiles=settings.tiles_url, attr=settings.tiles_attribution, name="bakgrundskarta",
                             max_zoom=settings.tiles_max_zoom)
    tiles._id = m._id
    m.add_child(tiles)
    styles = {s: [sector_style(s).color, sector_style(s).glyph] for s in sorted({row.sector for row in rows})}
    config = {"icons": styles, "markers": [marker_template(v) for v in VARIANTS],
              "labels": marker_labels(rows), "links": base + links}
    make_marker = "uvKarta.markerMaker(" + script_json(config) + ")"
    cluster_options = {"icon_create_function": "uvKarta.clusterIcon", "show_coverage_on_hover": False,
                       "max_cluster_radius": 50 if size == "large" else 30}
    setup_options: dict[str, object] = {"followFilter": follow_filter, "maxZoom": 12}
    cluster: MarkerCluster
    if markers_path:
        cluster = MarkerCluster(**cluster_options)
        setup_options["markers"] = base + markers_path
    else:
        cluster = FastMarkerCluster([marker_row(row) for row in rows], callback=make_marker, **cluster_options)
    cluster._id = m._id
    m.add_child(cluster)
    m.add_child(_Setup(cluster, setup_options, make_marker if markers_path else None))
    figure = m.get_root()
    figure.render()
    script = _compact(figure.script.render())  # type: ignore[attr-defined]  # the root is folium's Figure
    name = m.get_name()
    # The setup script is generated here, not written by editors: the Content Security Policy
    # allows it by its hash (csp.trusted_script), and no other inline script.
    return Markup(
        f'<div class="uv-map uv-map--{escape(size)}" id="{escape(name)}" role="region" '
        f'aria-label="{escape(label)}" data-marker-count="0"></div>\n'
    ) + trusted_script(f"\n(function () {{\n{script}\n}})();\n")


def _compact(script: str) -> str:
    """folium's script without its indentation and blank lines (no multi-line strings in it)."""
    return "\n".join(line.strip() for line in script.splitlines() if line.strip())


def assets_html(base: str) -> Markup:
    """The map's own styles and scripts, all from this site; place once before the first map."""
    links = "".join(f'<link rel="stylesheet" href="{escape(base)}{path}">\n' for path in MAP_STYLES)
    scripts = "".join(f'<script src="{escape(base)}{path}"></script>\n' for path in MAP_SCRIPTS)
    return Markup(links + scripts)


INACTIVE_LEGEND = {
    "sv": {"pausad": "Pausad: grå, symbolen visar sektorn",
           "avbruten": "Avbruten: grå och överstruken, symbolen visar sektorn"},
    "en": {"pausad": "Paused: grey, the symbol shows the sector",
           "avbruten": "Cancelled: grey and struck through, the symbol shows the sector"},
}


# The legend's pictures are files, one per look, not inline SVG: the listing page carries every
# investment within its 50 KB HTML budget, and the same few files serve every map page.
SYMBOL_FOLDER = "assets/karta"


def symbol_path(sector: str | None, status: str = "aktiv") -> str:
    return f"{SYMBOL_FOLDER}/{sector or status}.svg"


def symbol_files(sectors: list[str]) -> dict[str, str]:
    """path → SVG for the legend: every sector's marker, and the paused and cancelled looks."""
    files = {symbol_path(sector): marker_svg(sector) for sector in sectors}
    files.update({symbol_path(None, status): marker_svg(None, status) for status in ("pausad", "avbruten")})
    return files


def legend(rows: list[InvestmentRow], labels: dict[str, str], lang: str = "sv") -> list[tuple[str, str]]:
    """(label, picture path) for every sector on the map in vocabulary order, then the paused and cancelled looks."""
    used = {row.sector for row in rows}
    items = [(label, symbol_path(sector)) for sector, label in labels.items() if sector in used]
    statuses = {row.status for row in rows}
    for status in ("pausad", "avbruten"):
        if status in statuses:
            items.append((INACTIVE_LEGEND[lang][status], symbol_path(None, status)))
    return items
