"""The empty calendar on a phone: the ways on are on the first screen (375 × 667 px)."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, axe_violations, serve
from kalender_support import build, make_project

pytestmark = pytest.mark.browser
PHONE = (375, 667)  # iPhone SE: a small phone's first screen


@pytest.fixture(scope="module")
def empty_calendar(tmp_path_factory):
    """The real municipalities and organisers, no events, and the import fixture's sources
    (whose calendar_url is the Almi organiser's calendar page)."""
    project = make_project(tmp_path_factory.mktemp("tom") / "project")
    shutil.rmtree(project / "content" / "evenemang")
    (project / "content" / "evenemang").mkdir()
    (project / "content" / "kallor.yml").write_text(
        "sources:\n"
        "  - url: https://kalender.exempel.se/almi.ics\n    kind: ics\n    organizer: almi-mitt\n"
        "    calendar_url: https://www.almi.se/mitt/kalender/\n"
        "  - url: https://kalender.exempel.se/rvn.rss\n    kind: rss\n    organizer: region-vasternorrland\n"
        "    calendar_url: https://www.rvn.se/evenemang/\n", encoding="utf-8")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")  # with edit_uri, the repository of the tip form
    site = build(project, tmp_path_factory.mktemp("tom-site") / "site")
    server, url = serve(site)
    yield url
    server.shutdown()


def test_selector_organiser_calendars_and_tip_link_on_the_first_screen(empty_calendar, page_at):
    page = page_at(PHONE[0])
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(empty_calendar + "kalender/")
    municipalities = page.locator(".uv-empty-choices .uv-chips a")
    assert municipalities.count() == 7
    organisers = page.get_by_role("link", name="Region Västernorrland")
    tip = page.get_by_role("link", name="Tipsa om ett evenemang")
    assert tip.get_attribute("href").endswith("/issues/new?template=tipsa-om-evenemang.yml")
    for link in [municipalities.nth(i) for i in range(7)] + [page.get_by_role("link", name="Almi Mitt"), organisers, tip]:
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE[1], link
    assert page.locator("details.uv-more ul.uv-feeds").is_hidden()  # the eight feeds wait behind one line
    assert page.evaluate("document.documentElement.scrollHeight") < 2000
    assert page.foreign_requests == [] and page.console_errors == []
    municipalities.first.focus()
    page.keyboard.press("Enter")  # the selector works from the keyboard
    page.wait_for_url("**/kommuner/harnosand/")


def test_empty_calendar_has_no_accessibility_violations(empty_calendar, page_at):
    page = page_at(PHONE[0])
    page.goto(empty_calendar + "kalender/")
    page.locator("details.uv-more summary").click()
    assert page.locator("details.uv-more ul.uv-feeds").is_visible()
    assert axe_violations(page) == []
