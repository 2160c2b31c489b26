"""Pure renderers: view-models in, HTML fragments out (Jinja2, autoescaped).

A fragment is the main content of a page; the site generator wraps it in the theme. Links
are written relative to the site root through `base` ("../../" on /stod/x/), so the output
works under any sub-path and needs no URL rewriting by the generator.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, select_autoescape

from ..content import amounts, documents, swedish
from ..views import cards, english

TEMPLATES = Path(__file__).parent.parent / "templates"


def compiled_templates(name: str) -> FileSystemBytecodeCache:
    """Jinja's compiled templates, kept between builds in the system's temporary folder (one
    per user). Every build otherwise compiles the same templates again: a fifth of the time of a
    build of a small site, paid by each test build, each `make serve` rebuild and CI. A changed
    template is compiled anew (an entry holds its source's checksum), and each environment has
    its own entries (`name`), since compiled code depends on the environment's options."""
    return FileSystemBytecodeCache(pattern=f"{name}-%s.cache")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=compiled_templates("utveckla"),
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
