"""The generated pages: for every listing and every item, where it goes and how it renders.

A PageSpec is independent of the site generator. The MkDocs adapter turns each into a
virtual Markdown file (title, description and the item's body) and, once the body has
become HTML, swaps in `render(body_html)` as the page's content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import investments, mapdata, mapview, views
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


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the site root, e.g. "investeringar.geojson"
    content: str | bytes


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


def _listing(src_uri: str, title: str, description: str, template: str, site: Site, **context) -> PageSpec:
    base = _base(src_uri)
    return PageSpec(
        src_uri=src_uri, title=title, description=description, source_path=None, body="",
        render=lambda body_html: render(template, site=site, base=base, title=title, description=description,
                                        **context),
        hide=("toc", "navigation"),
    )


def offer_pages(site: Site) -> list[PageSpec]:
    cards = views.all_offer_cards(site)
    specs = [_listing(
        "stod/index.md", "Stöd och finansiering",
        "Bidrag, lån, rådgivning och nätverk för företag i Västernorrland – från alla aktörer på ett ställe. "
        "Filtrera på typ, skede, bransch och kommun.",
        "stod_list.html", site, cards=cards, facets=views.facet_options(site, cards),
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


def municipality_pages(site: Site, map_settings: mapview.MapSettings = mapview.MapSettings()) -> list[PageSpec]:
    municipalities = site.entries.get("kommuner", ())
    specs = [_listing(
        "kommuner/index.md", "Kommuner",
        "Länets sju kommuner: näringslivskontor, kontaktuppgifter och stöd för företag i just din kommun.",
        "kommun_list.html", site, municipalities=municipalities,
    )]
    for entry in municipalities:
        rows = investments.investments_in(site, entry.slug)
        base = _base(f"kommuner/{entry.slug}.md")
        specs.append(_item_page(entry, "kommun_item.html", site,
                                offers=views.offers_for_municipality(site, entry.slug),
                                actors=views.actors_for_municipality(site, entry.slug),
                                investments=rows, map_assets=mapview.assets_html(base),
                                map=mapview.map_html(rows, f"karta-{entry.slug}", f"Karta över investeringar i {entry.data.title}",
                                                     base, map_settings, size="small") if rows else ""))
    return specs


def investment_pages(site: Site, map_settings: mapview.MapSettings = mapview.MapSettings()) -> list[PageSpec]:
    """The investment map (/investeringar/) and a page per investment."""
    rows = investments.all_investments(site)
    base = _base("investeringar/index.md")
    specs = [_listing(
        "investeringar/index.md", "Investeringar i Västernorrland",
        "Stora investeringar i Västernorrland på en karta och i en tabell: planerade, pågående, klara, "
        "pausade och avbrutna. Med nyckeltal och öppna data.",
        "investering_list.html", site, rows=rows, figures=investments.key_figures(site, rows),
        facets=investments.facet_options(site, rows),
        legend=mapview.legend(rows, site.taxonomy.get("sektorer", {})),
        map_assets=mapview.assets_html(base),
        map=mapview.map_html(rows, "karta", "Karta över investeringar i Västernorrland", base, map_settings,
                             follow_filter=True),
        columns=mapdata.COLUMNS, geojson_path=mapdata.GEOJSON_PATH, csv_path=mapdata.CSV_PATH,
        licence_name=mapdata.LICENCE_NAME, licence_url=mapdata.LICENCE_URL,
    )]
    for row in rows:
        item_base = _base(f"investeringar/{row.slug}.md")
        specs.append(_item_page(
            row.entry, "investering_item.html", site, row=row,
            support=investments.support_for_investment(site, row),
            map_assets=mapview.assets_html(item_base),
            map=mapview.map_html([row], f"karta-{row.slug}", f"Karta: var {row.title} ligger", item_base, map_settings,
                                 zoom=10, size="small"),
        ))
    return specs


def investment_files(site: Site, site_url: str) -> list[OutputFile]:
    """The open data downloads, from the same rows as the investment map."""
    rows = investments.all_investments(site)
    return [OutputFile(mapdata.GEOJSON_PATH, mapdata.geojson(rows, site_url)),
            OutputFile(mapdata.CSV_PATH, mapdata.csv_text(rows, site_url))]


def all_pages(site: Site, site_url: str = "/",
              map_settings: mapview.MapSettings = mapview.MapSettings()) -> list[PageSpec]:
    """map_settings (mkdocs.yml: tiles_url, tiles_attribution) for every map on the site."""
    return (offer_pages(site) + actor_pages(site) + municipality_pages(site, map_settings)
            + investment_pages(site, map_settings))


def all_files(site: Site, site_url: str = "/") -> list[OutputFile]:
    """Files of the site that are not pages."""
    return investment_files(site, site_url)


def embeds(site: Site, src_uri: str) -> dict[str, str]:
    """Fragments that hand-written pages can place with a marker `<!-- uv:name -->`."""
    base = _base(src_uri)
    return {
        "stod-stanger-snart": render("embed_closing_soon.html", cards=views.closing_soonest(site), base=base,
                                     site=site),
    }
