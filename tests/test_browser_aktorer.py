"""The directory "Vem kan hjälpa mig?" filters organisations by what they help with and where."""

import pytest

pytestmark = pytest.mark.browser


def visible(page, attribute):
    return page.eval_on_selector_all(
        "[data-filter-list] > li:not([hidden])", f"cards => cards.map(c => c.dataset.{attribute})")


def test_filter_by_help_and_municipality(page_at, county_url):
    page = page_at(375)
    page.goto(county_url + "aktorer/")
    everyone = len(visible(page, "helps"))
    page.select_option("#uv-hjalp", "lan")
    helps = visible(page, "helps")
    assert helps and len(helps) < everyone
    assert all("lan" in h.split() for h in helps)
    page.select_option("#uv-kommun", "ange")
    places = visible(page, "municipalities")
    assert all(p == "" or "ange" in p.split() for p in places)
    assert page.url.endswith("/aktorer/?hjalp=lan&kommun=ange")
    assert page.text_content("#uv-count").startswith("Visar ")
    page.reload()
    assert visible(page, "municipalities") == places
