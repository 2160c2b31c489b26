"""The generated pages: for every listing and every item, where it goes and how it renders.

Each page is a PageSpec (pagespec.py). An item's render sanitises the body HTML first
(sanitize.py), so no generator can place a body in a page unsanitised.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..content import amounts, news, paging, results
from ..content.images import docs_path, page_relative_body
from ..content.site import Entry, Site
from ..views import cards, english, events, fit, investments
from . import atom, catalogue, charts, ical, jsonld, mapdata, mapview, searchwords, sitefiles
from .pagespec import OutputFile, PageSpec
from .render import render
from .sanitize import sanitize

# The map with the default tile server, for callers that do not configure one (frozen, so one is enough).
DEFAULT_MAP = mapview.MapSettings()


def _base(src_uri: str) -> str:
    depth = src_uri.count("/") + (0 if src_uri.endswith("index.md") else 1)
    return "../" * depth


def _item_page(entry: Entry, template: str, site: Site, src_uri: str | None = None, **context) -> PageSpec:
    """An item's page, at its own address or (the English section) at src_uri."""
    src_uri = src_uri or entry.url.rstrip("/") + ".md"  # "kalender/rus-dagen-2023/" → "kalender/rus-dagen-2023.md"
    base = _base(src_uri)
    return PageSpec(
        src_uri=src_uri, title=entry.data.title, description=entry.data.summary,
        source_path=entry.path, body=page_relative_body(entry.body, src_uri),
        collection=entry.collection,
        render=lambda body_html: render(template, site=site, entry=entry, item=entry.data, base=base,
                                        body_html=sanitize(body_html), **context),
    )


def _listing(src_uri: str, title: str, description: str, template: str, site: Site, searchable: bool = True,
             source_path: str | None = None, **context) -> PageSpec:
    base = _base(src_uri)
    return PageSpec(
        src_uri=src_uri, title=title, description=description, source_path=source_path, body="",
        render=lambda body_html: render(template, site=site, base=base, title=title, description=description,
                                        **context),
        searchable=searchable,
    )


# Every item of a paged listing, as the HTML of its list, for the listing's filter (filter.js).
ALL_ITEMS_FILE = "alla.json"
PAGE_WORD = {"sv": "sida", "en": "page"}


def _paged_listing(pages: list[paging.Page], title: str, description: str, template: str, site: Site,
                   searchable: bool = True, lang: str = "sv", page_context: Callable[[paging.Page], dict] | None = None,
                   **context) -> list[PageSpec]:
    """A listing's pages (paging.py): page 1 at the listing's address with the filter, the others
    with their items only. Only page 1 is in the site search: every item has its own page there."""
    specs = []
    for page in pages:
        spec = _listing(page.src_uri, title if page.number == 1 else f"{title} – {PAGE_WORD[lang]} {page.number}",
                        description, template, site, searchable=searchable and page.number == 1, page=page,
                        all_items_path=page.folder + ALL_ITEMS_FILE, only_region=False, **context, **(page_context(page) if page_context else {}))
        specs.append(replace(spec, lang=lang))
    return specs


def _all_items_file(folder: str, template: str, site: Site, **context) -> OutputFile:
    """ALL_ITEMS_FILE of a listing: its template's list (only_region) with every item, for page 1."""
    html = render(template, site=site, base=_base(folder + "index.md"), only_region=True, **context)
    return OutputFile(folder + ALL_ITEMS_FILE, json.dumps({"html": html}, ensure_ascii=False) + "\n")


OFFERS, ACTORS, EVENTS = "stod/", "aktorer/", "kalender/"
INVESTMENTS = "investeringar/"
# The markers of a listing's map, fetched by karta.js (mapview.marker_file).
MARKERS_FILE = "markorer.json"


def _offers_in_order(site: Site) -> list[cards.OfferCard]:
    """Open offers first, then the closed ones (a section of their own at the end of the listing)."""
    shown = cards.all_offer_cards(site)
    return [c for c in shown if c.status.id != "stangd"] + [c for c in shown if c.status.id == "stangd"]


def offer_pages(site: Site, site_url: str = "/") -> list[PageSpec]:
    shown = cards.all_offer_cards(site)
    text = site.page_texts["stod"]
    specs = _paged_listing(
        paging.paged(_offers_in_order(site), OFFERS, paging.CARDS_PER_PAGE), text.title, text.summary,
        "stod_list.html", site, searchable=False, intro=text.intro, source_path="content/stod/",
        facets=cards.facet_options(site, shown),
    )
    for card in shown:
        entry = card.entry
        specs.append(_item_page(entry, "stod_item.html", site, card=card,
                                provider=site.get("aktorer", entry.data.provider),
                                related=cards.related_offers(site, entry),
                                aid_levels=cards.aid_level_rows(site, entry.data), today=site.today,
                                fit=fit.fit_rules(site, entry.data),
                                rounds=sorted(entry.data.rounds, key=lambda r: r.deadline),
                                structured_data=jsonld.script_tag(jsonld.offer_data(site, card, site_url))))
    return specs


def actor_pages(site: Site, site_url: str = "/") -> list[PageSpec]:
    actors = site.entries.get("aktorer", ())
    shown = cards.actor_cards(site)
    text = site.page_texts["aktorer"]
    specs = _paged_listing(
        paging.paged(shown, ACTORS, paging.CARDS_PER_PAGE), text.title, text.summary,
        "aktor_list.html", site, intro=text.intro, source_path="content/aktorer/", facets=cards.actor_facets(site, shown),
    )
    for entry in actors:
        upcoming, past = events.events_by_organizer(site, entry.slug)
        actor = entry.data
        contact = jsonld.organization_data(actor.title, actor.url, jsonld.absolute(site_url, entry.url),
                                           actor.phone, actor.email, actor.address)
        specs.append(_item_page(entry, "aktor_item.html", site, offers=cards.offers_by_provider(site, entry.slug),
                                upcoming_events=upcoming, past_events=past, structured_data=jsonld.script_tag(contact)))
    return specs


def municipality_pages(site: Site, map_settings: mapview.MapSettings = DEFAULT_MAP,
                       site_url: str = "/") -> list[PageSpec]:
    municipalities = site.entries.get("kommuner", ())
    text = site.page_texts["kommuner"]
    specs = [_listing(
        "kommuner/index.md", text.title, text.summary,
        "kommun_list.html", site, intro=text.intro, source_path="content/kommuner/", municipalities=municipalities,
    )]
    for entry in municipalities:
        rows = investments.investments_in(site, entry.slug)
        base = _base(f"kommuner/{entry.slug}.md")
        specs.append(_item_page(entry, "kommun_item.html", site,
                                offers=cards.offers_for_municipality(site, entry.slug),
                                aid_offers=cards.aid_offers_for_municipality(site, entry.slug),
                                structured_data=jsonld.script_tag(jsonld.organization_data(
                                    entry.data.business_office.name, entry.data.business_office.url,
                                    jsonld.absolute(site_url, entry.url), entry.data.business_office.phone,
                                    entry.data.business_office.email, entry.data.business_office.address, "GovernmentOffice")),
                                actors=cards.actors_for_municipality(site, entry.slug),
                                events=events.events_in_municipality(site, entry.slug),
                                articles=news.articles_about(site, entry.slug),
                                investments=rows, map_assets=mapview.assets_html(base),
                                map=mapview.map_html(rows, f"karta-{entry.slug}", f"Karta över investeringar i {entry.data.title}",
                                                     base, map_settings, size="small") if rows else ""))
    return specs


def calendar_pages(site: Site, site_url: str, tip_url: str | None = None) -> list[PageSpec]:
    upcoming = events.upcoming_events(site)
    past = events.past_events(site)
    text, archive = site.page_texts["kalender"], site.page_texts["kalender-arkiv"]
    specs = _paged_listing(
        paging.paged(upcoming, EVENTS, paging.CARDS_PER_PAGE), text.title, text.summary,
        "kalender_list.html", site, intro=text.intro, source_path="content/evenemang/",
        page_context=lambda page: {"groups": events.group_by_month(list(page.items))},
        past_count=len(past), facets=events.facet_options(site, upcoming),
        feeds=[_feed_links(feed, site_url) for feed in events.feeds(site)],
        tip_url=tip_url, organiser_calendars=events.organiser_calendars(site),
        municipalities=[(e.slug, e.data.title) for e in site.entries.get("kommuner", ())],
    ) + _paged_listing(
        paging.paged(past, EVENTS + "arkiv/", paging.CARDS_PER_PAGE), archive.title, archive.summary,
        "kalender_arkiv.html", site, intro=archive.intro, source_path="content/evenemang/",
        page_context=lambda page: {"groups": events.group_by_year(list(page.items))},
    )
    for card in events.entry_cards(site):
        entry, place = card.entry, card.entry.data.location
        specs.append(_item_page(
            entry, "kalender_item.html", site, card=card,
            organizer=site.get("aktorer", entry.data.organizer),
            full_place=events.full_place(card),
            coming_dates=events.coming_dates(site, card.slug) if entry.data.repeat else [],
            map_url=events.map_url(place, card.municipality_label) if place else None,
            structured_data=jsonld.script_tag(jsonld.event_data(site, card, site_url)),
        ))
    return specs


def investment_pages(site: Site, map_settings: mapview.MapSettings = DEFAULT_MAP) -> list[PageSpec]:
    """The investment map (/investeringar/) and a page per investment."""
    rows = investments.all_investments(site)
    figures = investments.key_figures(site, rows)
    base = _base("investeringar/index.md")
    text = site.page_texts["investeringar"]
    specs = _paged_listing(
        paging.paged(rows, INVESTMENTS, paging.ROWS_PER_PAGE), text.title, text.summary,
        "investering_list.html", site, intro=text.intro, source_path="content/investeringar/", figures=figures,
        charts=charts.chart_images(figures),
        facets=investments.facet_options(site, rows),
        legend=mapview.legend(rows, site.taxonomy.get("sektorer", {})),
        map_assets=mapview.assets_html(base),
        map=mapview.map_html(rows, "karta", "Karta över investeringar i Västernorrland", base, map_settings,
                             follow_filter=True, markers_path=INVESTMENTS + MARKERS_FILE),
        columns=mapdata.COLUMNS, geojson_path=mapdata.GEOJSON_PATH, csv_path=mapdata.CSV_PATH,
        licence_name=mapdata.LICENCE_NAME, licence_url=mapdata.LICENCE_URL,
    )
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


def english_investment_pages(site: Site, map_settings: mapview.MapSettings = DEFAULT_MAP) -> list[PageSpec]:
    """The investment map for investors, with English labels (/en/investments/), and an English
    page per investment (/en/investments/<slug>/), which the map's popups and table link to."""
    rows = [english.english_row(row) for row in investments.all_investments(site)]
    figures = investments.key_figures(site, investments.all_investments(site))
    base = _base("en/investments/index.md")
    options = investments.facet_options(site, rows)
    facets = {
        "sektor": [(k, english.SECTORS.get(k, v)) for k, v in options["sektor"]],
        "status": [(k, english.STATUSES.get(k, v)) for k, v in options["status"]],
        "kommun": options["kommun"],
    }
    text = site.page_texts["en-investments"]  # written in English in sidor.yml
    # No side menu, like the Swedish map: the table gets the width.
    specs = _paged_listing(
        paging.paged(rows, english.INVESTMENTS, paging.ROWS_PER_PAGE), text.title, text.summary,
        "investering_list_en.html", site, lang="en", intro=text.intro, source_path="content/investeringar/",
        figures=figures,
        facets=facets,
        total=amounts.msek_text(figures.total_msek, "en"),
        inactive=amounts.msek_text(figures.cancelled_msek + figures.paused_msek, "en"),
        legend=mapview.legend(rows, english.SECTORS, lang="en"),
        map_assets=mapview.assets_html(base),
        map=mapview.map_html(rows, "map", "Map of investments in Västernorrland", base, map_settings,
                             follow_filter=True, links=english.INVESTMENTS,
                             markers_path=english.INVESTMENTS + MARKERS_FILE),
        geojson_path=mapdata.GEOJSON_PATH, csv_path=mapdata.CSV_PATH,
        licence_name=mapdata.LICENCE_NAME, licence_url=mapdata.LICENCE_URL,
    )
    for row in rows:
        src_uri = f"{english.INVESTMENTS}{row.slug}.md"
        item_base = _base(src_uri)
        # Not in the search: the site's search is Swedish, and the Swedish page is in it.
        specs.append(replace(_item_page(
            row.entry, "investering_item_en.html", site, src_uri, row=row,
            map_assets=mapview.assets_html(item_base),
            map=mapview.map_html([row], f"map-{row.slug}", f"Map: where {row.title} is", item_base, map_settings,
                                 zoom=10, size="small", links=english.INVESTMENTS),
        ), title=row.title if row.title_lang == "en" else f"{row.title} (in English)",  # not the Swedish page's title
            description=row.summary, lang="en", searchable=False))
    return specs


def language_versions(site: Site) -> dict[str, dict[str, str]]:
    """Page address → its Swedish and English versions (the hreflang links in each page's head)."""
    return english.alternates(english.language_pairs(investments.all_investments(site)))


def _feed_links(feed: events.Feed, site_url: str) -> dict:
    https = f"{site_url.rstrip('/')}/{feed.path}"
    return {"label": feed.label, "path": feed.path, "https": https,
            "webcal": "webcal://" + https.split("://", 1)[-1]}


def calendar_files(site: Site, site_url: str) -> list[OutputFile]:
    """The feeds, one calendar file per upcoming event, and redirects from /evenemang/…"""
    stamp = ical.build_stamp(site)
    files = [OutputFile(feed.path, ical.calendar(feed.name, feed.about, list(feed.cards), site_url, stamp))
             for feed in events.feeds(site)]
    for card in events.series_cards(site, events.upcoming_events(site)):
        files.append(OutputFile(card.ics_path, ical.calendar(card.title, card.summary, [card], site_url, stamp)))
    # The content contract names /evenemang/<slug>/ as an event's address; the calendar lives at
    # /kalender/<slug>/, so the contract's addresses redirect there.
    files.append(_redirect("evenemang/index.html", "../kalender/", f"{site_url.rstrip('/')}/kalender/", "Kalender"))
    for card in events.entry_cards(site):
        files.append(_redirect(f"evenemang/{card.slug}/index.html", f"../../{card.url}",
                               f"{site_url.rstrip('/')}/{card.url}", card.title))
    return files


def _redirect(path: str, target: str, canonical: str, title: str) -> OutputFile:
    return OutputFile(path, render("redirect.html", target=target, canonical=canonical, title=title))


def news_pages(site: Site) -> list[PageSpec]:
    tags = list(news.all_tags(site))
    text = site.page_texts["aktuellt"]
    specs = _paged_listing(news.listing_pages(site), text.title, text.summary, "aktuellt_list.html", site,
                           source_path="content/aktuellt/", intro=text.intro,
                           page_context=lambda page: {"listing": page, "tags": tags if page.number == 1 else []})
    for tag, entries in news.all_tags(site).items():
        specs.append(_listing(
            f"aktuellt/tagg/{tag.slug}.md", f"Nyheter om {tag.name}",
            f"Alla nyheter från Utveckla Västernorrland om {tag.name}.", "aktuellt_tag.html", site,
            source_path="content/aktuellt/", articles=entries))
    for entry in news.articles(site):
        specs.append(_item_page(
            entry, "aktuellt_item.html", site, tags=news.tags_of(entry), results=results.results_announced_in(site, entry),
            municipalities=[m for m in (site.get("kommuner", slug) for slug in entry.data.municipalities) if m],
            # Written from docs/ ("bilder/hamn.jpg", also "/bilder/…" or "docs/bilder/…"); the plugin
            # adds width, height and srcset to the <img>.
            image={"src": docs_path(entry.data.image), "width": None, "height": None} if entry.data.image else None,
        ))
    return specs


def result_pages(site: Site, site_url: str = "/", contact: dict | None = None) -> list[PageSpec]:
    """/om-projektet/resultat/ and a page per result; contact (extra.contact) is where a visitor
    asks for an accessible version of a document that is not."""
    shown = results.result_cards(site)
    text = site.page_texts["resultat"]
    specs = [_listing(
        "om-projektet/resultat/index.md", text.title, text.summary, "resultat_list.html", site, intro=text.intro,
        source_path=f"content/{results.COLLECTION}/", cards=shown, facets=results.facet_options(site, shown),
        feed_path=results.FEED_PATH, contact=site_contact(contact),
    )]
    for card in shown:
        specs.append(_item_page(card.entry, "resultat_item.html", site, card=card, contact=site_contact(contact),
                                structured_data=jsonld.script_tag(jsonld.result_data(card, site_url))))
    return specs


def result_files(site: Site, site_url: str) -> list[OutputFile]:
    """The results as an Atom feed, newest first."""
    shown = results.result_cards(site)
    labels = {card.entry.slug: card.kind_label for card in shown}
    return [OutputFile(results.FEED_PATH, atom.feed(
        [card.entry for card in shown], site_url, "Projektets resultat – Utveckla Västernorrland", results.FEED_PATH,
        results.LISTING_URL, "Rapporter, utvärderingar, presentationer och kartor från Hållbar samhällsomställning.",
        lambda entry: [labels[entry.slug]]))]


def news_files(site: Site, site_url: str) -> list[OutputFile]:
    feed_path = catalogue.NEWS_FEED_PATH  # the catalogue describes this file
    return [OutputFile(feed_path, atom.feed(news.articles(site), site_url, "Aktuellt – Utveckla Västernorrland",
                                            feed_path, "aktuellt/")),
            OutputFile("aktuellt/sitemap.xml", sitefiles.section_sitemap(
                ["aktuellt/"] + [entry.url for entry in news.articles(site)], site_url))]


def investment_files(site: Site, site_url: str) -> list[OutputFile]:
    """The open data downloads, from the same rows as the investment map."""
    rows = investments.all_investments(site)
    symbols = mapview.symbol_files(list(site.taxonomy.get("sektorer", {})))
    return [OutputFile(mapdata.GEOJSON_PATH, mapdata.geojson(rows, site_url)),
            OutputFile(mapdata.CSV_PATH, mapdata.csv_text(rows, site_url))] + [
        OutputFile(path, svg + "\n") for path, svg in symbols.items()] + [
        OutputFile(path, svg) for path, svg in charts.chart_files(investments.key_figures(site, rows)).items()]


def all_pages(site: Site, site_url: str = "/",
              map_settings: mapview.MapSettings = DEFAULT_MAP, tip_url: str | None = None,
              contact: dict | None = None) -> list[PageSpec]:
    """site_url (mkdocs.yml) makes the absolute addresses that leave the site (feeds, JSON-LD);
    map_settings (mkdocs.yml: tiles_url, tiles_attribution) serve every map on the site;
    tip_url is the issue form "Tipsa om ett evenemang" (from edit_uri's repository);
    contact is the site's contact (extra.contact), which result pages name."""
    return (offer_pages(site, site_url) + actor_pages(site, site_url) + municipality_pages(site, map_settings, site_url)
            + calendar_pages(site, site_url, tip_url) + investment_pages(site, map_settings) + news_pages(site)
            + result_pages(site, site_url, contact)
            + english_investment_pages(site, map_settings) + [open_data_page(site)])


def open_data_page(site: Site) -> PageSpec:
    """/oppna-data/: the datasets of the catalogue, for people, from the same description."""
    text = site.page_texts["oppna-data"]
    return _listing(
        "oppna-data/index.md", text.title, text.summary,
        "oppna_data.html", site, intro=text.intro, datasets=catalogue.datasets(site), catalogue_path=catalogue.CATALOGUE_PATH,
        licence_name=mapdata.LICENCE_NAME, licence_url=mapdata.LICENCE_URL,
    )


def listing_files(site: Site) -> list[OutputFile]:
    """What the listings' filters and maps fetch: every item of each listing with more than one
    page (ALL_ITEMS_FILE), and the markers of the investment maps (MARKERS_FILE)."""
    rows = investments.all_investments(site)
    english_rows = [english.english_row(row) for row in rows]
    upcoming = events.upcoming_events(site)
    listings: list[tuple[str, str, int, Sequence[object], str]] = [
        (OFFERS, "stod_list.html", paging.CARDS_PER_PAGE, _offers_in_order(site), "cards"),
        (ACTORS, "aktor_list.html", paging.CARDS_PER_PAGE, cards.actor_cards(site), "cards"),
        (EVENTS, "kalender_list.html", paging.CARDS_PER_PAGE, upcoming, "upcoming"),
        (INVESTMENTS, "investering_list.html", paging.ROWS_PER_PAGE, rows, "rows"),
        (english.INVESTMENTS, "investering_list_en.html", paging.ROWS_PER_PAGE, english_rows, "rows"),
    ]
    files = []
    for folder, template, per_page, items, name in listings:
        if len(items) > per_page:
            context = {"groups": events.group_by_month(upcoming)} if name == "upcoming" else {name: items}
            files.append(_all_items_file(folder, template, site, **context))
    return files + [OutputFile(INVESTMENTS + MARKERS_FILE, mapview.marker_file(rows)),
                    OutputFile(english.INVESTMENTS + MARKERS_FILE, mapview.marker_file(english_rows))]


def all_files(site: Site, site_url: str = "/", contact: dict | None = None) -> list[OutputFile]:
    """Files of the site that are not pages; contact (extra.contact in mkdocs.yml) is the open-data
    catalogue's publisher and contact point, so without one there is no catalogue."""
    open_data = [OutputFile(catalogue.CATALOGUE_PATH, catalogue.catalogue_json(site, site_url, contact))] \
        if contact else []
    return (calendar_files(site, site_url) + news_files(site, site_url) + result_files(site, site_url)
            + investment_files(site, site_url) + listing_files(site) + open_data + [
        OutputFile("robots.txt", sitefiles.robots_txt(site_url)),
        OutputFile(".well-known/security.txt", sitefiles.security_txt(site_url, site.today)),
        OutputFile(searchwords.SEARCH_WORDS_PATH, searchwords.search_words_json(site)),
    ])


CONTACT_FIELDS = ("name", "email", "phone", "url", "url_text")


def site_contact(contact: dict | None) -> dict | None:
    """extra.contact from mkdocs.yml with every field present (None where it is not set)."""
    if not contact:
        return None
    return {name: contact.get(name) for name in CONTACT_FIELDS}


def embeds(site: Site, src_uri: str, contact: dict | None = None, collector: str | None = None) -> dict[str, str]:
    """Fragments that hand-written pages can place with a marker `<!-- uv:name -->`.

    contact: the site owner's contact (extra.contact in mkdocs.yml), the one place it is set;
    collector: the visitor statistics' address (statistics_url), None when they are off.
    """
    base = _base(src_uri)
    return {
        "webbplatsens-kontakt": render("embed_contact.html", contact=site_contact(contact)),
        "statistik": render("embed_statistik.html", collector=collector),
        "stod-stanger-snart": render("embed_closing_soon.html", cards=cards.closing_soonest(site), base=base,
                                     site=site),
        "kalender-nasta": render("embed_kalender_nasta.html", cards=events.next_events(site), base=base),
        "aktuellt-senaste": render("embed_aktuellt.html", entries=news.latest(site), base=base),
    }
