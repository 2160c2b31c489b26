"""The generated pages: for every listing and every item, where it goes and how it renders.

A PageSpec is independent of the site generator. The MkDocs adapter turns each into a
virtual Markdown file (title, description and the item's body) and, once the body has
become HTML, swaps in `render(body_html)` as the page's content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import views
from .render import render
from .site import Entry, Site


@dataclass(frozen=True)
class PageSpec:
    src_uri: str  # e.g. "stod/almi-mikrolan.md" → /stod/almi-mikrolan/
    title: str
    description: str
    source_path: str | None  # file an editor changes, for "Redigera sidan"
    body: str  # Markdown for the generator to turn into HTML
    render: Callable[[str], str]  # body HTML → the page's full content HTML
    hide: tuple[str, ...] = field(default=("toc",))
    searchable: bool = True  # False where every card duplicates a page that is indexed itself


def _base(src_uri: str) -> str:
    depth = src_uri.count("/") + (0 if src_uri.endswith("index.md") else 1)
    return "../" * depth


def _item_page(entry: Entry, template: str, site: Site, **context) -> PageSpec:
    src_uri = f"{entry.collection}/{entry.slug}.md"
    base = _base(src_uri)
    return PageSpec(
        src_uri=src_uri, title=entry.data.title, description=entry.data.summary,
        source_path=entry.path, body=entry.body,
        render=lambda body_html: render(template, site=site, entry=entry, item=entry.data, base=base,
                                        body_html=body_html, **context),
    )


def _listing(src_uri: str, title: str, description: str, template: str, site: Site, searchable: bool = True,
             **context) -> PageSpec:
    base = _base(src_uri)
    return PageSpec(
        src_uri=src_uri, title=title, description=description, source_path=None, body="",
        render=lambda body_html: render(template, site=site, base=base, title=title, description=description,
                                        **context),
        hide=("toc", "navigation"), searchable=searchable,
    )


def offer_pages(site: Site) -> list[PageSpec]:
    cards = views.all_offer_cards(site)
    specs = [_listing(
        "stod/index.md", "Stöd och finansiering",
        "Bidrag, lån, rådgivning och nätverk för företag i Västernorrland – från alla aktörer på ett ställe. "
        "Filtrera på typ, skede, bransch och kommun.",
        "stod_list.html", site, searchable=False, cards=cards, facets=views.facet_options(site, cards),
    )]
    for card in cards:
        entry = card.entry
        specs.append(_item_page(entry, "stod_item.html", site, card=card,
                                provider=site.get("aktorer", entry.data.provider),
                                related=views.related_offers(site, entry)))
    return specs


def actor_pages(site: Site) -> list[PageSpec]:
    actors = site.entries.get("aktorer", ())
    specs = [_listing(
        "aktorer/index.md", "Aktörer",
        "Organisationer som hjälper företag i Västernorrland med finansiering, rådgivning, nätverk och etablering.",
        "aktor_list.html", site, actors=actors,
        offer_counts={e.slug: len(views.offers_by_provider(site, e.slug)) for e in actors},
    )]
    for entry in actors:
        specs.append(_item_page(entry, "aktor_item.html", site, offers=views.offers_by_provider(site, entry.slug)))
    return specs


def municipality_pages(site: Site) -> list[PageSpec]:
    municipalities = site.entries.get("kommuner", ())
    specs = [_listing(
        "kommuner/index.md", "Kommuner",
        "Länets sju kommuner: näringslivskontor, kontaktuppgifter och stöd för företag i just din kommun.",
        "kommun_list.html", site, municipalities=municipalities,
    )]
    for entry in municipalities:
        specs.append(_item_page(entry, "kommun_item.html", site,
                                offers=views.offers_for_municipality(site, entry.slug),
                                actors=views.actors_for_municipality(site, entry.slug)))
    return specs


def all_pages(site: Site) -> list[PageSpec]:
    return offer_pages(site) + actor_pages(site) + municipality_pages(site)


def embeds(site: Site, src_uri: str) -> dict[str, str]:
    """Fragments that hand-written pages can place with a marker `<!-- uv:name -->`."""
    base = _base(src_uri)
    return {
        "stod-stanger-snart": render("embed_closing_soon.html", cards=views.closing_soonest(site), base=base,
                                     site=site),
    }
