"""Calendar view-models: Swedish dates and times, upcoming or archive at a given moment,
grouping by month, statuses, places, and the JSON-LD for event pages."""

from __future__ import annotations

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest

from kalender_support import SITE_URL, load_fixture_site
from utveckla.content.models import Event
from utveckla.content.site import STOCKHOLM
from utveckla.outputs import jsonld
from utveckla.views import events

D, T = dt.date, dt.datetime


def stockholm(*args) -> dt.datetime:
    return T(*args, tzinfo=STOCKHOLM)


def epoch_of(*args) -> int:
    return int(stockholm(*args).timestamp())


def make_event(**fields) -> Event:
    base = {"title": "Test", "summary": "Test.", "type": "seminarium", "organizer": "almi-mitt",
            "online": "https://example.org/"}
    return Event.model_validate({**base, **fields})


# --- Swedish wording -------------------------------------------------------------------------

@pytest.mark.parametrize("start, end, text", [
    (T(2026, 12, 3, 7, 30), T(2026, 12, 3, 9, 0), "torsdag 3 december 2026, 07.30–09.00"),
    (T(2026, 12, 1, 7, 30), T(2026, 12, 1, 9, 0), "tisdag 1 december 2026, 07.30–09.00"),
    (T(2026, 12, 3, 18, 0), None, "torsdag 3 december 2026, 18.00"),
    (T(2027, 3, 27, 20, 0), T(2027, 3, 28, 4, 0), "lördag 27 mars 2027, 20.00 – söndag 28 mars 2027, 04.00"),
    (D(2026, 12, 3), None, "torsdag 3 december 2026"),
    (D(2018, 11, 15), D(2018, 11, 16), "torsdag 15 – fredag 16 november 2018"),
    (D(2021, 9, 23), D(2021, 10, 6), "torsdag 23 september – onsdag 6 oktober 2021"),
    (D(2026, 12, 30), D(2027, 1, 2), "onsdag 30 december 2026 – lördag 2 januari 2027"),
    (D(2026, 12, 3), D(2026, 12, 3), "torsdag 3 december 2026"),
])
def test_when_text_in_swedish(start, end, text):
    assert events.when_text(start, end) == text


def test_issue_example_wording():
    # The issue's own example: Tuesday 3 December is in 2024 and 2030; the format is what counts.
    assert events.when_text(T(2030, 12, 3, 7, 30), T(2030, 12, 3, 9, 0)) == "tisdag 3 december 2030, 07.30–09.00"


def test_machine_time_has_the_offset_of_the_day():
    assert events.machine_time(T(2027, 1, 15, 7, 30)) == "2027-01-15T07:30+01:00"
    assert events.machine_time(T(2027, 6, 15, 7, 30)) == "2027-06-15T07:30+02:00"
    assert events.machine_time(D(2027, 6, 15)) == "2027-06-15"


# --- upcoming or past ---------------------------------------------------------------------------

def test_timed_event_is_past_after_its_end():
    event = make_event(start="2027-03-02 07:30", end="2027-03-02 09:00")
    assert not events.is_past(event, stockholm(2027, 3, 2, 8, 59))
    assert not events.is_past(event, stockholm(2027, 3, 2, 9, 0))
    assert events.is_past(event, stockholm(2027, 3, 2, 9, 1))


def test_timed_event_without_end_is_past_once_started():
    event = make_event(start="2027-03-02 18:00")
    assert not events.is_past(event, stockholm(2027, 3, 2, 17, 59))
    assert events.is_past(event, stockholm(2027, 3, 2, 18, 1))


def test_all_day_event_lasts_to_the_end_of_its_last_day():
    single = make_event(start="2027-06-08")
    assert not events.is_past(single, stockholm(2027, 6, 8, 23, 59))
    assert events.is_past(single, stockholm(2027, 6, 9, 0, 0, 1))
    multi = make_event(start="2027-06-08", end="2027-06-09")
    assert not events.is_past(multi, stockholm(2027, 6, 9, 12, 0))
    assert events.is_past(multi, stockholm(2027, 6, 10, 0, 0, 1))


def test_past_is_decided_in_real_time_in_the_repeated_hour():
    # 31 October 2027: 02:00–03:00 happens twice. The event ends at the first 02:30 (00:30 UTC);
    # at 01:15 UTC the clock reads 02:15 again, but the event is over.
    event = make_event(start="2027-10-31 01:00", end="2027-10-31 02:30")
    assert events.is_past(event, T(2027, 10, 31, 1, 15, tzinfo=dt.UTC))
    assert not events.is_past(event, T(2027, 10, 31, 0, 15, tzinfo=dt.UTC))


def test_event_bounds_are_local_times_across_daylight_saving():
    start, over = events.event_bounds(make_event(start="2027-03-27 20:00", end="2027-03-28 04:00"))
    assert events.utc(over) - events.utc(start) == dt.timedelta(hours=7)  # the clocks go forward that night
    assert (start.utcoffset(), over.utcoffset()) == (dt.timedelta(hours=1), dt.timedelta(hours=2))
    start, over = events.event_bounds(make_event(start="2027-10-30 20:00", end="2027-10-31 04:00"))
    assert events.utc(over) - events.utc(start) == dt.timedelta(hours=9)  # and back


def test_upcoming_and_archive_at_the_build_moment(fixture_project):
    site = load_fixture_site(fixture_project)
    upcoming = [c.slug for c in events.upcoming_events(site)]
    past = [c.slug for c in events.past_events(site)]
    assert past == ["avslutad-frukost-sundsvall"]
    assert "avslutad-frukost-sundsvall" not in upcoming
    assert upcoming[:3] == ["frukost-sundsvall", "natt-over-omstallningen", "sommartid-harnosand"]
    assert upcoming[-1] == "vintertid-ornskoldsvik"


def test_events_move_to_the_archive_by_themselves(fixture_project):
    during = load_fixture_site(fixture_project, epoch_of(2027, 3, 2, 8, 30))
    after = load_fixture_site(fixture_project, epoch_of(2027, 3, 2, 9, 30))
    assert "frukost-sundsvall" in [c.slug for c in events.upcoming_events(during)]
    assert "frukost-sundsvall" not in [c.slug for c in events.upcoming_events(after)]
    assert [c.slug for c in events.past_events(after)] == ["frukost-sundsvall", "avslutad-frukost-sundsvall"]


def test_archive_is_newest_first(fixture_project):
    site = load_fixture_site(fixture_project, epoch_of(2028, 1, 1, 0, 0))
    starts = [events.utc(c.starts) for c in events.past_events(site)]
    assert starts == sorted(starts, reverse=True) and len(starts) == 10
    assert events.upcoming_events(site) == []


# --- grouping, statuses, places ----------------------------------------------------------------

def test_group_by_month(fixture_project):
    site = load_fixture_site(fixture_project)
    groups = events.group_by_month(events.upcoming_events(site))
    assert [g.label for g in groups] == ["Mars 2027", "April 2027", "Maj 2027", "Juni 2027",
                                         "September 2027", "Oktober 2027"]
    assert [g.id for g in groups][:2] == ["2027-03", "2027-04"]
    assert [c.slug for c in groups[1].cards] == ["webbinarium-export", "installt-natverk-sundsvall"]
    assert sum(len(g.cards) for g in groups) == len(events.upcoming_events(site))


def test_group_by_year_keeps_the_order():
    cards = [SimpleNamespace(starts=stockholm(y, m, 1)) for y, m in ((2023, 12), (2023, 1), (2021, 6))]
    groups = events.group_by_year(cards)
    assert [(g.label, len(g.cards)) for g in groups] == [("2023", 2), ("2021", 1)]


def test_statuses():
    today = D(2027, 2, 20)
    assert events.event_status(make_event(start="2027-03-01", cancelled=True), today).label == "Inställt"
    open_ = make_event(start="2027-03-01", registration={"url": "https://example.org/a", "deadline": "2027-02-20"})
    assert events.event_status(open_, today).label == "Sista anmälningsdag 20 februari 2027"
    assert events.event_status(open_, D(2027, 2, 21)).label == "Anmälan har stängt"
    assert events.event_status(make_event(start="2027-03-01"), today) is None


def test_cards_show_place_or_digital(fixture_project):
    site = load_fixture_site(fixture_project)
    cards = {c.slug: c for c in events.all_event_cards(site)}
    assert cards["webbinarium-export"].place == "Digitalt"
    assert cards["webbinarium-export"].municipality is None
    assert cards["hybrid-seminarium-timra"].place == "Timrå kommunhus och digitalt"
    assert cards["hybrid-seminarium-timra"].modes == ("fysiskt", "digitalt")
    assert cards["frukost-sundsvall"].place == "Kulturmagasinet, Sundsvall"
    assert events.full_place(cards["frukost-sundsvall"]) == "Kulturmagasinet, Sjögatan 7, Sundsvall"
    assert cards["frukost-sundsvall"].organizer == "Näringsliv och tillväxt i Sundsvalls kommun"
    assert cards["frukost-sundsvall"].organizer_url == "aktorer/naringsliv-sundsvall/"
    assert cards["frukost-sundsvall"].url == "kalender/frukost-sundsvall/"
    assert cards["frukost-sundsvall"].price == "Kostnadsfritt"


def test_past_cards_only_keep_the_cancelled_badge(fixture_project):
    site = load_fixture_site(fixture_project, epoch_of(2028, 1, 1, 0, 0))
    cards = {c.slug: c for c in events.all_event_cards(site)}
    assert cards["frukost-sundsvall"].status is None  # registration no longer matters
    assert cards["installt-natverk-sundsvall"].status.label == "Inställt"


def test_start_page_municipality_and_actor_lists(fixture_project):
    site = load_fixture_site(fixture_project)
    assert [c.slug for c in events.next_events(site)] == [
        "frukost-sundsvall", "natt-over-omstallningen", "sommartid-harnosand"]
    sundsvall = [c.slug for c in events.events_in_municipality(site, "sundsvall")]
    assert sundsvall == ["frukost-sundsvall", "natt-over-omstallningen", "installt-natverk-sundsvall"]
    upcoming, past = events.events_by_organizer(site, "naringsliv-sundsvall")
    assert [c.slug for c in upcoming] == ["frukost-sundsvall"]
    assert [c.slug for c in past] == ["avslutad-frukost-sundsvall"]


def test_next_events_skip_cancelled_ones(fixture_project):
    site = load_fixture_site(fixture_project, epoch_of(2027, 4, 1, 0, 0))
    assert [c.slug for c in events.next_events(site)] == [
        "webbinarium-export", "hybrid-seminarium-timra", "utbildning-kramfors"]


def test_feeds_one_for_the_county_and_one_per_municipality(fixture_project):
    site = load_fixture_site(fixture_project)
    feeds = events.feeds(site)
    assert [f.path for f in feeds] == ["kalender.ics"] + [f"kalender/{e.slug}.ics" for e in site.entries["kommuner"]]
    assert len(feeds[0].cards) == 9


def test_map_link_is_a_plain_openstreetmap_link(fixture_project):
    site = load_fixture_site(fixture_project)
    frukost = site.get("evenemang", "frukost-sundsvall").data.location
    assert events.map_url(frukost, "Sundsvall") == \
        "https://www.openstreetmap.org/?mlat=62.39130&mlon=17.30630#map=16/62.39130/17.30630"
    parkaden = site.get("evenemang", "sommartid-harnosand").data.location
    assert events.map_url(parkaden, "Härnösand") == \
        "https://www.openstreetmap.org/search?query=%C3%85dalsv%C3%A4gen%2015%2C%20H%C3%A4rn%C3%B6sand"
    assert events.map_url(site.get("evenemang", "vintertid-ornskoldsvik").data.location, "Örnsköldsvik") is None


# --- JSON-LD -------------------------------------------------------------------------------------

def _data(site, slug):
    card = next(c for c in events.all_event_cards(site) if c.slug == slug)
    return jsonld.event_data(site, card, SITE_URL)


def test_jsonld_event(fixture_project):
    site = load_fixture_site(fixture_project)
    data = _data(site, "frukost-sundsvall")
    assert data["@type"] == "Event"
    assert data["startDate"] == "2027-03-02T07:30+01:00"
    assert data["endDate"] == "2027-03-02T09:00+01:00"
    assert data["url"] == "https://utvecklavasternorrland.se/kalender/frukost-sundsvall/"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Sjögatan 7, Sundsvall"
    assert data["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 62.3913, "longitude": 17.3063}
    assert data["organizer"] == {"@type": "Organization", "name": "Näringsliv och tillväxt i Sundsvalls kommun",
                                 "url": site.get("aktorer", "naringsliv-sundsvall").data.url}
    assert data["isAccessibleForFree"] is True
    assert data["offers"]["url"] == "https://example.org/anmalan/frukost"


def test_jsonld_summer_time_online_hybrid_cancelled(fixture_project):
    site = load_fixture_site(fixture_project)
    assert _data(site, "sommartid-harnosand")["startDate"] == "2027-03-28T10:00+02:00"
    online = _data(site, "webbinarium-export")
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://example.org/webbinarium/export"}
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    hybrid = _data(site, "hybrid-seminarium-timra")
    assert [place["@type"] for place in hybrid["location"]] == ["Place", "VirtualLocation"]
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert hybrid["offers"]["price"] == "500" and hybrid["offers"]["priceCurrency"] == "SEK"
    assert "isAccessibleForFree" not in hybrid
    assert _data(site, "installt-natverk-sundsvall")["eventStatus"] == "https://schema.org/EventCancelled"
    all_day = _data(site, "utbildning-kramfors")
    assert (all_day["startDate"], all_day["endDate"]) == ("2027-06-08", "2027-06-09")


def test_jsonld_cannot_break_out_of_its_script(fixture_project):
    site = load_fixture_site(fixture_project)
    data = _data(site, "specialtecken-ange")
    tag = jsonld.script_tag(data)
    inner = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert len(re.findall(r"</script", tag, re.IGNORECASE)) == 1
    assert json.loads(inner) == data
    assert "</script><script>alert(1)</script>" in json.loads(inner)["name"]
