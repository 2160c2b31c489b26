"""The open-data catalogue (DCAT-AP-SE, JSON-LD) and /oppna-data/ on the built county sample.

The catalogue is checked the way a harvester reads it: every dataset and distribution has the
properties DCAT-AP-SE requires or recommends, and every file it points at is in the site.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ROOT, axe_violations

SITE_URL = "https://utvecklavasternorrland.se/"
CC0 = "http://publications.europa.eu/resource/authority/licence/CC0"
MEDIA_TYPES = {".geojson": "application/geo+json", ".csv": "text/csv", ".ics": "text/calendar",
               ".xml": "application/atom+xml"}


@pytest.fixture(scope="module")
def catalogue(county_site) -> dict:
    return json.loads((county_site / "oppna-data" / "katalog.jsonld").read_text(encoding="utf-8"))


def site_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / urlsplit(url).path.lstrip("/")


def languages(values) -> dict[str, str]:
    return {value["@language"]: value["@value"] for value in values}


def contact() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["extra"]["contact"]


def test_the_catalogue_is_a_dcat_catalogue_with_the_three_datasets(catalogue):
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert set(languages(catalogue["dct:title"])) == {"sv", "en"}
    assert catalogue["dct:publisher"]["foaf:name"]["@value"] == contact()["name"]
    titles = {languages(d["dct:title"])["sv"] for d in catalogue["dcat:dataset"]}
    assert titles == {"Investeringar i Västernorrland", "Evenemang för företag i Västernorrland",
                      "Nyheter från Utveckla Västernorrland"}


def test_every_dataset_has_the_properties_dcat_ap_se_asks_for(catalogue):
    for dataset in catalogue["dcat:dataset"]:
        name = dataset["@id"]
        assert dataset["@type"] == "dcat:Dataset"
        for field in ("dct:title", "dct:description"):
            texts = languages(dataset[field])
            assert set(texts) == {"sv", "en"} and all(texts.values()), (name, field)
        assert dataset["dct:publisher"]["@type"] == "foaf:Agent", name
        assert dataset["dct:publisher"]["dct:type"]["@id"].startswith("http://purl.org/adms/publishertype/")
        point = dataset["dcat:contactPoint"]
        assert point["vcard:fn"] == contact()["name"]
        assert point["vcard:hasEmail"]["@id"] == f"mailto:{contact()['email']}"
        labels = [label["@value"] for place in dataset["dct:spatial"] for label in place.get("skos:prefLabel", [])]
        assert "Västernorrlands län" in labels, name
        assert dataset["dct:accrualPeriodicity"]["@id"].startswith(
            "http://publications.europa.eu/resource/authority/frequency/"), name
        assert dataset["dcat:theme"]["@id"].startswith("http://publications.europa.eu/resource/authority/data-theme/")
        assert dataset["dcat:keyword"], name
        assert dataset["dcat:distribution"], name


def test_every_distribution_is_cc0_with_its_media_type_and_a_file_in_the_site(catalogue, county_site):
    seen = 0
    for dataset in catalogue["dcat:dataset"]:
        for dist in dataset["dcat:distribution"]:
            seen += 1
            assert dist["@type"] == "dcat:Distribution"
            assert set(languages(dist["dct:title"])) == {"sv", "en"}
            assert dist["dct:license"]["@id"] == CC0
            download = dist["dcat:downloadURL"]["@id"]
            assert dist["dcat:accessURL"]["@id"] == download
            path = site_file(county_site, download)
            assert path.is_file(), f"{download} finns inte i den byggda webbplatsen"
            assert path.stat().st_size > 0
            assert dist["dcat:mediaType"]["@id"] == \
                f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[path.suffix]}", download
            assert site_file(county_site, dataset["dcat:landingPage"]["@id"]).joinpath("index.html").is_file()
    # Investments (2), the news feed (1) and the calendar: the county feed and one per municipality (8).
    assert seen == 11


def test_every_calendar_feed_of_the_site_is_in_the_catalogue(catalogue, county_site):
    """The catalogue comes from the same source as the feeds: a feed the site writes is listed."""
    listed = {urlsplit(d["dcat:downloadURL"]["@id"]).path.lstrip("/")
              for dataset in catalogue["dcat:dataset"] for d in dataset["dcat:distribution"]}
    feeds = {"kalender.ics"} | {f"kalender/{p.name}" for p in (county_site / "kalender").glob("*.ics")}
    # Single events have their own .ics files under kalender/<slug>/; those are not feeds.
    assert feeds <= listed


def test_the_open_data_page_lists_every_distribution_and_the_catalogue(catalogue, county_site):
    page = (county_site / "oppna-data" / "index.html").read_text(encoding="utf-8")
    for dataset in catalogue["dcat:dataset"]:
        assert languages(dataset["dct:title"])["sv"] in page
        for dist in dataset["dcat:distribution"]:
            relative = "../" + urlsplit(dist["dcat:downloadURL"]["@id"]).path.lstrip("/")
            assert f'href="{relative}"' in page, relative
    assert 'href="../oppna-data/katalog.jsonld"' in page
    start = (county_site / "index.html").read_text(encoding="utf-8")
    assert 'href="oppna-data/"' in start, "sidfoten ska länka till Öppna data"


@pytest.mark.browser
def test_the_open_data_page_passes_axe_and_asks_no_other_host(page_at, county_url):
    page = page_at()
    page.goto(county_url + "oppna-data/")
    assert page.locator("h1").inner_text() == "Öppna data"
    assert axe_violations(page) == []
    assert page.foreign_requests == []
