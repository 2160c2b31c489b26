""""Passar det här mig?" from an offer's own fields (fit.py); the browser side is in
test_browser_passar.py."""

from __future__ import annotations

import datetime as dt

from conftest import COUNTY
from utveckla.content.validate import load_site
from utveckla.views import fit


def rules_of(slug: str) -> dict[str, fit.FitRule]:
    site, _ = load_site(COUNTY.parent, dt.date(2026, 11, 22))
    return {rule.param: rule for rule in fit.fit_rules(site, site.get("stod", slug).data)}


def test_a_level_that_depends_on_the_aid_area_is_told_for_the_chosen_municipality():
    rule = rules_of("regionalt-investeringsstod")["kommun"]
    details = dict(rule.details)
    assert details["ange"].startswith("I Ånge: ") and details["sundsvall"].startswith("I Sundsvall: ")
    assert details["ange"] != details["sundsvall"].replace("Sundsvall", "Ånge")  # area 1 and area 2 differ


def test_sizes_from_the_smallest_up_are_said_as_a_number_of_employees():
    site, _ = load_site(COUNTY.parent, dt.date(2026, 11, 22))
    assert fit.size_phrase(site, ("mikro",)) == "För företag med högst 9 anställda"
    assert fit.size_phrase(site, ("mikro", "sma", "medelstora")) == "För företag med högst 249 anställda"
    assert fit.size_phrase(site, ("mikro", "sma", "medelstora", "stora")) is None
    assert fit.size_phrase(site, ("stora",)) == "Bara för stora företag (250 anställda eller fler)"
