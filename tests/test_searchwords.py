"""The word forms the finders read (searchwords.py): the Snowball Swedish stems of what the
listings show, the stemmer's own endings, and the editors' synonyms."""

from __future__ import annotations

import datetime as dt
import json

from conftest import COUNTY
from utveckla.content.validate import load_site
from utveckla.outputs import searchwords


def test_the_forms_of_a_word_share_the_stems_filter_js_compares():
    # filter.js: a typed word matches a shown word's stem followed by one of these endings.
    endings = set(searchwords.endings())
    for word in ("låna", "lånet", "lånen", "lån"):
        base = searchwords.stem(word)
        assert base == "lån" and (word == base or word[len(base):] in endings), word
    assert searchwords.stem("maskiner") == "maskin" and "maskin".startswith(searchwords.stem("maskin"))
    assert searchwords.words_of("Västernorrland, lån-finansiering") == ["västernorrland", "lån", "finansiering"]


def test_the_file_holds_the_stems_of_the_listings_words_and_the_synonyms():
    site, diagnostics = load_site(COUNTY.parent, dt.date(2026, 11, 22))
    assert not diagnostics
    data = json.loads(searchwords.search_words_json(site))
    assert set(data) == {"stammar", "andelser", "synonymer"}
    assert data["synonymer"] == [list(group) for group in site.synonyms]
    stems = data["stammar"]
    assert all(base != word and word.startswith(base) for word, base in stems.items())  # only what differs
    assert stems["företagen"] == "företag"  # from the titles and summaries the cards show
