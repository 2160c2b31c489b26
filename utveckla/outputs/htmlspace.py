"""Whitespace the theme's templates leave in every page: blank lines and indentation.

Material's Jinja templates indent deeply and leave a blank line for every tag that renders
nothing, which is 10–20 % of a page's HTML. A run of whitespace between tags renders as one
space, so a line break keeps what the browser shows while the rest goes. Elements whose
whitespace is shown as written (pre, code, kbd, textarea: `white-space: pre-wrap` in the theme)
and scripts and styles (their content is hashed for the Content Security Policy) are left as
they are.
"""

from __future__ import annotations

import re

KEPT = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2>)", re.S | re.I)
BLANK_LINES_AND_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def squeeze(html: str) -> str:
    parts = KEPT.split(html)
    # split() gives text, then each kept element and its tag name (the inner group).
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(BLANK_LINES_AND_INDENT.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)
