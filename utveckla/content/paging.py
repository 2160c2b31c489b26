"""Listings in pages of a few items: every item can be reached without JavaScript, and each
listing page stays within its HTML budget however many items there are (budgets.yml, weight).

Page 1 is the listing's own address ("stod/"); the others follow it ("stod/sida-2/"). The
listing's filter (filter.js) loads every item on first use, so the pages are for readers
without JavaScript, search engines and anyone who prefers to browse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")

# Cards on one page of a listing (/stod/, /aktorer/, /kalender/): the first screenfuls, about
# 20 KB of HTML, and full rows in a grid of two, three or four columns. A table row is about a
# third of a card, so the investment tables hold more.
CARDS_PER_PAGE = 24
ROWS_PER_PAGE = 30

# A later page's folder in a listing: "sida-2". An item may not take such a name (collections.py).
PAGE_PREFIX = "sida-"
PAGE_FOLDER = re.compile(PAGE_PREFIX + r"[0-9]+")

# How many page numbers the navigation shows on each side of the current page.
NEIGHBOURS = 2


@dataclass(frozen=True)
class Page(Generic[Item]):
    folder: str  # the listing's address, e.g. "stod/"
    number: int  # 1-based
    count: int  # how many pages in all
    items: tuple[Item, ...]
    total: int  # items in the whole listing
    per_page: int

    @property
    def url(self) -> str:
        return page_url(self.folder, self.number)

    def url_of(self, number: int) -> str:
        """The address of another page of the same listing (the navigation's links)."""
        return page_url(self.folder, number)

    @property
    def src_uri(self) -> str:
        return self.url + "index.md"

    @property
    def first(self) -> int:
        """The place of the page's first item in the whole listing (1-based; 0 when empty)."""
        return (self.number - 1) * self.per_page + 1 if self.items else 0

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1 if self.items else 0

    def numbers(self) -> list[int | None]:
        """The page numbers the navigation shows: the first, the last, and NEIGHBOURS on each
        side of this one; None where numbers are left out ("1 … 4 5 6 … 25")."""
        shown = sorted({1, self.count} | set(range(max(1, self.number - NEIGHBOURS),
                                                   min(self.count, self.number + NEIGHBOURS) + 1)))
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - (numbers[-1] or 0) > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers


def is_taken(slug: str, reserved: tuple[str, ...]) -> bool:
    """A file name another page has: one of `reserved`, or a listing's later page ("sida-2")."""
    return slug in reserved or PAGE_FOLDER.fullmatch(slug) is not None


def page_url(folder: str, number: int) -> str:
    return folder if number == 1 else f"{folder}{PAGE_PREFIX}{number}/"


def paged(items: Sequence[Item], folder: str, per_page: int) -> list[Page[Item]]:
    """items in pages of per_page; an empty listing is one empty page (its address still exists)."""
    count = max(1, -(-len(items) // per_page))
    return [Page(folder, n + 1, count, tuple(items[n * per_page:(n + 1) * per_page]), len(items), per_page)
            for n in range(count)]
