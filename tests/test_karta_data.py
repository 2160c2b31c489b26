"""Open data: /investeringar.geojson and /investeringar.csv hold the same records as the map."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from conftest import COUNTY
from utveckla.content.collections import inside_county
from utveckla.content.validate import load_site
from utveckla.outputs import mapdata, pages
from utveckla.views import investments

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 22)
SITE_URL = "https://utvecklavasternorrland.se/"


@pytest.fixture(scope="module")
def site():
    site, diagnostics = load_site(COUNTY.parent, TODAY)
    assert not diagnostics
    return site


@pytest.fixture(scope="module")
def files(site) -> dict:
    return {f.path: f.content for f in pages.all_files(site, SITE_URL)}


@pytest.fixture(scope="module")
def geojson(files) -> dict:
    return json.loads(files["investeringar.geojson"])


@pytest.fixture(scope="module")
def csv_rows(files) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files["investeringar.csv"], newline="")))


def test_geojson_is_an_rfc7946_feature_collection(geojson):
    assert geojson["type"] == "FeatureCollection"
    assert "crs" not in geojson  # RFC 7946 removed it: WGS 84 is implied
    assert geojson["license"] == "CC0-1.0"
    for feature in geojson["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        assert isinstance(feature["properties"], dict)


def test_geojson_has_one_feature_per_published_investment(site, geojson):
    published = [e.slug for e in site.entries["investeringar"]]
    assert sorted(f["id"] for f in geojson["features"]) == sorted(published)
    assert len(geojson["features"]) == len(published) > 0


def test_geojson_coordinates_are_longitude_first_and_inside_the_county(site, geojson):
    for feature in geojson["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        item = site.get("investeringar", feature["id"]).data
        assert (lon, lat) == (item.location.lon, item.location.lat)
        assert 15 < lon < 20 and 62 < lat < 64.2  # the county: longitude 15–19, latitude 62–64
        assert inside_county(lat, lon)


def test_csv_has_the_documented_columns_and_no_byte_order_mark(files, csv_rows):
    text = files["investeringar.csv"]
    assert not text.startswith("\ufeff")
    assert text.split("\r\n", 1)[0] == ",".join(mapdata.COLUMN_NAMES)
    assert all(description for _, description in mapdata.COLUMNS)
    assert text.encode("utf-8").decode("utf-8") == text


def test_csv_has_the_same_records_as_the_geojson_and_the_map(site, geojson, csv_rows):
    rows = investments.all_investments(site)
    assert [r["slug"] for r in csv_rows] == [row.slug for row in rows] == [f["id"] for f in geojson["features"]]
    by_slug = {f["id"]: f for f in geojson["features"]}
    for record in csv_rows:
        feature = by_slug[record["slug"]]
        assert (float(record["lon"]), float(record["lat"])) == tuple(feature["geometry"]["coordinates"])
        for name in ("title", "owner", "municipality", "sector", "status"):
            assert record[name] == feature["properties"][name]
        assert record["page_url"] == SITE_URL + f"investeringar/{record['slug']}/"


def test_missing_values_are_empty_in_csv_and_null_in_geojson(geojson, csv_rows):
    without_amount = [r for r in csv_rows if not r["amount_msek"]]
    assert without_amount, "the starter content has investments without an amount"
    feature = next(f for f in geojson["features"] if f["id"] == without_amount[0]["slug"])
    assert feature["properties"]["amount_msek"] is None


def test_amounts_are_plain_numbers(csv_rows, geojson):
    ptl = next(r for r in csv_rows if r["slug"] == "ptl-anodfabrik-torsboda")
    assert (ptl["amount_msek"], ptl["amount_year"], ptl["status"]) == ("13000", "2023", "avbruten")
    feature = next(f for f in geojson["features"] if f["id"] == "ptl-anodfabrik-torsboda")
    assert feature["properties"]["amount_msek"] == 13000


def test_cancelled_investments_are_in_the_data_with_their_note(csv_rows):
    cancelled = [r for r in csv_rows if r["status"] == "avbruten"]
    assert cancelled and all(r["status_label"] == "Avbruten" for r in cancelled)
    assert any(r["status_note"] for r in cancelled)


def test_the_files_are_the_same_every_build(site):
    first = [f.content for f in pages.all_files(site)]
    second = [f.content for f in pages.all_files(site)]
    assert first == second
