"""Pure renderers: view-models in, HTML fragments out (Jinja2, autoescaped).

A fragment is the main content of a page; the site generator wraps it in the theme. Links
are written relative to the site root through `base` ("../../" on /stod/x/), so the output
works under any sub-path and needs no URL rewriting by the generator.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..content import amounts, documents, swedish
from ..views import cards, english

TEMPLATES = Path(__file__).parent.parent / "templates"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["sv_date"] = cards.swedish_date
    env.filters["sv_number"] = cards.swedish_number
    env.filters["sv_msek"] = amounts.msek_text
    env.filters["en_number"] = lambda value: amounts.number(value, "en")
    env.filters["en_date"] = english.english_date
    env.filters["plain_number"] = cards.plain_number
    env.filters["lacks_text"] = documents.lacks_text
    # {{ n|sv_count("investering", "investeringar") }} → "1 investering"; sv_agree picks the word alone.
    env.filters["sv_count"] = swedish.count_text
    env.filters["sv_agree"] = swedish.agree
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)
