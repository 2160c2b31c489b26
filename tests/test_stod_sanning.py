"""What the site says about when, for whom and whom to call, built from a fixture with every case.

A fixture site gets one offer per application mode (continuous, a round open now, rounds with
none announced, paused, closed, and one that says nothing), company sizes, levels by aid area
and municipalities in both aid areas; the tests read the built pages as a visitor would.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, make_project, run_build

OFFER = """---
title: {title}
summary: Ett stöd för att testa ansökningstider.
provider: almi
type: bidrag
{extra}url: https://www.almi.se/{slug}
reviewed: 2026-11-01
---
"""

OFFERS = {
    "omgang-oppen": ("Bidrag med öppen omgång", "application: omgangar\nrounds:\n  - name: Hösten 2026\n"
                     "    opens: 2026-11-01\n    deadline: 2026-12-10\n  - opens: 2026-03-01\n    deadline: 2026-04-15\n"),
    "omgang-ingen": ("Bidrag utan utannonserad omgång", "application: omgangar\nrounds:\n  - opens: 2026-03-01\n"
                     "    deadline: 2026-04-15\napplication_note: Nästa utlysning annonseras på Almis webbplats.\n"),
    "pausat": ("Pausat bidrag", "application: pausad\n"),
    "avslutat": ("Avslutat bidrag", "application: stangd\n"),
    "okant": ("Bidrag utan uppgift om ansökan", ""),
    "investeringsstod": ("Regionalt investeringsstöd i test", "application: lopande\ncompany_sizes: [mikro, sma]\n"
                         "aid_levels:\n  - area: 1\n    text: 'Små företag: upp till 40 procent'\n"
                         "  - area: 2\n    text: 'Små företag: upp till 30 procent'\n"),
}

ANGE = """---
title: Ånge
summary: Inlandskommun i länets västra del.
website: https://www.ange.se
business_office:
  name: Näringslivet i Ånge
  url: https://www.ange.se/naringsliv
  phone: 0690-250 100
  email: naringsliv@ange.example.se
  opening_hours: Vardagar 8–16
location:
  lat: 62.52
  lon: 15.66
aid_area: 1
reviewed: 2026-11-01
---
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("sanning"), FIXTURES / "content")
    for slug, (title, extra) in OFFERS.items():
        (project / "content" / "stod" / f"{slug}.md").write_text(OFFER.format(title=title, extra=extra, slug=slug),
                                                                  encoding="utf-8")
    (project / "content" / "kommuner" / "ange.md").write_text(ANGE, encoding="utf-8")
    for slug in ("sundsvall", "timra"):
        path = project / "content" / "kommuner" / f"{slug}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("reviewed:", "aid_area: 2\nreviewed:"), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def when_section(html: str) -> str:
    return text(html.split('id="nar-kan-jag-soka"', 1)[1].split("<h2", 1)[0])


def offer_json(html: str) -> dict:
    [data] = [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    return data


@pytest.mark.parametrize("slug, status, words", [
    ("lan-hela-lanet", "lopande", "Du kan ansöka när som helst"),
    ("omgang-oppen", "stanger-snart", "Sista ansökningsdag är 10 december 2026"),
    ("omgang-ingen", "mellan-omgangar", "ingen ny omgång är utannonserad"),
    ("pausat", "pausad", "tar inte emot ansökningar just nu"),
    ("avslutat", "stangd", "går inte längre att söka"),
    ("okant", "okand", "Uppgift saknas om när du kan ansöka"),
])
def test_each_application_mode_on_page_card_and_in_json_ld(site, slug, status, words):
    html = page(site, f"stod/{slug}")
    assert f"uv-badge--{status}" in html
    assert words in when_section(html)
    if status != "lopande":
        assert "när som helst" not in text(html)  # only a continuous offer says so
    listing = page(site, "stod")
    card = re.search(rf'<li class="uv-card"[^>]*>\s*<h[23] class="uv-card__title"><a href="(?:\.\./stod/)?{slug}/"', listing)
    assert card and f'data-status="{status}"' in card.group()
    availability = offer_json(html).get("offers", {}).get("availability")
    expected = {"lopande": "InStock", "stanger-snart": "LimitedAvailability", "mellan-omgangar": "OutOfStock",
                "pausad": "OutOfStock", "stangd": "Discontinued", "okand": None}[status]
    assert availability == (f"https://schema.org/{expected}" if expected else None)


def test_rounds_are_listed_and_the_announced_next_one_named(site):
    section = when_section(page(site, "stod/omgang-oppen"))
    assert "Hösten 2026: 1 november 2026–10 december 2026" in section
    assert "1 mars 2026–15 april 2026 (stängd)" in section
    assert "Nästa utlysning annonseras på Almis webbplats." in when_section(page(site, "stod/omgang-ingen"))


def test_every_status_option_matches_an_offer(site):
    listing = page(site, "stod")
    select = listing.split('id="uv-status"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="([a-z-]+)">', select)
    used = set(re.findall(r'<li class="uv-card"[^>]*data-status="([a-z-]+)"', listing))
    assert options and set(options) == used


def test_company_size_filters_and_shows(site):
    listing = page(site, "stod")
    select = listing.split('id="uv-storlek"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'<option value="([a-z]+)">', select) == ["mikro", "sma"]
    assert 'data-sizes="mikro sma"' in listing
    assert "Företagsstorlek Mikroföretag (färre än 10 anställda), Små företag (färre än 50 anställda)" in \
        text(page(site, "stod/investeringsstod"))


def test_the_offer_page_answers_for_each_municipality(site):
    html = page(site, "stod/investeringsstod")
    table = text(html.split('id="i-min-kommun"', 1)[1].split("</table>", 1)[0])
    assert "Ånge 1 Små företag: upp till 40 procent" in table
    assert "Timrå 2 Små företag: upp till 30 procent" in table


def test_the_municipality_page_gives_its_aid_area_and_the_level(site):
    ange = text(page(site, "kommuner/ange"))
    assert "Ånge ligger i stödområde 1" in ange
    assert "Regionalt investeringsstöd i test : Små företag: upp till 40 procent" in ange


def test_business_office_contacts_are_tappable(site):
    html = page(site, "kommuner/ange")
    assert '<a href="tel:0690250100">0690-250 100</a>' in html
    assert '<a href="mailto:naringsliv@ange.example.se">' in html
    assert "Öppettider: Vardagar 8–16" in text(html)
    data = [json.loads(b) for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    assert data[0]["telephone"] == "+46690250100"
    assert "Telefon: uppgift saknas" in text(page(site, "kommuner/timra"))  # e-mail only


@pytest.mark.parametrize("path, line", [
    ("", "Medfinansieras av Europeiska unionen"), ("stod", "Medfinansieras av Europeiska unionen"),
    ("kommuner/ange", "Medfinansieras av Europeiska unionen"), ("en", "Co-funded by the European Union"),
])
def test_every_footer_shows_the_eu_emblem_and_the_co_funding_line(site, path, line):
    footer = page(site, path).split('class="md-copyright uv-footer"', 1)[1]
    assert 'src="' in footer.split("</p>")[0] and "eu-emblem.svg" in footer.split("</p>")[0]
    assert line in footer


@pytest.mark.parametrize("path", ["om", "tillganglighet", "stod"])
def test_the_site_contact_is_on_om_the_accessibility_statement_and_the_footer(site, path):
    contact = (FIXTURES.parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    email = re.search(r"email: (\S+@\S+)", contact.split("contact:", 1)[1]).group(1)
    assert f'href="mailto:{email}"' in page(site, path)


def test_municipalities_sort_the_swedish_way_in_selects_and_lists(site):
    listing = page(site, "stod")
    select = listing.split('id="uv-kommun"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'<option value="([a-z]+)">', select) == ["sundsvall", "timra", "ange"]  # Å after Z
    municipalities = page(site, "kommuner")
    assert municipalities.index("Timrå") < municipalities.index("Ånge")


def test_editors_notes_are_never_published_and_hedges_are_refused(tmp_path):
    import datetime as dt

    from utveckla.content.validate import load_site

    project = make_project(tmp_path, FIXTURES / "content")
    offer = project / "content" / "stod" / "lan-timra.md"
    note = "Beloppet framgår inte av vårt underlag; kontrollera med Almi."
    offer.write_text(offer.read_text(encoding="utf-8").replace("reviewed:", f"notes: {note}\nreviewed:"), encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    built = [p for p in (project / "site").rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".ics", ".json", ".csv")]
    # The phrases the issue found on the live site, the editors' guide included.
    hedges = ("framgår inte av vårt underlag", "vi vet inte säkert", "uppgifterna i vårt underlag är från")
    assert not [p for p in built if any(h in p.read_text(encoding="utf-8", errors="ignore").lower() for h in hedges)]
    offer.write_text(offer.read_text(encoding="utf-8").replace("summary: Ett lån bara för företag i Timrå.",
                                                               "summary: Ett lån. Beloppet framgår inte av vårt underlag."),
                     encoding="utf-8")
    _, diagnostics = load_site(project, dt.date(2026, 11, 22))
    assert [(d.field, d.code) for d in diagnostics] == [("summary", "intern-anteckning")]


def test_make_stale_lists_items_with_notes(tmp_path):
    import datetime as dt

    from utveckla.content.validate import load_site
    from utveckla.views.freshness import stale_items

    project = make_project(tmp_path, FIXTURES / "content")
    offer = project / "content" / "stod" / "lan-timra.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("reviewed:", "notes: Kontrollera räntan.\nreviewed:"),
                     encoding="utf-8")
    site, _ = load_site(project, dt.date(2026, 11, 22))
    assert [(item.path, item.reason) for item in stale_items(site) if "anteckning" in item.reason] == \
        [("content/stod/lan-timra.md", "anteckning: Kontrollera räntan.")]
