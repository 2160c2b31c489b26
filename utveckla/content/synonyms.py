"""Words that mean the same in the finders: content/synonymer.yml, edited by the editors.

A business owner types "låna maskin", the offers say "lån" and "utrustning". The finders
(filter.js) match the beginning of words, so "maskin" finds "maskiner", and strip common
Swedish endings from what is typed ("låna" → "lån"); this file adds the words that share no
beginning: each line is a group, and a word finds every word of its group.

    - [lån, kredit, finansiering]
    - [maskin, utrustning, inventarier]

The build writes the groups with the word forms (searchwords.py), which filter.js reads
when someone types.
"""

from __future__ import annotations

import re
from pathlib import Path

from .diagnostics import Diagnostic
from .loader import read_yaml_file

SYNONYMS_FILE = "content/synonymer.yml"
# A word as the finders compare it: lower-case letters (å, ä, ö, é too), 2 to 30 of them.
WORD = re.compile(r"^[a-zåäöéü]{2,30}$")
MAX_GROUPS = 500
FIX = "skriv en grupp per rad: - [ord, ord, ord], med små bokstäver och utan siffror eller tecken"


def load_synonyms(root: Path, diagnostics: list[Diagnostic]) -> tuple[tuple[str, ...], ...]:
    """The groups, each a tuple of two or more words; a missing file means no groups."""
    path = root / SYNONYMS_FILE
    if not path.exists() and not path.is_symlink():
        return ()
    located = read_yaml_file(root, SYNONYMS_FILE, FIX, diagnostics)
    if located is None:
        return ()
    data = located.value if located.value is not None else []
    if not isinstance(data, list) or len(data) > MAX_GROUPS:
        diagnostics.append(Diagnostic(SYNONYMS_FILE, 1, "fil", "fel-typ",
                                      f"filen ska vara en lista med högst {MAX_GROUPS} grupper av ord", FIX))
        return ()
    groups = []
    for index, group in enumerate(data):
        line = located.lines.get((index,), 1)
        words = group if isinstance(group, list) else None
        bad = None if words and len(words) >= 2 else "gruppen ska ha minst två ord inom [ ]"
        for word in words or ():
            if not isinstance(word, str) or not WORD.match(word):
                bad = f"”{word}” är inte ett ord med små bokstäver"
                break
        if bad:
            diagnostics.append(Diagnostic(SYNONYMS_FILE, line, f"[{index + 1}]", "fel-typ", bad, FIX))
            continue
        groups.append(tuple(dict.fromkeys(words or ())))
    return tuple(groups)

