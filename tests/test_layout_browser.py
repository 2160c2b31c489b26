"""No page is wider than the screen: on a phone (320 and 375 px) and on a laptop (1280 px),
one page of every template in the county sample scrolls only up and down, never sideways.
The templates are the ones budgets.yml measures with Lighthouse (a new template is one line
there and is checked here too)."""

from __future__ import annotations

import pytest

from audit.budgets import load_budgets
from audit.built_site import load_built_site
from audit.gate_lighthouse import pick_pages
from conftest import ROOT

pytestmark = pytest.mark.browser

WIDTHS = (320, 375, 1280)
# What sticks out past the right edge, for the failure message: the outermost elements that no
# scrolling or clipping ancestor holds in.
ESCAPING = """(width) => {
  const found = [];
  for (const node of document.body.querySelectorAll("*")) {
    if (node.getBoundingClientRect().right <= width + 1) { continue; }
    let holder = node.parentElement, held = false;
    while (holder && holder !== document.body) {
      if (getComputedStyle(holder).overflowX !== "visible" && getComputedStyle(holder).position !== "static") { held = true; break; }
      holder = holder.parentElement;
    }
    if (!held) { found.push(node.tagName.toLowerCase() + "." + String(node.className).split(" ").join(".")); }
  }
  return found.slice(0, 5);
}"""


def template_pages(site) -> list[tuple[str, str]]:
    chosen, _notes, missing = pick_pages(load_built_site(site, None), load_budgets(ROOT / "budgets.yml")["lighthouse"]["pages"])
    assert not missing, [finding.problem for finding in missing]
    return chosen


def test_every_template_has_a_page_in_the_sample(county_site):
    # The sample has a page of each required template, so none goes unmeasured below. The optional
    # ones (a template the live site may not have yet, such as a result) are checked by their own tests.
    required = [entry for entry in load_budgets(ROOT / "budgets.yml")["lighthouse"]["pages"] if not entry.get("optional")]
    assert len(template_pages(county_site)) >= len(required)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_the_screen(page_at, county_site, county_url, width):
    page = page_at(width)
    too_wide = {}
    for template, path in template_pages(county_site):
        page.goto(county_url + path.removesuffix("index.html"), wait_until="load")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            too_wide[f"{template} ({path})"] = (scroll_width, page.evaluate(ESCAPING, width))
    assert too_wide == {}, f"bredare än {width} px: {too_wide}"


@pytest.mark.parametrize("width", (320, 375))
def test_the_site_name_fits_the_header_of_a_phone(page_at, county_url, width):
    page = page_at(width)
    page.goto(county_url + "stod/", wait_until="load")
    name = page.locator(".md-header__topic:first-child .md-ellipsis")
    assert name.text_content().strip() == "Utveckla Västernorrland"
    # Whole, not "Utveckla Västernorrl…": nothing of the text is cut off at the right, or below.
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.parentElement.clientHeight")


def test_the_wordmark_names_the_site_in_swedish(county_site):
    html = (county_site / "index.html").read_text(encoding="utf-8")
    assert '<img src="assets/logo.svg" alt="Utveckla Västernorrland" width="206" height="42">' in html
    svg = (ROOT / "docs" / "assets" / "logo.svg").read_text(encoding="utf-8")
    assert "<title id=\"t\">Utveckla Västernorrland</title>" in svg and "<text" not in svg  # outlines, no font needed
