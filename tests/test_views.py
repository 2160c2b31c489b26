"""Offer statuses, ordering and which offers each page lists."""

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from utveckla.content.validate import load_site
from utveckla.views import cards

TODAY = dt.date(2026, 11, 22)
D = dt.date


def offer(opens=None, deadline=None, application=None, rounds=(), note=None):
    return SimpleNamespace(opens=opens, deadline=deadline, application=application,
                           rounds=[SimpleNamespace(opens=o, deadline=d, name=None) for o, d in rounds],
                           application_note=note)


@pytest.mark.parametrize("opens, deadline, application, expected_id, expected_label", [
    (None, None, "lopande", "lopande", "Löpande"),
    (None, None, None, "okand", "Ansökningstid saknas"),  # no longer "apply at any time"
    (None, D(2026, 11, 22), None, "stanger-snart", "Stänger snart"),
    (None, D(2026, 12, 22), None, "stanger-snart", "Stänger snart"),  # exactly 30 days left
    (None, D(2026, 12, 23), None, "oppen", "Öppen"),
    (None, D(2026, 11, 21), None, "stangd", "Stängd"),
    (None, D(2026, 11, 21), "lopande", "stangd", "Stängd"),  # continuous until a final day that has passed
    (D(2026, 12, 1), D(2027, 1, 31), None, "oppnar", "Öppnar 1 december 2026"),
    (D(2026, 11, 22), None, "lopande", "lopande", "Löpande"),  # opens today: open now
    (None, None, "pausad", "pausad", "Pausad"),
    (None, D(2027, 1, 31), "stangd", "stangd", "Stängd"),
    (None, None, "omgangar", "mellan-omgangar", "Ingen öppen omgång"),
    (None, D(2026, 9, 30), "omgangar", "mellan-omgangar", "Ingen öppen omgång"),
])
def test_offer_status_against_build_date(opens, deadline, application, expected_id, expected_label):
    status = cards.offer_status(offer(opens, deadline, application), TODAY)
    assert (status.id, status.label) == (expected_id, expected_label)


def test_rounds_decide_the_status_of_a_round_based_offer():
    rounds = [(D(2026, 3, 1), D(2026, 4, 15)), (D(2026, 11, 1), D(2026, 12, 10)), (D(2027, 3, 1), D(2027, 4, 15))]
    status = cards.offer_status(offer(application="omgangar", rounds=rounds), TODAY)
    assert (status.id, status.deadline) == ("stanger-snart", D(2026, 12, 10))
    status = cards.offer_status(offer(application="omgangar", rounds=rounds[:1] + rounds[2:]), TODAY)
    assert (status.id, status.opens) == ("oppnar", D(2027, 3, 1))
    status = cards.offer_status(offer(application="omgangar", rounds=rounds[:1], note="Följ Vinnovas utlysningar."),
                                TODAY, "Vinnova")
    assert status.id == "mellan-omgangar"
    assert "15 april 2026" in status.detail and "Följ Vinnovas utlysningar." in status.detail
    assert "när som helst" not in status.detail


def test_status_detail_counts_days():
    assert cards.offer_status(offer(None, D(2026, 11, 23)), TODAY).detail == \
        "Sista ansökningsdag är 23 november 2026, i morgon."
    assert cards.offer_status(offer(None, D(2026, 12, 2)), TODAY).detail == \
        "Sista ansökningsdag är 2 december 2026, om 10 dagar."


def test_swedish_formats():
    assert cards.swedish_date(D(2026, 12, 3), weekday=True) == "torsdag 3 december 2026"
    assert cards.swedish_number(250000) == "250\u00a0000"
    assert cards.swedish_number(12.5) == "12,5"


@pytest.fixture(scope="module")
def site():
    site, diagnostics = load_site(Path(__file__).parent / "fixtures", TODAY)
    assert diagnostics == []
    return site


def test_drafts_are_not_published(site):
    assert [c.entry.slug for c in cards.all_offer_cards(site) if c.entry.slug == "utkast"] == []


def test_listing_order_applicable_first_closed_last(site):
    order = [c.entry.slug for c in cards.all_offer_cards(site)]
    assert order == ["lan-sundsvall", "lan-timra", "lan-hela-lanet", "radgivning-oppnar", "bidrag-stangt"]


def test_municipality_gets_its_own_and_county_wide_offers_not_closed(site):
    assert {c.entry.slug for c in cards.offers_for_municipality(site, "sundsvall")} == \
        {"lan-sundsvall", "lan-hela-lanet", "radgivning-oppnar"}
    assert {c.entry.slug for c in cards.offers_for_municipality(site, "timra")} == \
        {"lan-timra", "lan-hela-lanet", "radgivning-oppnar"}


def test_closing_soonest_lists_future_deadlines_only(site):
    assert [c.entry.slug for c in cards.closing_soonest(site)] == ["lan-sundsvall", "lan-timra"]


def test_related_offers_same_type_first(site):
    entry = site.get("stod", "lan-sundsvall")
    assert [c.entry.slug for c in cards.related_offers(site, entry)] == ["lan-timra", "lan-hela-lanet"]


def test_amount_text(site):
    card = next(c for c in cards.all_offer_cards(site) if c.entry.slug == "bidrag-stangt")
    assert card.amount == "Upp till 40 procent av kostnaden"
    card = next(c for c in cards.all_offer_cards(site) if c.entry.slug == "lan-hela-lanet")
    assert card.amount == "Upp till 250\u00a0000 kronor"


def test_facets_only_offer_used_choices(site):
    facets = cards.facet_options(site, cards.all_offer_cards(site))
    assert [value for value, _ in facets["typ"]] == ["bidrag", "lan", "radgivning"]
    assert facets["kommun"] == [("sundsvall", "Sundsvall"), ("timra", "Timrå")]


def test_an_offers_municipalities_read_in_swedish_order_whatever_the_file_says():
    import dataclasses

    from conftest import COUNTY
    site, _ = load_site(COUNTY.parent, TODAY)
    entry = site.entries["stod"][0]
    entry = dataclasses.replace(entry, data=entry.data.model_copy(
        update={"municipalities": ["ornskoldsvik", "ange", "timra", "harnosand"]}))
    card = cards.offer_card(site, entry)
    assert card.municipality_labels == ("Härnösand", "Timrå", "Ånge", "Örnsköldsvik")
