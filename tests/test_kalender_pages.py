"""The calendar's pages in a built site: listing, archive, event pages with JSON-LD, the start
page's next three events, municipality and actor pages, and the old /evenemang/ addresses."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from kalender_support import ROOT, SITE_URL, real_events

JSONLD = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.S)


def html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


def test_listing_groups_by_month_with_swedish_dates(fixture_build):
    page = article(html(fixture_build, "kalender"))
    months = re.findall(r'<h2 id="manad-[^"]+">([^<]+)</h2>', page)
    assert months == ["Mars 2027", "April 2027", "Maj 2027", "Juni 2027", "September 2027", "Oktober 2027"]
    assert '<time datetime="2027-03-02T07:30+01:00">tisdag 2 mars 2027, 07.30–09.00</time>' in page
    assert '<time datetime="2027-06-08">tisdag 8 – onsdag 9 juni 2027</time>' in page
    assert ">Inställt</span>" in page
    assert ">Sista anmälningsdag 26 februari 2027</span>" in page
    assert "<span class=\"uv-event__label\">Plats:</span> Digitalt" in page
    assert "<span class=\"uv-event__label\">Pris:</span> 500 kr exklusive moms" in page
    assert "9 kommande evenemang." in page


def test_listing_offers_every_feed_as_https_and_webcal(fixture_build):
    page = article(html(fixture_build, "kalender"))
    for path in ["kalender.ics"] + [f"kalender/{m}.ics" for m in
                                    ("ange", "harnosand", "kramfors", "ornskoldsvik", "solleftea", "sundsvall", "timra")]:
        assert f'href="{SITE_URL}{path}"' in page
        assert f'href="webcal://utvecklavasternorrland.se/{path}"' in page
        assert (fixture_build / path).exists()
    for app in ("Outlook", "Google Kalender", "Apples Kalender"):
        assert app in page


def test_event_page(fixture_build):
    page = article(html(fixture_build, "kalender/frukost-sundsvall"))
    assert "<h1>Frukostmöte om kompetensförsörjning i Sundsvall</h1>" in page
    assert "tisdag 2 mars 2027, 07.30–09.00" in page
    assert "Kulturmagasinet, Sjögatan 7, Sundsvall" in page
    assert 'href="https://www.openstreetmap.org/?mlat=62.39130&amp;mlon=17.30630#map=16/62.39130/17.30630"' in page
    assert '<a href="../../aktorer/naringsliv-sundsvall/">' in page
    assert 'href="https://example.org/anmalan/frukost">Anmäl dig' in page
    assert "Anmäl dig senast 26 februari 2027." in page
    assert "Kostnadsfritt" in page
    assert "Vi bjuder på frukost." in page  # the body
    assert 'href="../../kalender/frukost-sundsvall/frukost-sundsvall.ics" download>Lägg till i kalender</a>' in page
    assert "<iframe" not in page  # a map link, no embedded map


def test_online_and_cancelled_event_pages(fixture_build):
    online = article(html(fixture_build, "kalender/webbinarium-export"))
    assert 'Digitalt: <a href="https://example.org/webbinarium/export">' in online
    assert "openstreetmap" not in online
    cancelled = article(html(fixture_build, "kalender/installt-natverk-sundsvall"))
    assert "<strong>Inställt.</strong>" in cancelled
    assert "Lägg till i kalender" not in cancelled
    past = article(html(fixture_build, "kalender/avslutad-frukost-sundsvall"))
    assert "Evenemanget har redan ägt rum." in past and "Lägg till i kalender" not in past


def test_every_event_page_has_event_jsonld(fixture_build):
    slugs = [p.stem for p in (ROOT / "tests/fixtures/kalender/evenemang").glob("*.md")]
    for slug in slugs:
        page = html(fixture_build, f"kalender/{slug}")
        blocks = JSONLD.findall(page)
        assert len(blocks) == 1, slug
        data = json.loads(blocks[0])
        assert data["@type"] == "Event" and data["url"] == f"{SITE_URL}kalender/{slug}/"
        for key in ("startDate", "location", "eventStatus", "eventAttendanceMode", "organizer"):
            assert key in data, (slug, key)


def test_jsonld_with_script_tags_in_values_stays_inside_its_script(fixture_build):
    page = html(fixture_build, "kalender/specialtecken-ange")
    block = JSONLD.search(page).group(1)
    assert "</script" not in block.lower() and "<" not in block
    assert json.loads(block)["name"].startswith('Träff om "AI" & data </script>')
    assert "<script>alert(1)</script>" not in page  # escaped in the HTML too


def test_start_page_shows_the_next_three_events(fixture_build):
    page = article(html(fixture_build, "."))
    assert "uv:kalender-nasta" not in page
    titles = [unescape(t) for t in re.findall(r'<h3 class="uv-card__title"><a href="kalender/[^"]+">([^<]+)</a>', page)]
    assert titles == ["Frukostmöte om kompetensförsörjning i Sundsvall", "Nattöppet hackathon när klockan ställs fram",
                      "Vårkonferens på sommartidens första dag"]


def test_start_page_without_upcoming_events_says_so(county_site):
    page = article(html(county_site, "."))
    assert "Just nu finns inga kommande evenemang i kalendern." in page
    listing = article(html(county_site, "kalender"))
    assert "Just nu finns inga kommande evenemang i kalendern." in listing
    assert 'id="uv-filter"' not in listing  # nothing to filter
    assert f"Tidigare evenemang ({len(real_events())})" in listing


def test_municipality_page_lists_its_upcoming_events(fixture_build):
    page = article(html(fixture_build, "kommuner/sundsvall"))
    assert "<h2>Evenemang i Sundsvall</h2>" in page
    assert 'href="../../kalender/frukost-sundsvall/"' in page
    assert 'href="../../kalender/natt-over-omstallningen/"' in page
    assert "avslutad-frukost-sundsvall" not in page
    assert "webbinarium-export" not in page
    empty = article(html(fixture_build, "kommuner/solleftea"))
    assert "Just nu finns inga kommande evenemang i Sollefteå i kalendern." in empty


def test_actor_page_lists_the_events_it_organizes(fixture_build, county_site):
    page = article(html(fixture_build, "aktorer/naringsliv-sundsvall"))
    assert "Evenemang som Näringsliv och tillväxt i Sundsvalls kommun arrangerar" in page
    assert 'href="../../kalender/frukost-sundsvall/"' in page
    assert "<h3>Tidigare evenemang</h3>" in page and 'href="../../kalender/avslutad-frukost-sundsvall/"' in page
    real = article(html(county_site, "aktorer/region-vasternorrland"))
    assert 'href="../../kalender/rus-dagen-2023/"' in real


def test_archive_is_newest_first(county_site):
    page = article(html(county_site, "kalender/arkiv"))
    slugs = re.findall(r'<h3 class="uv-card__title"><a href="../../kalender/([^/]+)/">', page)
    starts = {slug: str(event.start) for slug, event in real_events().items()}
    assert sorted(slugs) == sorted(starts)
    assert [starts[s] for s in slugs] == sorted(starts.values(), reverse=True)
    years = sorted({start[:4] for start in starts.values()}, reverse=True)
    assert re.findall(r'<h2 id="ar-\d+">(\d+)</h2>', page) == years


def test_contract_addresses_redirect_to_the_calendar(county_site):
    redirect = (county_site / "evenemang" / "rus-dagen-2023" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../../kalender/rus-dagen-2023/">' in redirect
    assert f'<link rel="canonical" href="{SITE_URL}kalender/rus-dagen-2023/">' in redirect
    assert (county_site / "evenemang" / "index.html").exists()


def test_kalender_is_in_the_main_navigation(county_site):
    assert re.search(r'<a href="kalender/" class="md-tabs__link">\s*Kalender\s*</a>', html(county_site, "."))
