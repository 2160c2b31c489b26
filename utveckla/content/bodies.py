"""The Markdown body of a content file: only HTML that cannot run script or load from elsewhere.

Bodies are written by editors and, now and then, by someone outside the team in a pull
request, and the site places their HTML in every page. So the check turns the body into HTML
with the same Markdown extensions as the site, reads it the way a browser does (html5.py:
the HTML5 standard's tokenizer, so a comment ends at `<!-->` as in a browser) and looks at
it in two ways:

- HTML the editor wrote by hand (Python-Markdown keeps it aside as "raw HTML") may only use a
  few plain tags without attributes, links as `<a href="https://…">` and images as
  `<img src="…" alt="…">` (images.py checks the image itself), and comments written as
  `<!-- text -->`. Anything else — script, meta, style, iframe, forms, svg, event handlers
  like onerror, comments that browsers end elsewhere than they seem to end — is refused.
- The whole HTML, after Markdown, may only contain the tags and attributes of ALLOWED_TAGS
  and allowed_attributes(), and every link address has a safe scheme. This also catches
  attributes from `{: … }` (attr_list), Markdown links such as `[x](javascript:…)`, and
  addresses hidden behind HTML entities. `{: src=… }` and `{: href=… }` may not replace the
  address a Markdown image or link was written with.

The same allow-list sanitises the HTML that goes into the page (sanitize.py), so a hole in
this check still publishes nothing outside it. Each problem names the line in the file where
the offending text is written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor

from .addresses import WEB_SCHEMES, web_address_problem
from .diagnostics import Diagnostic
from .html5 import Token, normalised, tokens

# The same as markdown_extensions in mkdocs.yml plus MkDocs' own defaults (toc, tables,
# fenced_code); a test compares the two lists.
MARKDOWN_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}, "tables": {"use_align_attribute": True}}

BODY_FIELD = "brödtext"

# Tags an editor may write by hand, without attributes (except href on <a>, src and alt on <img>).
RAW_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "s", "small", "strong", "sub",
    "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Everything a body may contain after Markdown: the raw tags and what Markdown itself makes.
ALLOWED_TAGS = RAW_TAGS | HEADINGS | {"img", "pre", "div", "span", "caption", "tfoot"}
# class: admonitions (`admonition note`), fenced code (`language-…`) and `{: .class }`.
GLOBAL_ATTRIBUTES = frozenset({"class", "title"})
TAG_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}, "th": {"align"}, "td": {"align"}, "ol": {"start"},
                  **{heading: {"id"} for heading in HEADINGS}}  # id: the table of contents' anchors
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Element ids the theme and the site's own scripts look up; a heading with the same id would
# be found instead (DOM clobbering), so editors' ids may not start like them.
RESERVED_ID_PREFIXES = ("__", "uv-", "md-")


def allowed_attributes(tag: str) -> frozenset[str]:
    return GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())


FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)[^`]+?\1")


def visible_lines(body: str) -> list[str]:
    """The body's lines with code blanked out (fenced blocks and `code`), which show HTML as
    an example; each line keeps its length, so positions stay as written."""
    lines, fenced = [], False
    for line in normalised(body).split("\n"):
        if FENCE.match(line):
            fenced = not fenced
            lines.append(" " * len(line))
        else:
            lines.append(" " * len(line) if fenced else INLINE_CODE.sub(lambda m: " " * len(m.group()), line))
    return lines


# An image as images.py and page_relative_body expect it: src and alt once each, quoted.
_IMAGE = re.compile(r"""<img(?:\s+(?:src|alt)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))+\s*/?>""", re.IGNORECASE)
_IMAGE_ATTRIBUTE = re.compile(r"\s(?:src|alt)\s*=", re.IGNORECASE)
# fenced_code keeps its highlighted block aside like raw HTML; its content is escaped (no "<").
_CODE_BLOCK = re.compile(r'<pre(?: class="[\w\- ]*")?><code(?: class="[\w\-+ ]*")?>[^<]*</code></pre>', re.DOTALL)
# Browsers drop tabs and line breaks anywhere in a URL and spaces and controls at its ends, so
# "java\nscript:" is javascript: to them.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_URL_TRIMMED = "".join(chr(code) for code in range(0x21))
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def _browser_url(url: str) -> str:
    return _URL_IGNORED.sub("", url).strip(_URL_TRIMMED)


def url_problem(url: str) -> str | None:
    """Why a link address in a body is refused, or None when it is fine."""
    cleaned = _browser_url(url)
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        if cleaned.startswith(("//", "\\", "/\\")):
            return f"adressen {url} saknar https: först"
        return None  # a link within the site
    name = scheme.group(1).lower()
    if name not in LINK_SCHEMES:
        return f"adressen {url} börjar med {name}:, som inte är tillåtet i länkar"
    if name in WEB_SCHEMES:  # the same rule as a URL field: a real public host, no user name before it
        problem = web_address_problem(cleaned)
        return f"{url}: {problem}" if problem else None
    return None


def is_external(src: str) -> bool:
    """An address that leaves the site or carries its own content (https:, //host, data:, …)."""
    cleaned = _browser_url(src)
    return bool(_SCHEME.match(cleaned)) or cleaned.startswith(("//", "\\", "/\\"))


# --- rendering ----------------------------------------------------------------------------

class _WrittenAddresses(Treeprocessor):
    """Runs after the inline patterns and before attr_list: keeps the address each Markdown
    link and image was written with, so that a `{: src=… }` replacing it can be found."""

    def run(self, root):
        self.md.written_addresses = [(element, name, element.get(name)) for element in root.iter()
                                     for name in ("href", "src") if element.get(name) is not None]


@dataclass(frozen=True)
class Rendered:
    html: str  # the body as HTML, as the site renders it (image paths as written, from docs/)
    pieces: tuple[str, ...]  # HTML written by hand, as Markdown kept it aside
    replaced: tuple[tuple[str, str, str], ...]  # (attribute, written, new) changed by {: … }


@lru_cache(maxsize=512)  # the check and images.py both read every body
def rendered(body: str) -> Rendered:
    md = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    md.treeprocessors.register(_WrittenAddresses(md), "uv_written_addresses", 9)  # attr_list: 8
    html = md.convert(body)
    return Rendered(
        html,
        tuple(piece for piece in md.htmlStash.rawHtmlBlocks if isinstance(piece, str)),
        tuple((name, written, element.get(name)) for element, name, written in getattr(md, "written_addresses", ())
              if element.get(name) != written))


# --- the check ----------------------------------------------------------------------------

class _Findings:
    """Problems of one body, each on the first source line that shows it."""

    def __init__(self, raw):
        self.raw = raw
        self.body = normalised(raw.body)
        self.body_lines = self.body.split("\n")
        self._line_starts = [0] + [index + 1 for index, char in enumerate(self.body) if char == "\n"]
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[tuple[int, str]] = set()
        self._cursor = 0

    def line_of(self, *needles: str) -> int:
        for needle in needles:
            needle = needle.strip()
            if not needle:
                continue
            for index, line in enumerate(self.body_lines):
                if needle in line or needle.lower() in line.lower():
                    return self.raw.body_line + index
        return self.raw.body_line

    def piece_line(self, piece: str) -> int | None:
        """The body line (0-based) where a hand-written HTML piece starts. Markdown keeps the
        pieces in the order they are written (blocks first, then inline tags), so the search
        goes on from the previous piece and starts again from the top when it finds nothing."""
        core = piece.strip()  # Markdown adds and drops line breaks around a block
        lead = piece[:len(piece) - len(piece.lstrip())].count("\n")
        index = self.body.find(core, self._cursor)
        if index < 0:
            index = self.body.find(core)
        if index >= 0 and core:
            self._cursor = index + len(core)
            return bisect.bisect_right(self._line_starts, index) - 1 - lead
        lines = piece.split("\n")  # indented (in an admonition): find its first line
        lead = next((number for number, line in enumerate(lines) if line.strip()), 0)
        first = lines[lead].strip() if lines else ""
        return next((number - lead for number, line in enumerate(self.body_lines) if first and first in line), None)

    def add(self, line: int, code: str, problem: str, fix: str) -> None:
        if (line, code) in self._seen:
            return  # the raw-HTML and the rendered check found the same thing
        self._seen.add((line, code))
        self.diagnostics.append(Diagnostic(self.raw.path, line, BODY_FIELD, code, problem, fix))


HTML_FIX = ("skriv texten med Markdown i stället (till exempel **fet**, *kursiv*, [länk](https://…)); "
            "skript, inbäddningar, formulär och attribut som style, class eller onclick går inte att använda")
URL_FIX = "länka med en hel webbadress som börjar med https:// (eller mailto:, tel:), eller till en sida på webbplatsen"
ID_FIX = "byt rubrikens text eller id:t så att det inte börjar med __, uv- eller md-"
COMMENT_FIX = "skriv kommentaren som <!-- anteckning --> (utan -- inuti), eller ta bort den"
REPLACED_FIX = "skriv adressen i själva länken eller bilden, till exempel [text](https://…) eller ![beskrivning](bilder/hamn.jpg)"


def _markup_problem(token: Token, snippet: str) -> tuple[str, str] | None:
    """Comments, doctypes and unfinished tags: refused unless a plain `<!-- text -->`."""
    if token.kind == "Unfinished":
        return f"HTML-koden {snippet} är inte avslutad med >", HTML_FIX
    if token.kind == "Doctype" or (token.kind == "Comment" and not token.source.startswith("<!--")):
        return f"HTML-koden {snippet} är inte tillåten i brödtexten", HTML_FIX  # <?…>, <![CDATA[…]]>, </ x>
    if token.kind != "Comment":
        return None
    text = token.data
    if token.source in ("<!-->", "<!--->"):  # browsers end the comment right there
        return f"kommentaren {snippet} avslutas av webbläsare redan vid {token.source}", COMMENT_FIX
    if "<!--" in text:
        return "en HTML-kommentar innehåller en annan kommentar", "ta bort kommentaren"
    if not token.source.endswith(("-->", "--!>")):
        return "en HTML-kommentar avslutas aldrig med -->", HTML_FIX
    if token.source != f"<!--{text}-->" or "--" in text or text.startswith((">", "->")) or text.endswith("-"):
        return f"kommentaren {snippet} läses olika av olika webbläsare och program", COMMENT_FIX  # --!>, -- >
    return None


def _check_raw_token(token: Token, snippet: str, line: int, findings: _Findings) -> None:
    """A tag written by hand: allowed tags, no attributes, links as <a href>, images as <img src alt>."""
    name, attributes = token.name, token.attributes
    if name == "a" and set(attributes) <= {"href"}:
        why = url_problem(attributes.get("href", ""))
        if why:
            findings.add(line, "otillaten-adress", why, URL_FIX)
        return
    if name == "img" and set(attributes) <= {"src", "alt"} and _IMAGE.fullmatch(token.source) \
            and len(_IMAGE_ATTRIBUTE.findall(token.source)) == len(attributes):
        return  # images.py checks the file and the alt text
    if name == "a":
        problem = f"länken {snippet} ska skrivas som <a href=\"https://…\"> utan andra attribut"
    elif name in RAW_TAGS and not attributes:
        return
    elif name in RAW_TAGS:
        problem = f"HTML-taggen <{name}> får inte ha attribut eller andra tillägg här ({snippet})"
    else:
        problem = f"HTML-taggen <{name}> är inte tillåten i brödtexten"
    findings.add(line, "otillaten-html", problem, HTML_FIX)


def _check_raw_piece(piece: str, findings: _Findings) -> set[tuple[str, str]]:
    """HTML written by hand, token by token; returns what it read, for the rendered check."""
    piece = normalised(piece)
    first_line = findings.piece_line(piece)
    read = set()
    for token in tokens(piece):
        if token.kind in ("Characters", "SpaceCharacters", "EndTag"):
            continue  # an end tag cannot carry anything a browser acts on
        read.add((token.kind, token.source))
        snippet = piece[token.start:token.start + 60].split("\n")[0]
        line = findings.raw.body_line + first_line + piece.count("\n", 0, token.start) \
            if first_line is not None else findings.line_of(snippet, snippet[:12])
        if token.kind == "StartTag":
            _check_raw_token(token, snippet, line, findings)
        elif problem := _markup_problem(token, snippet):
            findings.add(line, "otillaten-html", *problem)
    return read


_COMMENT_END = re.compile(r"--!?>")


def _check_source_comments(findings: _Findings) -> None:
    """Comments as the editor wrote them. Markdown quietly rewrites some odd ones (`--!>`) or
    shows them as text (no `-->`); they are refused as written, as a browser would read them."""
    text = "\n".join(visible_lines(findings.body))
    position = 0
    while (position := text.find("<!--", position)) != -1:
        end = _COMMENT_END.search(text, position + 2)  # where a browser ends it, <!--> included
        comment = tokens(text[position:end.end() if end else len(text)])[0]
        snippet = text[position:position + 60].split("\n")[0]
        if problem := _markup_problem(comment, snippet):
            findings.add(findings.raw.body_line + text.count("\n", 0, position), "otillaten-html", *problem)
        position += max(len(comment.source), 4)


def _check_rendered(html: str, already_read: set[tuple[str, str]], findings: _Findings) -> None:
    """The body after Markdown: known tags and attributes, safe addresses, no clashing ids.

    Tokens that are hand-written HTML already checked by _check_raw_piece are skipped (their
    line is known there); what Markdown made from the editor's text is checked here.
    """
    add, line_of = findings.add, findings.line_of
    for token in tokens(html):
        if token.kind in ("Characters", "SpaceCharacters", "EndTag") or (token.kind, token.source) in already_read:
            continue
        snippet = token.source[:60].split("\n")[0]
        if token.kind != "StartTag":
            if problem := _markup_problem(token, snippet):
                add(line_of(snippet, snippet[:12]), "otillaten-html", *problem)
            continue
        tag = token.name
        if tag not in ALLOWED_TAGS:
            add(line_of(f"<{tag}", tag), "otillaten-html", f"HTML-taggen <{tag}> är inte tillåten i brödtexten", HTML_FIX)
            continue
        for name, value in token.attributes.items():
            if name not in allowed_attributes(tag):
                add(line_of(name + "=", name), "otillaten-html",
                    f"attributet {name} är inte tillåtet på <{tag}> i brödtexten", HTML_FIX)
            elif name == "href" and (why := url_problem(value)):
                add(line_of(value, value[:20], "]("), "otillaten-adress", why, URL_FIX)
            # src: images.py checks every image (on this site, an image file, with alt text).
            elif name == "id" and value.lower().startswith(RESERVED_ID_PREFIXES):
                add(line_of(value, value.replace("-", " ")), "otillaten-html",
                    f"id:t ”{value}” används av webbplatsen själv", ID_FIX)


def check_body(raw) -> list[Diagnostic]:
    """Every unsafe construct in one item's body (raw: a loader.RawItem)."""
    if not raw.body.strip():
        return []
    findings = _Findings(raw)
    try:
        body = rendered(raw.body)
    except Exception as error:  # Markdown should never fail; if it does, say so instead of crashing
        findings.add(raw.body_line, "otillaten-html", f"brödtexten går inte att göra om till HTML ({error})",
                     "förenkla texten runt HTML-kod och specialtecken")
        return findings.diagnostics
    read: set[tuple[str, str]] = set()
    for piece in body.pieces:
        if not _CODE_BLOCK.fullmatch(piece.strip()):  # not Markdown's own code block (escaped text)
            read |= _check_raw_piece(piece, findings)
    for name, written, new in body.replaced:
        findings.add(findings.line_of(f"{name}=", new or ""), "otillaten-html",
                     f"{{: {name}=… }} byter adressen {written} mot {new}", REPLACED_FIX)
    _check_source_comments(findings)
    _check_rendered(body.html, read, findings)
    return findings.diagnostics
