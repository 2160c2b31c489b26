"""Editors' doubts belong in `notes`, never on a page.

"Framgår inte av vårt underlag" and "Vi vet inte säkert …" tell a business owner about our
research, not about the offer. The check finds such phrases in everything that is published
(every text field and the body) and asks for the doubt to move to `notes`, with what is known,
or "uppgift saknas", in the published text.
"""

from __future__ import annotations

import re

from .diagnostics import Diagnostic, field_label

# Phrases that describe our sources or our uncertainty rather than the subject.
HEDGE_PHRASES = (
    "vårt underlag", "våra källor", "vi vet inte", "vi har inte kunnat", "framgår inte",
    "det är oklart", "är oklart om", "uppgifterna är från", "vi har inte hittat", "enligt våra uppgifter",
)
_HEDGE = re.compile("|".join(re.escape(phrase) for phrase in HEDGE_PHRASES), re.IGNORECASE)
# Fields that are not shown as text on a page.
UNPUBLISHED = frozenset({"notes", "imported", "source", "url", "website", "online", "image", "contact_url"})
HEDGE_FIX = ("flytta tveksamheten till fältet notes (visas inte) och skriv bara det som är känt på sidan, "
             "eller ”uppgift saknas” där en uppgift som företagen behöver fattas")


def _texts(value: object, path: tuple):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in UNPUBLISHED:
                yield from _texts(inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _texts(inner, path + (index,))
    elif isinstance(value, str):
        yield path, value


def hedge_problems(raw) -> list[Diagnostic]:
    """Every published text of one item (a loader.RawItem) that contains an editor's doubt."""
    found = []
    for path, text in _texts(raw.data, ()):
        match = _HEDGE.search(text)
        if match:
            found.append(Diagnostic(raw.path, raw.line_of(path), field_label(path), "intern-anteckning",
                                    f"texten innehåller ”{match.group()}”, som beskriver vårt underlag och inte stödet",
                                    HEDGE_FIX))
    for index, line in enumerate(raw.body.split("\n")):
        match = _HEDGE.search(line)
        if match:
            found.append(Diagnostic(raw.path, raw.body_line + index, "brödtext", "intern-anteckning",
                                    f"texten innehåller ”{match.group()}”, som beskriver vårt underlag och inte ämnet",
                                    HEDGE_FIX))
    return found
