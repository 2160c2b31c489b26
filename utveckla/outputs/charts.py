"""Bar charts of the investments, drawn at build time as SVG files (no chart library in the browser).

Each chart is a file under assets/diagram/ that the page shows as an image with a short alt text;
the same numbers stand in a table beside it (the key figures' GroupFigure rows), so the picture
is for those who would rather look, and the table for everyone else.
"""

from __future__ import annotations

from markupsafe import escape

from ..content.swedish import count_text
from ..views.investments import GroupFigure, KeyFigures

CHART_FOLDER = "assets/diagram"
WIDTH, ROW, LABEL, BAR = 480, 28, 210, 220  # px: chart width, row height, label column, longest bar
BAR_COLOR = "#1d4e6b"  # 9.6:1 against white, as the site's primary colour
TEXT_COLOR = "#1a1a1a"

# chart id → (the GroupFigure rows it draws, its title)
CHARTS = {"per-sektor": ("by_sector", "Antal investeringar per sektor"),
          "per-status": ("by_status", "Antal investeringar per status")}


def chart_path(chart: str) -> str:
    return f"{CHART_FOLDER}/{chart}.svg"


def chart_height(groups: tuple[GroupFigure, ...]) -> int:
    return ROW * len(groups) + 8


def bar_chart(groups: tuple[GroupFigure, ...], title: str) -> str:
    """Horizontal bars, one per group, the label to the left and the count at the bar's end."""
    most = max((group.count for group in groups), default=0) or 1
    height = chart_height(groups)
    rows = []
    for index, group in enumerate(groups):
        y = 4 + index * ROW
        length = max(2, round(BAR * group.count / most))
        rows.append(
            f'<text x="{LABEL - 8}" y="{y + 18}" text-anchor="end">{escape(group.label)}</text>'
            f'<rect x="{LABEL}" y="{y + 4}" width="{length}" height="{ROW - 8}" fill="{BAR_COLOR}"/>'
            f'<text x="{LABEL + length + 6}" y="{y + 18}">{group.count}</text>')
    summary = ", ".join(f"{group.label} {count_text(group.count, 'investering', 'investeringar')}" for group in groups)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-labelledby="t d"><title id="t">{escape(title)}</title><desc id="d">{escape(summary)}</desc>'
            f'<g font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif" font-size="14" '
            f'fill="{TEXT_COLOR}">{"".join(rows)}</g></svg>\n')


def chart_files(figures: KeyFigures) -> dict[str, str]:
    """path → SVG for every chart of the investment map page."""
    return {chart_path(chart): bar_chart(getattr(figures, field), title) for chart, (field, title) in CHARTS.items()}


def chart_images(figures: KeyFigures) -> dict[str, dict]:
    """What the page needs to show each chart: its file, size and alt text."""
    return {chart: {"src": chart_path(chart), "width": WIDTH, "height": chart_height(getattr(figures, field)),
                    "alt": f"Stapeldiagram: {title.lower()}. Siffrorna står i tabellen bredvid."}
            for chart, (field, title) in CHARTS.items()}
