""""Passar det här mig?": what an offer says about the visitor's choices in the finder.

The finder's choices (municipality, company size, stage, sector) travel to the offer page in
its address (?kommun=ange&storlek=sma, the finder's own parameters). For each of them the
offer page carries, from the offer's own fields, the ids it applies to and two sentences: one
for a choice the offer covers and one for a choice it does not ("Gäller bara Sollefteå och
Ånge", "För företag med högst 49 anställda"). docs/assets/js/passar.js shows the sentences
for the choices made. A field the offer leaves out means "all" for municipalities and
sectors (the contract says so) and "not stated" for sizes and stages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.site import Site
from ..content.swedish import and_list
from .cards import aid_level_rows

# EU size classes (vocabulary foretagsstorlekar): the most employees a company of each may have.
MAX_EMPLOYEES = {"mikro": 9, "sma": 49, "medelstora": 249}


@dataclass(frozen=True)
class FitRule:
    param: str          # the finder's URL parameter
    name: str           # what the choice is called on the page
    ids: tuple[str, ...]  # the ids the offer applies to; empty: see `unstated`
    yes: str            # shown when the visitor's choice is among the ids (or the offer applies to all)
    no: str             # shown when it is not
    unstated: bool = False  # True: the offer does not say (no answer either way)
    # For some choices a sentence more: what applies in each municipality, from the offer's
    # levels by aid area (views.aid_level_rows), e.g. {"ange": "Stödområde 1: Små företag: …"}.
    details: tuple[tuple[str, str], ...] = ()


def size_phrase(site: Site, sizes: tuple[str, ...]) -> str | None:
    """'För företag med högst 49 anställda' when the sizes run from the smallest up; None when
    every size may apply."""
    order = list(site.taxonomy.get("foretagsstorlekar", {}))
    chosen = [s for s in order if s in sizes]
    if not chosen or chosen == order:
        return None
    if chosen == order[:len(chosen)] and chosen[-1] in MAX_EMPLOYEES:
        return f"För företag med högst {MAX_EMPLOYEES[chosen[-1]]} anställda"
    return "Bara för " + and_list([lower_first(site.label("foretagsstorlekar", s)) for s in chosen])


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def fit_rules(site: Site, offer) -> list[FitRule]:
    def names(vocabulary: str, ids) -> str:
        return and_list([site.label(vocabulary, i) for i in ids])

    places = [e.data.title for e in site.entries.get("kommuner", ()) if e.slug in offer.municipalities]
    levels = tuple((row.slug, f"I {row.municipality}: {row.text}") for row in aid_level_rows(site, offer))
    rules = [
        FitRule("kommun", "Kommun", tuple(offer.municipalities),
                f"Gäller {and_list(places)}, där ditt företag finns." if places else "Gäller hela länet, också din kommun.",
                f"Gäller bara {and_list(places)}." if places else "", details=levels),
    ]
    phrase = size_phrase(site, tuple(offer.company_sizes)) if offer.company_sizes else None
    if offer.company_sizes and phrase is None:
        rules.append(FitRule("storlek", "Företagsstorlek", (), "Gäller företag av alla storlekar.", ""))
    elif offer.company_sizes:
        rules.append(FitRule("storlek", "Företagsstorlek", tuple(offer.company_sizes), f"{phrase}: ditt företag kan söka.", f"{phrase}."))
    else:
        rules.append(FitRule("storlek", "Företagsstorlek", (), "Erbjudandet anger ingen gräns för företagets storlek.", "", unstated=True))
    stages = [site.label("skeden", s) for s in offer.stages]
    if stages:
        rules.append(FitRule("skede", "Skede", tuple(offer.stages), f"Gäller skedena {lower_first(and_list(stages))}, också ditt." if len(stages) > 1 else f"Gäller skedet {lower_first(stages[0])}.",
                             f"Passar bara skedena {lower_first(and_list(stages))}."))
    else:
        rules.append(FitRule("skede", "Skede", (), "Erbjudandet anger inget särskilt skede.", "", unstated=True))
    rules.append(FitRule("bransch", "Bransch", tuple(offer.sectors),
                         "Gäller din bransch." if offer.sectors else "Gäller alla branscher.",
                         f"Gäller bara branscherna {lower_first(names('sektorer', offer.sectors))}." if offer.sectors else ""))
    return rules
