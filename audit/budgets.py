"""budgets.yml: every threshold of the audit (and the publishing time), read once and checked for missing keys."""

from __future__ import annotations

from pathlib import Path

import yaml

REQUIRED = {
    "axe": ["widths", "tags", "max_violations", "parallel_pages"],
    "lighthouse": ["runs", "min_scores", "pages"],
    "html": ["max_errors"],
    "links": ["max_broken"],
    "network": ["allowed_hosts", "max_cookies", "max_console_errors"],
    "publish": ["max_minutes"],
    "weight": ["html_kb", "css_js_gzip_kb", "page_total_kb", "map_page_total_kb", "map_css_js_gzip_kb"],
}


class BudgetError(ValueError):
    pass


def load_budgets(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    missing = [f"{section}.{key}" for section, keys in REQUIRED.items()
               for key in keys if key not in (data.get(section) or {})]
    if "map_pages" not in data:
        missing.append("map_pages")
    if missing:
        raise BudgetError(f"{path}: saknar {', '.join(missing)} — lägg till värdena i filen")
    return data
