"""The Markdown body of a content file: only HTML that cannot run script or load from elsewhere.

Bodies are written by editors and, now and then, by someone outside the team in a pull
request, and the site places their HTML in every page as it is. So the check turns the body
into HTML with the same Markdown extensions as the site and looks at the result in two ways:

- HTML the editor wrote by hand (Python-Markdown keeps it aside as "raw HTML") may only use a
  few plain tags without attributes, links as `<a href="https://…">` and images as
  `<img src="…" alt="…">` (images.py checks the image itself). Anything else —
  script, style, iframe, event handlers like onerror, forms — is refused as written, so no
  difference between how this check and a browser read odd HTML can matter.
- The whole HTML, after Markdown, may only contain known tags and attributes, and every link
  address has a safe scheme. This also catches attributes from `{: … }` (attr_list),
  Markdown links such as `[x](javascript:…)`, and addresses hidden behind HTML entities.

Each problem names the line in the file: the line where the offending text is written.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

from .diagnostics import Diagnostic

# The same as markdown_extensions in mkdocs.yml plus MkDocs' own defaults (toc, tables,
# fenced_code); a test compares the two lists.
MARKDOWN_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}, "tables": {"use_align_attribute": True}}

BODY_FIELD = "brödtext"

# Tags an editor may write by hand, without attributes (except href on <a>).
RAW_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "s", "small", "strong", "sub",
    "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
})
# What Markdown itself makes, on top of those.
RENDERED_TAGS = RAW_TAGS | {"h1", "img", "pre", "div", "span", "caption", "tfoot"}
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title"})
TAG_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Element ids the theme and the site's own scripts look up; a heading with the same id would
# be found instead (DOM clobbering), so editors' ids may not start like them.
RESERVED_ID_PREFIXES = ("__", "uv-", "md-")

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CLOSE = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")
_OPEN = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\s*/?>")
_LINK = re.compile(r"""<a\s+href\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')\s*>""", re.IGNORECASE)
# An image as images.py expects it: only src and alt, quoted (images.py checks the file and the text).
_IMAGE = re.compile(r"""<img(?:\s+(?:src|alt)\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))+\s*/?>""", re.IGNORECASE)
# fenced_code keeps its highlighted block aside like raw HTML; its content is escaped (no "<").
_CODE_BLOCK = re.compile(r'<pre(?: class="[\w\- ]*")?><code(?: class="[\w\-+ ]*")?>[^<]*</code></pre>', re.DOTALL)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
# Browsers drop tabs and line breaks anywhere in a URL and spaces and controls at its ends, so
# "java\nscript:" is javascript: to them.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def url_problem(url: str) -> str | None:
    """Why an address in a body is refused, or None when it is fine."""
    cleaned = _URL_IGNORED.sub("", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                              "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    scheme = _SCHEME.match(cleaned)
    if scheme is None:
        if cleaned.startswith(("//", "\\")):
            return f"adressen {url} saknar https: först"
        return None  # a link within the site
    name = scheme.group(1).lower()
    if name not in LINK_SCHEMES:
        return f"adressen {url} börjar med {name}:, som inte är tillåtet i länkar"
    if name in ("http", "https") and "." not in (urlsplit(cleaned).hostname or ""):
        return f"adressen {url} är inte en fullständig webbadress"
    return None


class _Findings:
    """Problems of one body, each on the first source line that shows it."""

    def __init__(self, raw, body_lines: list[str]):
        self.raw = raw
        self.body_lines = body_lines
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[tuple[int, str]] = set()

    def line_of(self, *needles: str) -> int:
        for needle in needles:
            needle = needle.strip()
            if not needle:
                continue
            for index, line in enumerate(self.body_lines):
                if needle in line or needle.lower() in line.lower():
                    return self.raw.body_line + index
        return self.raw.body_line

    def add(self, line: int, code: str, problem: str, fix: str) -> None:
        if (line, code) in self._seen:
            return  # the raw-HTML and the rendered check found the same thing
        self._seen.add((line, code))
        self.diagnostics.append(Diagnostic(self.raw.path, line, BODY_FIELD, code, problem, fix))


HTML_FIX = ("skriv texten med Markdown i stället (till exempel **fet**, *kursiv*, [länk](https://…)); "
            "skript, inbäddningar, formulär och attribut som style, class eller onclick går inte att använda")
URL_FIX = "länka med en hel webbadress som börjar med https:// (eller mailto:, tel:), eller till en sida på webbplatsen"
ID_FIX = "byt rubrikens text eller id:t så att det inte börjar med __, uv- eller md-"


def _check_raw_piece(piece: str, findings: _Findings) -> None:
    """Hand-written HTML: allowed tags, no attributes, links only as <a href="…">."""
    for comment in _COMMENT.finditer(piece):
        if "<!--" in comment.group()[4:]:
            findings.add(findings.line_of(comment.group()[:40]), "otillaten-html",
                         "en HTML-kommentar innehåller en annan kommentar", "ta bort kommentaren")
    text = _COMMENT.sub("", piece)
    position = 0
    while (position := text.find("<", position)) != -1:
        rest = text[position:]
        if not rest[1:2] or not (rest[1].isalpha() or rest[1] in "/!?"):
            position += 1
            continue  # "a < b": text, not a tag
        match = _CLOSE.match(rest) or _OPEN.match(rest)
        link = _LINK.match(rest)
        if _IMAGE.match(rest):
            position += _IMAGE.match(rest).end()
            continue
        if link:
            url = link.group(1) if link.group(1) is not None else link.group(2)
            why = url_problem(url)
            if why:
                findings.add(findings.line_of(url), "otillaten-adress", why, URL_FIX)
            position += link.end()
            continue
        tag = _TAG_NAME.match(rest)
        snippet = rest[:60].split("\n")[0]
        if match and match.group(1).lower() in RAW_TAGS:
            position += match.end()
            continue
        if rest.startswith("<!--"):
            problem = "en HTML-kommentar avslutas aldrig med -->"
        elif tag and tag.group(1).lower() == "a":
            problem = f"länken {snippet} ska skrivas som <a href=\"https://…\"> utan andra attribut"
        elif tag and tag.group(1).lower() in RAW_TAGS:
            problem = f"HTML-taggen <{tag.group(1)}> får inte ha attribut eller andra tillägg här ({snippet})"
        elif tag:
            problem = f"HTML-taggen <{tag.group(1)}> är inte tillåten i brödtexten"
        else:
            problem = f"HTML-koden {snippet} är inte tillåten i brödtexten"
        findings.add(findings.line_of(snippet, snippet[:12]), "otillaten-html", problem, HTML_FIX)
        position += 1


class _RenderedCheck(HTMLParser):
    """The body after Markdown: known tags and attributes, safe addresses, no clashing ids."""

    def __init__(self, findings: _Findings):
        super().__init__(convert_charrefs=True)
        self.findings = findings

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        add, line_of = self.findings.add, self.findings.line_of
        if tag not in RENDERED_TAGS:
            add(line_of(f"<{tag}", tag), "otillaten-html", f"HTML-taggen <{tag}> är inte tillåten i brödtexten", HTML_FIX)
            return
        allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                add(line_of(name + "=", name), "otillaten-html",
                    f"attributet {name} är inte tillåtet på <{tag}> i brödtexten", HTML_FIX)
            elif name == "href":
                why = url_problem(value)
                if why:
                    add(line_of(value, value[:20], "]("), "otillaten-adress", why, URL_FIX)
            # src: images.py checks every image (on this site, an image file, with alt text).
            elif name == "id" and value.lower().startswith(RESERVED_ID_PREFIXES):
                add(line_of(value, value.replace("-", " ")), "otillaten-html",
                    f"id:t ”{value}” används av webbplatsen själv", ID_FIX)

    handle_startendtag = handle_starttag

    def handle_decl(self, decl: str) -> None:
        self.findings.add(self.findings.line_of("<!" + decl[:10]), "otillaten-html",
                          f"HTML-koden <!{decl[:30]}> är inte tillåten i brödtexten", HTML_FIX)

    unknown_decl = handle_decl

    def handle_pi(self, data: str) -> None:
        self.findings.add(self.findings.line_of("<?"), "otillaten-html",
                          f"HTML-koden <?{data[:30]}> är inte tillåten i brödtexten", HTML_FIX)


_MARKDOWN: markdown.Markdown | None = None


def _markdown() -> markdown.Markdown:
    global _MARKDOWN
    if _MARKDOWN is None:
        _MARKDOWN = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    return _MARKDOWN.reset()


def check_body(raw) -> list[Diagnostic]:
    """Every unsafe construct in one item's body (raw: a loader.RawItem)."""
    if not raw.body.strip():
        return []
    findings = _Findings(raw, raw.body.split("\n"))
    md = _markdown()
    try:
        html = md.convert(raw.body)
    except Exception as error:  # Markdown should never fail; if it does, say so instead of crashing
        findings.add(raw.body_line, "otillaten-html", f"brödtexten går inte att göra om till HTML ({error})",
                     "förenkla texten runt HTML-kod och specialtecken")
        return findings.diagnostics
    for piece in md.htmlStash.rawHtmlBlocks:
        if isinstance(piece, str) and not _CODE_BLOCK.fullmatch(piece.strip()):
            _check_raw_piece(piece, findings)
    checker = _RenderedCheck(findings)
    checker.feed(html)
    checker.close()
    return findings.diagnostics
