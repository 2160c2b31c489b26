"""News (`aktuellt`): newest first, pages of ten, tags, and what the start page shows.

An article's `date` is its publication date: one dated in the future waits for that day."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import suggest_slug
from .paging import Page, paged
from .site import Entry, Site
from .swedish import swedish_sort_key

PER_PAGE = 10
LISTING_URL = "aktuellt/"


@dataclass(frozen=True)
class Tag:
    name: str  # as editors write it, e.g. "omställning"
    slug: str  # in the address, e.g. "omstallning"

    @property
    def url(self) -> str:
        return f"{LISTING_URL}tagg/{self.slug}/"


def is_published(entry: Entry, site: Site) -> bool:
    """An article is published from its date on, the build's today in Sweden."""
    return entry.data.date <= site.today


def articles(site: Site) -> list[Entry]:
    """Published articles, newest first; the same day is ordered by title, so builds repeat.
    Every news output (pages, listings, tags, municipalities, start page, feed, sitemap, search)
    is made from this list, so an article dated after the build's today appears in none of them."""
    published = [e for e in site.entries.get("aktuellt", ()) if is_published(e, site)]
    return sorted(published, key=lambda e: (-e.data.date.toordinal(), swedish_sort_key(e.data.title)))


def scheduled(site: Site) -> list[Entry]:
    """Articles dated after the build's today, soonest first: checked now, published from their
    date by the first build on that day (the nightly one, .github/workflows/site.yml)."""
    waiting = [e for e in site.entries.get("aktuellt", ()) if not is_published(e, site)]
    return sorted(waiting, key=lambda e: (e.data.date, e.path))


def latest(site: Site, limit: int = 3) -> list[Entry]:
    return articles(site)[:limit]


def listing_pages(site: Site, per_page: int = PER_PAGE) -> list[Page[Entry]]:
    return paged(articles(site), LISTING_URL, per_page)


def tags_of(entry: Entry) -> list[Tag]:
    return [Tag(name, suggest_slug(name)) for name in entry.data.tags if suggest_slug(name)]


def all_tags(site: Site) -> dict[Tag, list[Entry]]:
    """Each tag with its articles, newest first. Tags that give the same address are merged."""
    by_slug: dict[str, tuple[Tag, list[Entry]]] = {}
    for entry in articles(site):
        for tag in tags_of(entry):
            by_slug.setdefault(tag.slug, (tag, []))[1].append(entry)
    return {tag: entries for tag, entries in sorted(by_slug.values(), key=lambda pair: (swedish_sort_key(pair[0].name), pair[0].slug))}


def articles_about(site: Site, municipality: str) -> list[Entry]:
    return [e for e in articles(site) if municipality in e.data.municipalities]
