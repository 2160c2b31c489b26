"""Repeating events: one file, every occurrence in the next six months on the calendar and the
municipality page, one RRULE in the .ics feeds, the right local times across summer time.

The fixture (tests/fixtures/upprepning/) is a breakfast on the first Tuesday of each month at
07:30 from 2 February 2027 until the end of 2027, except 6 July. The build moment is
kalender_support's EPOCH, 1 February 2027 10:00, so the six months run to 3 August 2027 and
summer time starts on 28 March in between.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from dateutil import rrule
from icalendar import Calendar

from conftest import FIXTURES
from kalender_support import build, load_fixture_site, make_project
from utveckla.content.site import STOCKHOLM
from utveckla.content.validate import load_site

SERIES = FIXTURES / "upprepning" / "frukost-varje-manad.md"
EXPECTED = ["2027-02-02", "2027-03-02", "2027-04-06", "2027-05-04", "2027-06-01", "2027-08-03"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = make_project(tmp_path_factory.mktemp("upprepning") / "project")
    shutil.copy(SERIES, folder / "content" / "evenemang" / SERIES.name)
    return folder


@pytest.fixture(scope="module")
def site_dir(project, tmp_path_factory):
    return build(project, tmp_path_factory.mktemp("upprepning-site") / "site")


def times_on(page: str) -> list[str]:
    """The <time datetime> of every card of the series on a listing page, in order."""
    cards = re.findall(r'<li class="uv-card uv-event".*?</li>', page, re.S)
    return [re.search(r'datetime="([^"]+)"', card).group(1) for card in cards if "frukost-varje-manad/" in card]


def test_calendar_and_municipality_page_show_every_occurrence_in_six_months(site_dir):
    expected = [f"{day}T07:30+0{1 if day < '2027-03-28' else 2}:00" for day in EXPECTED]
    calendar = (site_dir / "kalender" / "index.html").read_text(encoding="utf-8")
    assert times_on(calendar) == expected  # 6 July left out; 7 September is past the six months
    municipality = (site_dir / "kommuner" / "sundsvall" / "index.html").read_text(encoding="utf-8")
    assert times_on(municipality) == expected
    page = (site_dir / "kalender" / "frukost-varje-manad" / "index.html").read_text(encoding="utf-8")
    assert "Varje månad, den första tisdagen, till och med 31 december 2027" in page
    assert page.count('<li><time datetime="2027-') == len(EXPECTED)  # Kommande tillfällen


def test_the_feeds_carry_one_rrule_that_lands_on_the_right_local_times(site_dir):
    for feed in (site_dir / "kalender.ics", site_dir / "kalender" / "sundsvall.ics",
                 site_dir / "kalender" / "frukost-varje-manad" / "frukost-varje-manad.ics"):
        calendar = Calendar.from_ical(feed.read_bytes())
        mine = [e for e in calendar.walk("VEVENT") if str(e["UID"]).startswith("frukost-varje-manad@")]
        assert len(mine) == 1, feed
        event = mine[0]
        assert event["RRULE"].to_ical() == b"FREQ=MONTHLY;UNTIL=20271231T225959Z;BYDAY=1TU"
        start = event.decoded("DTSTART")
        assert start == dt.datetime(2027, 2, 2, 7, 30, tzinfo=start.tzinfo) and start.utcoffset() == dt.timedelta(hours=1)
        excluded = {item.dt.astimezone(dt.UTC) for item in event["EXDATE"].dts}
        # Expanded as a calendar app does: the rule in the event's own zone, EXDATE left out.
        occurrences = [o for o in rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
                       if o.astimezone(dt.UTC) not in excluded]
        local = [o.astimezone(STOCKHOLM) for o in occurrences]
        assert {(o.hour, o.minute) for o in local} == {(7, 30)}
        assert [o.date().isoformat() for o in local][:6] == EXPECTED
        assert local[2].utcoffset() == dt.timedelta(hours=2)  # April: summer time, still 07:30
        assert len(local) == 10  # February–December, July excepted


def test_a_series_needs_one_end_and_sane_exceptions(project, tmp_path):
    broken = make_project(tmp_path / "project")
    text = SERIES.read_text(encoding="utf-8").replace("  until: 2027-12-31\n", "  until: 2027-12-31\n  count: 5\n")
    text = text.replace("exceptions: [2027-07-06]", "exceptions: [2026-07-06]")
    (broken / "content" / "evenemang" / SERIES.name).write_text(text, encoding="utf-8")
    _, diagnostics = load_site(broken, dt.date(2027, 2, 1))
    mine = [d.text() for d in diagnostics if d.path.endswith(SERIES.name)]
    assert any("repeat: repeat behöver ett slut: antingen until eller count" in m and "[upprepning]" in m for m in mine)
    assert any("repeat.exceptions[1]: undantaget 2026-07-06 ligger före start" in m for m in mine)
    assert all(re.match(rf"content/evenemang/{SERIES.name}:1[0-9]: ", m) for m in mine), mine


def test_a_past_series_keeps_one_page(project):
    site = load_fixture_site(project, 1830000000)  # late December 2027: every date has been
    from utveckla.views import events

    pages = [c for c in events.entry_cards(site) if c.slug == "frukost-varje-manad"]
    assert len(pages) == 1 and pages[0].past and pages[0].starts.date() == dt.date(2027, 12, 7)
