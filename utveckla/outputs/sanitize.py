"""The second line of defence: a body's HTML keeps only what the body check allows.

The check (bodies.py) refuses a content file with anything outside the allow-list. Should a
way round it ever be found, the page still gets nothing else: every body is passed through
nh3 (the Rust sanitizer ammonia, which parses HTML as browsers do) with the same allow-list
before it goes into the page. Tags outside it are dropped (script and style with their
content), as are attributes outside it, comments, link addresses url_problem refuses, image
addresses that leave the site, and ids the site uses itself.

Links get no added rel="noopener noreferrer": the output of an accepted body stays as the
check saw it, and a link that opens a new window would need target=, which is not allowed.
"""

from __future__ import annotations

from functools import lru_cache

import nh3

from ..content.bodies import (
    ALLOWED_TAGS,
    GLOBAL_ATTRIBUTES,
    LINK_SCHEMES,
    RESERVED_ID_PREFIXES,
    TAG_ATTRIBUTES,
    is_external,
    url_problem,
)


def _kept(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute callback: None drops the attribute."""
    if attribute == "href" and url_problem(value):
        return None
    if attribute == "src" and is_external(value):  # images come from this site only
        return None
    if attribute == "id" and value.lower().startswith(RESERVED_ID_PREFIXES):
        return None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={"*": set(GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}},
        attribute_filter=_kept,
        url_schemes=set(LINK_SCHEMES),
        strip_comments=True,
        link_rel=None,
    )


def sanitize(html: str) -> str:
    """A body's HTML with everything outside the allow-list removed."""
    return _cleaner().clean(html)
