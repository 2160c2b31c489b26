"""HTML read the way a browser reads it, with where each piece is written.

The body check must see the tags, attributes and comments that a browser will see, not what a
regular expression guesses: a browser ends a comment at `<!-->`, reads `<a/href=…>` as a link
and decodes `&#106;avascript:`. html5lib's tokenizer follows the HTML5 standard's rules for
all of that. `tokens()` adds what the check needs on top: each token's place in the text and
its source, so a problem can be shown as written and on its line.

The tokenizer is html5lib's internal module (the public API builds trees, which lose where
each piece was written); html5lib is pinned in requirements.txt, and the tests check that the
tokens cover the text exactly. Elements whose content a browser reads as plain text (script,
style, textarea …) are not followed here: the check refuses them whatever follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from html5lib._tokenizer import HTMLTokenizer
from html5lib.constants import tokenTypes

_KIND = {number: name for name, number in tokenTypes.items()}
_PARSE_ERROR = tokenTypes["ParseError"]


@dataclass(frozen=True)
class Token:
    kind: str  # StartTag, EndTag, Comment, Doctype, Characters, SpaceCharacters; Unfinished: text no token took
    start: int  # offsets in normalised(text)
    end: int
    source: str  # the text as written, normalised(text)[start:end]
    name: str = ""  # tag name, lower case
    attributes: dict[str, str] = field(default_factory=dict)  # entities decoded; the first of a repeated name
    data: str = ""  # a comment's text


def normalised(text: str) -> str:
    """Line breaks as the tokenizer counts them (a browser reads CR LF and CR as LF too)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def tokens(text: str) -> list[Token]:
    """Every token of an HTML fragment, in order, read in the standard's data state."""
    text = normalised(text)
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    tokenizer = HTMLTokenizer(text)
    found: list[Token] = []
    start = 0
    for raw in tokenizer:
        if raw["type"] == _PARSE_ERROR:
            continue
        line, column = tokenizer.stream.position()  # just after the token
        end = line_starts[line - 1] + column
        data = raw.get("data")
        found.append(Token(
            kind=_KIND[raw["type"]], start=start, end=end, source=text[start:end], name=raw.get("name") or "",
            attributes=dict(data) if isinstance(data, dict) else {},
            data=data if isinstance(data, str) else ""))
        start = end
    if start < len(text):  # e.g. `<a href="x` at the end: a browser drops it, or reads on into what follows
        found.append(Token("Unfinished", start, len(text), text[start:]))
    return found
