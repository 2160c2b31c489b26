"""Images in content: where editors put them, what the check demands, and page-relative paths.

Editors store images under docs/ (usually docs/bilder/) and write the path from docs/, the
same in the `image` field of a news article and in a Markdown body:

    ![Hamnen i Sundsvall en vinterdag](bilder/hamn.jpg)

`/bilder/hamn.jpg` and `docs/bilder/hamn.jpg` mean the same. The check requires the file to
exist, to be an image, to be on this site (no third-party requests) and to have an alt text.
Before MkDocs sees a body, the paths are rewritten relative to the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .bodies import FENCE, is_external, rendered, visible_lines
from .diagnostics import Diagnostic
from .html5 import normalised, tokens
from .loader import RawItem

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
# The alt text may go on over a line break, not over an empty line (a new paragraph).
MARKDOWN_IMAGE = re.compile(r'!\[(?P<alt>(?:[^\]\n]|\n(?![ \t]*\n))*)\]\(\s*<?(?P<src>[^)\s>]+)>?(?P<title>\s+"[^"]*")?\s*\)')
# `[ref]: bilder/hamn.jpg "title"`, the definition a reference-style image `![…][ref]` uses.
REFERENCE_DEFINITION = re.compile(r'^(?P<label> {0,3}\[[^\]]+\]:[ \t]*<?)(?P<src>[^\s>]+)(?P<rest>>?.*)$', re.MULTILINE)
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HTML_ATTRIBUTE = re.compile(r'([a-zA-Z-]+)\s*=\s*("([^"]*)"|\'([^\']*)\')')
# Alt texts that describe nothing: a screen reader user learns nothing from "bild".
EMPTY_ALTS = {"bild", "foto", "image", "img", "bilden", "fotografi", "picture"}


@dataclass(frozen=True)
class BodyImage:
    line: int  # 1-based line within the body
    src: str
    alt: str | None  # None: an <img> without alt attribute


def html_attributes(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(3) if m.group(3) is not None else m.group(4)
            for m in HTML_ATTRIBUTE.finditer(tag)}


def body_images(body: str) -> Iterator[BodyImage]:
    """Every image of a body as the site renders it, whatever syntax made it: `![…](…)`,
    `![…][ref]`, `<img>`, over several lines, with `{: src=… }`. Each with the line it is
    written on (best effort: Markdown does not keep lines, so the rendered images are matched
    in order to where images start in the text, by their address or alt text)."""
    try:
        html = rendered(body).html
    except Exception:  # bodies.check_body reports a body Markdown cannot render
        return
    text = normalised(body)
    starts = _image_starts(body)
    cursor = 0
    for token in tokens(html):
        if token.kind != "StartTag" or token.name != "img":
            continue
        src, alt = token.attributes.get("src", ""), token.attributes.get("alt")
        written = next((i for i in range(cursor, min(len(starts), cursor + 50))
                        if src in text[starts[i][1]:starts[i][1] + 500]
                        or (alt is not None and text.startswith(f"![{alt}]", starts[i][1]))), None)
        index = written if written is not None else min(cursor, len(starts) - 1)
        cursor = index + 1
        yield BodyImage(starts[index][0] if starts else 1, src, alt)


IMAGE_START = re.compile(r"!\[|<img(?![\w-])", re.IGNORECASE)


def _image_starts(body: str) -> list[tuple[int, int]]:
    """(line, offset) of every `![` and `<img` outside code, in order."""
    starts, offset = [], 0
    for number, visible in enumerate(visible_lines(body), start=1):
        starts += [(number, offset + match.start()) for match in IMAGE_START.finditer(visible)]
        offset += len(visible) + 1
    return starts


def docs_path(src: str) -> str:
    """The image's path under docs/: 'bilder/hamn.jpg' from any of the accepted spellings."""
    path = src.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    return path[len("docs/"):] if path.startswith("docs/") else path


def problems_with_file(root: Path, src: str) -> tuple[str, str, str] | None:
    """(code, problem, fix) when the image is not a usable file on this site; None when it is."""
    if is_external(src):
        return ("extern-bild", f"bilden {src} ligger på en annan webbplats",
                "spara bilden i docs/bilder/ och skriv sökvägen, till exempel bilder/hamn.jpg "
                "(webbplatsen hämtar inget från andra webbplatser)")
    path = docs_path(src)
    if ".." in path.split("/") or not path:
        return ("bild-saknas", f"sökvägen {src} pekar utanför mappen docs",
                "skriv sökvägen från mappen docs, till exempel bilder/hamn.jpg")
    if not path.lower().endswith(IMAGE_SUFFIXES):
        return ("bildformat", f"{src} är inte en bildfil som webbläsare kan visa",
                "använd en bild i formatet jpg, png, webp, gif eller svg")
    file = root / "docs" / path
    if not file.is_file():
        near = sorted(p.relative_to(root / "docs").as_posix() for p in file.parent.glob("*")
                      if p.is_file() and p.name.lower() == file.name.lower()) if file.parent.is_dir() else []
        hint = f"menade du {near[0]}? Stora och små bokstäver räknas" if near else \
            "ladda upp bilden till docs/bilder/ och kontrollera stavningen i sökvägen"
        return ("bild-saknas", f"bilden docs/{path} finns inte", hint)
    if not path.lower().endswith(".svg") and not _readable_image(file):
        return ("bildformat", f"docs/{path} går inte att läsa som en bild",
                "spara bilden på nytt som jpg eller png och ladda upp den igen")
    return None


def _readable_image(file: Path) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError):
        return False


def alt_problem(alt: str | None) -> tuple[str, str] | None:
    """(problem, fix) when an alt text is missing or says nothing."""
    text = (alt or "").strip()
    if not text:
        return ("bilden saknar alternativtext",
                "skriv en kort beskrivning av vad bilden visar inom [ ], till exempel ![Hamnen i Sundsvall](bilder/hamn.jpg)")
    if text.lower().rstrip(".") in EMPTY_ALTS or text.lower().endswith(IMAGE_SUFFIXES):
        return (f"alternativtexten ”{text}” beskriver inte bilden",
                "skriv vad bilden visar, till exempel ”Hamnen i Sundsvall en vinterdag”")
    return None


def check_item_images(root: Path, raw: RawItem) -> list[Diagnostic]:
    """Images in one content file: the `image` field (news) and every image in the body."""
    found: list[Diagnostic] = []
    image = raw.data.get("image")
    if isinstance(image, str) and image.strip():
        problem = problems_with_file(root, image.strip())
        if problem:
            found.append(Diagnostic(raw.path, raw.line_of(("image",)), "image", *problem))
        alt = raw.data.get("image_alt")
        said_nothing = alt_problem(alt) if isinstance(alt, str) and alt.strip() else None
        if said_nothing:
            found.append(Diagnostic(raw.path, raw.line_of(("image_alt",)), "image_alt", "alt-text-saknas",
                                    *said_nothing))
    for picture in body_images(raw.body):
        line = raw.body_line + picture.line - 1
        problem = problems_with_file(root, picture.src)
        if problem:
            found.append(Diagnostic(raw.path, line, "brödtext", *problem))
        missing_alt = alt_problem(picture.alt)
        if missing_alt:
            found.append(Diagnostic(raw.path, line, "brödtext", "alt-text-saknas", *missing_alt))
    return found


def page_relative_body(body: str, src_uri: str) -> str:
    """Image paths written from docs/ → paths relative to the generated page.

    Markdown images (inline, or the definition `[ref]: bilder/…` of `![…][ref]`) are resolved
    by MkDocs relative to the page's source (src_uri); raw HTML is not touched by MkDocs, so
    its src is made relative to the page's URL (…/slug/). An image may span lines.
    """
    source_dir = posixpath.dirname(src_uri) or "."
    url_dir = posixpath.dirname(src_uri) if src_uri.endswith("index.md") else src_uri[:-3]

    def markdown(match: re.Match) -> str:
        src = match.group("src")
        if is_external(src):
            return match.group(0)
        relative = posixpath.relpath(docs_path(src), source_dir)
        return f"![{match.group('alt')}]({relative}{match.group('title') or ''})"

    def definition(match: re.Match) -> str:
        src = match.group("src")
        if is_external(src) or not docs_path(src).lower().endswith(IMAGE_SUFFIXES):
            return match.group(0)  # a link's definition, not an image's
        return match.group("label") + posixpath.relpath(docs_path(src), source_dir) + match.group("rest")

    def html(match: re.Match) -> str:
        tag = match.group(0)
        src = html_attributes(tag).get("src")
        if not src or is_external(src):
            return tag
        relative = posixpath.relpath(docs_path(src), url_dir or ".")
        return tag.replace(src, relative, 1)

    if "<img" not in body.lower() and "![" not in body:
        return body
    out: list[str] = []
    chunk: list[str] = []
    fenced = False

    def flush():  # the lines since the last code block
        if not chunk:
            return
        text = "\n".join(chunk)
        out.append(HTML_IMAGE.sub(html, REFERENCE_DEFINITION.sub(definition, MARKDOWN_IMAGE.sub(markdown, text))))
        chunk.clear()

    for line in body.split("\n"):
        if fenced or FENCE.match(line):
            flush()
            fenced = fenced != bool(FENCE.match(line))  # a fence line opens or closes the block
            out.append(line)
        else:
            chunk.append(line)
    flush()
    return "\n".join(out)
