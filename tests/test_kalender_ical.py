"""Calendar feeds (RFC 5545): every generated .ics parses with `icalendar` and has what clients
need; daylight-saving changes give the right UTC instants; past events leave the feeds; two
builds with the same SOURCE_DATE_EPOCH are byte-identical; one feed matches a golden file."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from icalendar import Calendar, Timezone

from kalender_support import (
    EPOCH,
    GOLDEN,
    SITE_URL,
    build,
    ics_files,
    load_fixture_site,
    real_events,
)
from utveckla.content.site import STOCKHOLM
from utveckla.outputs import ical
from utveckla.views import events

UTC = dt.UTC


def parse(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def vevents(path: Path) -> dict[str, object]:
    return {str(e["UID"]).split("@")[0]: e for e in parse(path).walk("VEVENT")}


@pytest.fixture(scope="module")
def county_build(kalender_county_build) -> Path:
    """The county sample, built as of 2021-01-01."""
    return kalender_county_build


def _check_feed(path: Path) -> None:
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "every line ends with CRLF"
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines are folded at 75 octets"
    cal = parse(path)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    zones = {str(zone["TZID"]) for zone in cal.walk("VTIMEZONE")}
    assert zones == {"Europe/Stockholm"}
    for event in cal.walk("VEVENT"):
        assert re.fullmatch(r"[a-z0-9-]+@utvecklavasternorrland\.se", str(event["UID"]))
        assert event.decoded("DTSTAMP").tzinfo is not None
        start = event.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            assert event["DTSTART"].params["TZID"] == "Europe/Stockholm"
            assert start.utcoffset() is not None
        else:  # all-day: a DATE, which by RFC 5545 has no time zone
            assert event["DTSTART"].params["VALUE"] == "DATE"
            assert event["DTEND"].params["VALUE"] == "DATE"
        if "DTEND" in event:
            assert type(event.decoded("DTEND")) is type(start)
            assert event.decoded("DTEND") >= start
        assert str(event["URL"]).startswith(SITE_URL + "kalender/")
        assert event["STATUS"] in ("CONFIRMED", "CANCELLED")


def test_every_fixture_feed_is_valid(fixture_build):
    files = ics_files(fixture_build)
    # kalender.ics, 7 municipality feeds, one file per upcoming event
    assert len(files) == 1 + 7 + 9
    for path in files:
        _check_feed(path)


def test_every_real_feed_is_valid(county_build):
    files = ics_files(county_build)
    assert county_build / "kalender.ics" in files
    for path in files:
        _check_feed(path)
    # The county build is made as of 2021-01-01: the feed holds exactly the events after that day.
    later = {slug for slug, event in real_events().items() if (event.end or event.start).year >= 2021}
    assert set(vevents(county_build / "kalender.ics")) == later


def test_daylight_saving_changes_give_the_right_utc_instants(fixture_build):
    feed = vevents(fixture_build / "kalender.ics")
    # Last Sunday of March 2027: 10:00 summer time (+02:00) is 08:00 UTC.
    march = feed["sommartid-harnosand"]
    assert march.decoded("DTSTART").astimezone(UTC) == dt.datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    assert march.decoded("DTEND").astimezone(UTC) == dt.datetime(2027, 3, 28, 14, 0, tzinfo=UTC)
    # Last Sunday of October 2027: 10:00 normal time (+01:00) is 09:00 UTC.
    october = feed["vintertid-ornskoldsvik"]
    assert october.decoded("DTSTART").astimezone(UTC) == dt.datetime(2027, 10, 31, 9, 0, tzinfo=UTC)
    # Saturday 20:00 to Sunday 04:00 across the spring change is 7 hours, not 8.
    night = feed["natt-over-omstallningen"]
    assert night.decoded("DTEND") - night.decoded("DTSTART") == dt.timedelta(hours=8)  # wall clock
    assert night.decoded("DTEND").astimezone(UTC) - night.decoded("DTSTART").astimezone(UTC) == dt.timedelta(hours=7)


def _own_vtimezone(path: Path):
    """The feed's VTIMEZONE as a time zone of its own (renamed, so icalendar cannot fall back on
    the system's tz database): this is what a client without Europe/Stockholm would use."""
    zone = parse(path).walk("VTIMEZONE")[0]
    return Timezone.from_ical(zone.to_ical().replace(b"Europe/Stockholm", b"X-Feedens-Zon")).to_tz()


def test_the_feeds_own_vtimezone_converts_right(fixture_build):
    zone = _own_vtimezone(fixture_build / "kalender.ics")
    assert dt.datetime(2027, 3, 28, 10, tzinfo=zone).astimezone(UTC) == dt.datetime(2027, 3, 28, 8, tzinfo=UTC)
    assert dt.datetime(2027, 10, 31, 10, tzinfo=zone).astimezone(UTC) == dt.datetime(2027, 10, 31, 9, tzinfo=UTC)


def test_vtimezone_agrees_with_the_tz_database(fixture_build):
    """Every half hour 2026–2035, except the skipped and repeated hours: if Sweden's rules change
    in the tz database, this fails and stockholm_timezone() needs the new rule."""
    zone = _own_vtimezone(fixture_build / "kalender.ics")
    moment, end = dt.datetime(2026, 1, 1, 0, 30), dt.datetime(2036, 1, 1)
    while moment < end:
        first, second = moment.replace(tzinfo=STOCKHOLM), moment.replace(tzinfo=STOCKHOLM, fold=1)
        if first.utcoffset() == second.utcoffset():  # neither skipped nor repeated
            assert moment.replace(tzinfo=zone).utcoffset() == first.utcoffset(), moment
        moment += dt.timedelta(minutes=30)


def test_past_event_is_in_the_archive_not_in_the_list_or_feeds(fixture_build):
    slug = "avslutad-frukost-sundsvall"
    for feed in ("kalender.ics", "kalender/sundsvall.ics"):
        assert slug not in vevents(fixture_build / feed)
    assert not (fixture_build / "kalender" / slug / f"{slug}.ics").exists()
    listing = (fixture_build / "kalender" / "index.html").read_text(encoding="utf-8")
    archive = (fixture_build / "kalender" / "arkiv" / "index.html").read_text(encoding="utf-8")
    assert f"kalender/{slug}/" not in listing
    assert f"kalender/{slug}/" in archive
    assert (fixture_build / "kalender" / slug / "index.html").exists()  # the page stays


def test_event_moves_out_of_the_feeds_when_the_build_date_passes_its_end(fixture_project, tmp_path):
    after = int(dt.datetime(2027, 3, 28, 16, 1, tzinfo=STOCKHOLM).timestamp())
    site_dir = build(fixture_project, tmp_path / "site", epoch=after)
    feed = vevents(site_dir / "kalender.ics")
    assert "sommartid-harnosand" not in feed and "frukost-sundsvall" not in feed
    assert "vintertid-ornskoldsvik" in feed
    archive = (site_dir / "kalender" / "arkiv" / "index.html").read_text(encoding="utf-8")
    assert "kalender/sommartid-harnosand/" in archive


def test_municipality_feeds_hold_only_their_events(fixture_build):
    assert sorted(vevents(fixture_build / "kalender" / "sundsvall.ics")) == [
        "frukost-sundsvall", "installt-natverk-sundsvall", "natt-over-omstallningen"]
    assert list(vevents(fixture_build / "kalender" / "timra.ics")) == ["hybrid-seminarium-timra"]
    assert vevents(fixture_build / "kalender" / "solleftea.ics") == {}
    county = vevents(fixture_build / "kalender.ics")
    assert "webbinarium-export" in county  # online only: in the county feed


def test_event_properties(fixture_build):
    feed = vevents(fixture_build / "kalender.ics")
    cancelled = feed["installt-natverk-sundsvall"]
    assert cancelled["STATUS"] == "CANCELLED"
    assert str(cancelled["SUMMARY"]).startswith("Inställt: ")
    frukost = feed["frukost-sundsvall"]
    assert frukost["STATUS"] == "CONFIRMED"
    assert frukost["URL"] == SITE_URL + "kalender/frukost-sundsvall/"
    assert frukost["LOCATION"] == "Kulturmagasinet, Sjögatan 7, Sundsvall"
    assert frukost.decoded("DTSTAMP") == dt.datetime(2027, 1, 31, 23, 0, tzinfo=UTC)  # 1 Feb, 00:00 in Sweden
    all_day = feed["utbildning-kramfors"]
    assert (all_day.decoded("DTSTART"), all_day.decoded("DTEND")) == (dt.date(2027, 6, 8), dt.date(2027, 6, 10))
    assert "Digitalt: https://example.org/webbinarium/export" == feed["webbinarium-export"]["LOCATION"]
    tricky = feed["specialtecken-ange"]
    assert str(tricky["SUMMARY"]) == 'Träff om "AI" & data </script><script>alert(1)</script>; i Ånge, del 1'
    assert str(tricky["LOCATION"]) == "Folkets hus; stora salen, Ånge"
    own = vevents(fixture_build / "kalender" / "frukost-sundsvall" / "frukost-sundsvall.ics")
    assert list(own) == ["frukost-sundsvall"]


def test_uid_does_not_change_when_the_event_is_edited(fixture_project):
    site = load_fixture_site(fixture_project)
    card = next(c for c in events.all_event_cards(site) if c.slug == "frukost-sundsvall")
    stamp = ical.build_stamp(site)
    edited = card.__class__(**{**card.__dict__, "title": "Nytt namn", "starts": card.starts + dt.timedelta(days=7)})
    assert ical.vevent(card, SITE_URL, stamp)["UID"] == ical.vevent(edited, SITE_URL, stamp)["UID"]


def test_two_builds_with_the_same_epoch_give_identical_feeds(fixture_project, fixture_build, tmp_path):
    second = build(fixture_project, tmp_path / "again")
    first_files = [p.relative_to(fixture_build) for p in ics_files(fixture_build)]
    assert first_files == [p.relative_to(second) for p in ics_files(second)]
    for relative in first_files:
        assert (fixture_build / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_feeds_do_not_depend_on_the_wall_clock(fixture_project):
    """Same build date, different times of day: same DTSTAMP, same bytes."""
    morning = load_fixture_site(fixture_project, EPOCH)
    evening = load_fixture_site(fixture_project, EPOCH + 8 * 3600)
    assert ical.build_stamp(morning) == ical.build_stamp(evening)
    def render(site):
        return ical.calendar("K", "K", events.upcoming_events(site), SITE_URL, ical.build_stamp(site))

    assert render(morning) == render(evening)


def test_golden_feed(fixture_project):
    """The whole county feed for the fixture events, byte for byte. After an intended change,
    regenerate with  UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_kalender_ical.py  and
    review the diff of tests/golden/kalender.ics."""
    site = load_fixture_site(fixture_project)
    feed = events.feeds(site)[0]
    produced = ical.calendar(feed.name, feed.about, list(feed.cards), SITE_URL, ical.build_stamp(site))
    golden = GOLDEN / "kalender.ics"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(produced)
    assert produced == golden.read_bytes()
