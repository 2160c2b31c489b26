"""Swedish word forms for the finders, worked out at build time with the Snowball stemmer.

The finders (docs/assets/js/filter.js) search what each card or table row shows. So that
"lånet", "låna" and "lån" find each other, the build stems every word the listings can show
with the Snowball Swedish stemmer (PyPI snowballstemmer, the Snowball project's generated
code) and writes, once for the whole site, the words whose stem differs from the word, the
editors' synonym groups (content/synonymer.yml) and the endings the stemmer takes off. The
browser reads the file when someone first types in a finder: no page carries it, and a
listing's HTML does not grow with it.

A typed word then matches a shown word when the shown word begins with it ("maskin" →
"maskiner"), or when it is the shown word's stem plus one of the stemmer's endings ("låna" →
"lån" + "a"): whole words only, so "lan" does not find "Västernorrland".
"""

from __future__ import annotations

import json
import re

import snowballstemmer
from snowballstemmer.swedish_stemmer import SwedishStemmer

from ..content.site import Site
from ..views.applications import STATUS_LABELS

SEARCH_WORDS_PATH = "assets/sok/sokord.json"
# What filter.js counts as a word: letters and digits, everything else separates words.
WORD = re.compile(r"[0-9a-zåäöéüæø]+")
# Text every offer card can show besides its own fields (views.py, _macros.html).
CARD_WORDS = "Hela länet Upp till kronor högst procent av kostnaden Sista dag"

_STEMMER = snowballstemmer.stemmer("swedish")


def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def endings() -> list[str]:
    """The endings the stemmer's first step takes off (its own table), longest first."""
    return sorted({among.s for among in SwedishStemmer.a_1}, key=lambda e: (-len(e), e))


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def listing_words(site: Site) -> set[str]:
    """Every word a finder's card or row can show or is searched for: titles, summaries,
    vocabulary labels, statuses and the editors' synonyms."""
    texts = [CARD_WORDS, *STATUS_LABELS.values()]
    for entries in site.entries.values():
        texts += [f"{entry.data.title} {entry.data.summary}" for entry in entries]
    for labels in site.taxonomy.values():
        texts += labels.values()
    texts += [" ".join(group) for group in site.synonyms]
    return {word for text in texts for word in words_of(text)}


def search_words_json(site: Site) -> str:
    stems = {word: stem(word) for word in sorted(listing_words(site))}
    return json.dumps({
        "stammar": {word: base for word, base in stems.items() if base != word},
        "andelser": endings(),
        "synonymer": [list(group) for group in site.synonyms],
    }, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
