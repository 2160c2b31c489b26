"""The investment map page's charts: SVG files made at build time from the key figures, each
shown with alt text above a table with the same numbers, and no chart script."""

from __future__ import annotations

import re

from audit.budgets import load_budgets
from conftest import ROOT
from utveckla.outputs.charts import bar_chart
from utveckla.views.investments import GroupFigure


def test_a_bar_is_as_long_as_its_share_and_labels_are_escaped():
    groups = (GroupFigure("a", "Energi & <värme>", 4, 0, 0, 0), GroupFigure("b", "Industri", 2, 0, 0, 0))
    svg = bar_chart(groups, "Antal investeringar per sektor")
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', svg)]
    assert widths[0] == 2 * widths[1]
    assert "Energi &amp; &lt;värme&gt;" in svg and "<värme>" not in svg
    assert "<desc id=\"d\">Energi &amp; &lt;värme&gt; 4 investeringar, Industri 2 investeringar</desc>" in svg


def test_the_map_page_shows_each_chart_above_the_same_numbers(county_site):
    page = (county_site / "investeringar" / "index.html").read_text(encoding="utf-8")
    for chart, table in [("per-sektor", "per-sektor-tabell"), ("per-status", "per-status-tabell")]:
        svg = (county_site / "assets" / "diagram" / f"{chart}.svg").read_text(encoding="utf-8")
        img = re.search(rf'<img class="uv-chart__picture" src="../assets/diagram/{chart}.svg" alt="([^"]+)"', page)
        assert img and img.group(1).startswith("Stapeldiagram: antal investeringar per")
        rows = page[page.index(f'id="{table}"'):]
        rows = rows[:rows.index("</table>")]
        table_counts = re.findall(r'<th scope="row">([^<]+)</th><td class="uv-num">(\d+)</td>', rows)
        chart_counts = re.findall(r'text-anchor="end">([^<]+)</text><rect [^>]+/><text [^>]+>(\d+)</text>', svg)
        assert table_counts and chart_counts == table_counts
    assert "<script" not in svg
    assert len(page.encode("utf-8")) <= load_budgets(ROOT / "budgets.yml")["weight"]["html_kb"] * 1024
