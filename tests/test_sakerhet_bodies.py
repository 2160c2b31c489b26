"""Bodies read the way a browser reads them, and sanitised before they reach a page.

- Tricks that made the old, regular-expression check see something else than a browser —
  comments that browsers end early (`<!-->`), tags behind them, namespace and entity tricks —
  are check errors on the line where they are written.
- Images are checked after rendering, whatever syntax made them (reference style, `data:`,
  `{: src=… }`, over two lines): the image rules and the alt-text rule apply to every one.
- The sanitizer (sanitize.py) publishes nothing outside the allow-list even when it gets HTML
  the check would refuse, and leaves what the check accepts as it is.

The browser test for the comment trick is in test_sakerhet_bodies_browser.py.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from conftest import FIXTURES, GOOD_OFFER_FRONT
from utveckla.content import bodies
from utveckla.content.html5 import normalised, tokens
from utveckla.content.images import check_item_images, page_relative_body
from utveckla.content.validate import load_site
from utveckla.outputs.sanitize import sanitize

TODAY = dt.date(2026, 11, 22)
OFFER = GOOD_OFFER_FRONT + "Första stycket.\n\n"
FIRST = 11  # the line of the first body line after "Första stycket."
EVIL = "https://evil.example.com"
REFRESH = f'<meta http-equiv="refresh" content="0;url={EVIL}/">'


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bodies")
    shutil.copytree(FIXTURES / "content", root / "content")
    (root / "docs" / "bilder").mkdir(parents=True)
    Image.new("RGB", (40, 30), (30, 90, 150)).save(root / "docs" / "bilder" / "hamn.jpg")
    return root


def problems(root: Path, body: str) -> list[tuple[int, str]]:
    """(line, code) of every problem in an offer with this body after the first paragraph."""
    file = root / "content" / "stod" / "x.md"
    file.write_text(OFFER + body, encoding="utf-8")
    try:
        _, diagnostics = load_site(root, TODAY)
    finally:
        file.unlink()
    assert all(d.path == "content/stod/x.md" for d in diagnostics), [d.text() for d in diagnostics]
    return sorted((d.line, d.code) for d in diagnostics)


# --- HTML a browser reads differently from a regular expression ---------------------------

COMMENT_TRICKS = {
    "abrupt <!-->": f"<!--> {REFRESH} -->",
    "abrupt <!--->": f"<!---> {REFRESH} -->",
    "inline <!-->": f"Text <!--> {REFRESH} --> mer",
    "-- > is no end": f"<!-- a -- > {REFRESH} -->",
    "--!> ends": f"<!-- a --!> {REFRESH} -->",
    "nested": f"<!-- a <!-- b --> {REFRESH}",
    "never ends": f"<!-- {REFRESH}",
    "ends on -->": f"<!-- a ---> {REFRESH}",
    "CDATA": f"<![CDATA[ {REFRESH} ]]>",
    "processing instruction": f'<?xml-stylesheet href="{EVIL}/x.css"?>',
    "bogus comment": f"</ {REFRESH}>",
    "doctype": "<!DOCTYPE html>",
}


@pytest.mark.parametrize("body", COMMENT_TRICKS.values(), ids=COMMENT_TRICKS.keys())
def test_comments_browsers_end_elsewhere_are_refused(tree, body):
    assert (FIRST, "otillaten-html") in problems(tree, body)


def test_the_comment_trick_is_found_on_its_line(tree):
    body = f"Text.\n\n<!--> {REFRESH} <a href=\"javascript:alert(1)\">x</a> <form action={EVIL}><input></form> -->"
    assert problems(tree, body) == [(FIRST + 2, "otillaten-adress"), (FIRST + 2, "otillaten-html")]


def test_a_plain_comment_is_fine(tree):
    assert problems(tree, "<!-- anteckning: uppdatera i maj -->\n\nText <!-- kort --> här.\n\n<!---->") == []


TAG_TRICKS = {
    "meta": f"Text {REFRESH} här",
    "form": f'<form action="{EVIL}/"><input name="q"><button>Sök</button></form>',
    "base": f'<base href="{EVIL}/">',
    "link": f'<link rel="stylesheet" href="{EVIL}/x.css">',
    "svg": '<svg><a href="javascript:alert(1)"><text y="15">x</text></a></svg>',
    "svg script": "<svg><script>alert(1)</script></svg>",
    "math": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    "textarea": "<textarea><!--</textarea><img src=x onerror=alert(1)>--></textarea>",
    "uppercase": "<P ONCLICK=alert(1)>x</P>",
    "slash-separated": "<p/onclick=alert(1)>x</p>",
    "img slash-separated": '<p>Kajen: <img/src="bilder/hamn.jpg"/alt="Kajen"/onerror=alert(1)></p>',
    "attribute without space": '<p>Läs <a href="https://www.almi.se/"onclick="alert(1)">mer</a></p>',
}


@pytest.mark.parametrize("body", TAG_TRICKS.values(), ids=TAG_TRICKS.keys())
def test_tags_and_attributes_outside_the_allow_list_are_refused(tree, body):
    assert (FIRST, "otillaten-html") in problems(tree, body)


ADDRESS_TRICKS = {
    "uppercase": '<A HREF="JaVaScRiPt:alert(1)">x</A>',
    "slash-separated": "x <a/href=javascript:alert(1)>x</a>",
    "whitespace": '<a\n   href = "javascript:alert(1)">x</a>',
    "unquoted": "<a href=javascript:alert(1)>x</a>",
    "decimal entities": '<a href="&#106;avascript&#58;alert(1)">x</a>',
    "hex entities": '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
    "named entity tab": '<a href="java&Tab;script:alert(1)">x</a>',
    "markdown entity": "[x](&#106;avascript:alert(1))",
    "backslash host": "[x](/\\evil.example.com/)",
    "attr_list href": '[x](https://www.almi.se/){: href="javascript:alert(1)" }',
}


@pytest.mark.parametrize("body", ADDRESS_TRICKS.values(), ids=ADDRESS_TRICKS.keys())
def test_link_addresses_are_read_as_a_browser_reads_them(tree, body):
    assert (FIRST, "otillaten-adress") in problems(tree, body)


def test_each_problem_is_on_its_own_line(tree):
    body = "<b>fet</b>\n\n<p>\n<script>alert(1)</script>\n</p>\n\nText.\n\n<script>alert(2)</script>"
    assert problems(tree, body) == [(FIRST + 3, "otillaten-html"), (FIRST + 8, "otillaten-html")]


# --- images, whatever syntax made them ----------------------------------------------------

IMAGE_TRICKS = {
    "reference": (f"![Kajen i Tunadal][kaj]\n\nText.\n\n[kaj]: {EVIL}/x.png", [(FIRST, "extern-bild")]),
    "reference to no file": ("![Kajen i Tunadal][kaj]\n\n[kaj]: bilder/saknas.jpg", [(FIRST, "bild-saknas")]),
    "reference without alt": ("Text.\n\n![][kaj]\n\n[kaj]: bilder/hamn.jpg", [(FIRST + 2, "alt-text-saknas")]),
    "data: in markdown": ("![Kajen](data:image/gif;base64,R0lGODlhAQABAAAAACw=)", [(FIRST, "extern-bild")]),
    "data: in html": ('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Kajen">', [(FIRST, "extern-bild")]),
    "attr_list src": (f'Text.\n\n![Kajen](bilder/hamn.jpg){{: src="{EVIL}/x.png" }}',
                      [(FIRST + 2, "extern-bild"), (FIRST + 2, "otillaten-html")]),
    "attr_list alt": ('![Kajen](bilder/hamn.jpg){: alt="" }', [(FIRST, "alt-text-saknas")]),
    "img over lines": (f'Text.\n\n<img\n  src="{EVIL}/x.png"\n  alt="Kajen">', [(FIRST + 2, "extern-bild")]),
    "img over lines without alt": ('Text.\n\n<img\n  src="bilder/hamn.jpg">', [(FIRST + 2, "alt-text-saknas")]),
    "markdown image over lines": (f"Text.\n\n![Kajen i\nvinterljus]({EVIL}/x.png)", [(FIRST + 2, "extern-bild")]),
    "second of two": (f"![Kajen](bilder/hamn.jpg)\n\n![Kajen igen]({EVIL}/x.png)", [(FIRST + 2, "extern-bild")]),
}


@pytest.mark.parametrize("body, expected", IMAGE_TRICKS.values(), ids=IMAGE_TRICKS.keys())
def test_every_rendered_image_is_checked_on_its_line(tree, body, expected):
    assert problems(tree, body) == expected


def test_images_in_every_syntax_pass_when_right(tree):
    body = ("![Kajen i Tunadal][kaj]\n\n![Kajen i\nvinterljus](bilder/hamn.jpg)\n\n"
            '<img\n  src="bilder/hamn.jpg" alt="Kajen från vattnet">\n\n[kaj]: bilder/hamn.jpg "Kajen"')
    assert problems(tree, body) == []


def test_every_image_syntax_gets_a_page_relative_path():
    body = ('![A][a]\n![B\nC](bilder/b.jpg)\n<img\nsrc="bilder/c.jpg" alt="C">\n[a]: bilder/a.jpg "A"\n'
            "[sida]: ../kalender/\n```\n![kod](bilder/kod.jpg)\n```")
    assert page_relative_body(body, "stod/lan.md") == (
        '![A][a]\n![B\nC](../bilder/b.jpg)\n<img\nsrc="../../bilder/c.jpg" alt="C">\n[a]: ../bilder/a.jpg "A"\n'
        "[sida]: ../kalender/\n```\n![kod](bilder/kod.jpg)\n```")


# --- the sanitizer ------------------------------------------------------------------------

HOSTILE = [*COMMENT_TRICKS.values(), *TAG_TRICKS.values(), *ADDRESS_TRICKS.values(),
           *(body for body, _ in IMAGE_TRICKS.values()),
           '<a href="https://www.almi.se/" target="_blank" rel="opener" style="x" onmouseover="alert(1)">x</a>',
           '<h2 id="__config">Klottrat id</h2>\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>']


def elements(html: str) -> list:
    return list(html5lib.parseFragment(html, namespaceHTMLElements=False).iter())


@pytest.mark.parametrize("body", HOSTILE)
def test_the_sanitizer_publishes_nothing_outside_the_allow_list(body):
    """As if the check had been bypassed: the body as MkDocs renders it, then sanitize()."""
    html = sanitize(bodies.rendered(body).html)
    found = elements(html)[1:]  # [0] is the fragment itself
    assert {element.tag for element in found} <= bodies.ALLOWED_TAGS, html
    for element in found:
        assert set(element.attrib) <= bodies.allowed_attributes(element.tag), html
        assert not bodies.url_problem(element.get("href", "")), html
        assert not bodies.is_external(element.get("src", "")), html
        assert not element.get("id", "").startswith(bodies.RESERVED_ID_PREFIXES), html
    assert {token.kind for token in tokens(html)} <= {"StartTag", "EndTag", "Characters", "SpaceCharacters"}, html


ACCEPTED = [
    "Text med <b>fet</b>, <em>kursiv</em>, <br> och <a href=\"https://www.almi.se/\">en länk</a>.",
    "[Almi](https://www.almi.se/?a=1&b=2 \"Almi\"), [e-post](mailto:info@almi.se), [telefon](tel:+46101301000) och [stöd](../)",
    "| A | B |\n|:--|--:|\n| 1 | 2 |\n\n!!! note \"Obs\"\n    En ruta.",
    "Kod: `<script>alert(1)</script>` och\n\n```python\nprint(\"<b>\" & 'x')\n```",
    "## Rubrik {: #egen-rubrik .klass }\n\n1. ett\n2. två\n\n3. tre",
    "![Kajen i Tunadal](bilder/hamn.jpg \"Kajen\")",
]


@pytest.mark.parametrize("body", ACCEPTED)
def test_the_sanitizer_leaves_an_accepted_body_as_it_is(body):
    html = bodies.rendered(body).html
    assert bodies.check_body(Raw(body)) == []
    assert dom(sanitize(html)) == dom(html)  # only how <img /> and quotes are written may differ
    assert "noopener" not in sanitize(html)  # no rel= is added to links (link_rel=None)


def dom(html: str) -> str:
    """The body as a browser builds it in a page (standards mode, as every page has <!doctype html>)."""
    document = html5lib.parse(f"<!DOCTYPE html><body>{html}", namespaceHTMLElements=False)
    return html5lib.serialize(document.find("body"), tree="etree", omit_optional_tags=False, quote_attr_values="always")


# --- properties ---------------------------------------------------------------------------

@dataclass
class Raw:
    """What check_body and check_item_images read of a content file."""

    body: str
    path: str = "content/stod/x.md"
    body_line: int = 9
    data: dict = field(default_factory=dict)

    def line_of(self, path: tuple) -> int:
        return 1


SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
PIECES = st.sampled_from([
    "<", ">", "!", "-", "--", "<!--", "-->", "--!>", "<!-->", "/", "=", '"', "'", " ", "\n", "\n\n", "&", "#",
    ";", "&#106;", "a", "p", "b", "img", "href", "src", "alt", "onclick", "javascript:", "https://x.se/",
    "bilder/hamn.jpg", "x", "meta", "svg", "script", "[", "]", "(", ")", "![", "{:", "}", "`", "    ", "!!! note",
])


@SETTINGS
@given(st.lists(PIECES, max_size=40).map("".join))
def test_tokens_cover_the_text_exactly(text):
    assert "".join(token.source for token in tokens(text)) == normalised(text)


@SETTINGS
@given(st.lists(PIECES, max_size=40).map("".join))
def test_what_the_check_accepts_the_sanitizer_keeps(tree, body):
    """If the check (tags, addresses, images) finds nothing, the sanitizer keeps every element,
    attribute and character but comments: the check and the sanitizer hold the same
    allow-list. (Badly nested hand-written tags may come out nested differently.)"""
    raw = Raw(body)
    if bodies.check_body(raw) or check_item_images(tree, raw):
        return
    html = bodies.rendered(body).html
    assert parts(sanitize(html)) == parts(html)


def parts(html: str) -> tuple[Counter, str]:
    """Every element with its attributes, and every character of the text (comments left out),
    as a browser builds them in a standards-mode page."""
    body = html5lib.parse(f"<!DOCTYPE html><body>{html}", namespaceHTMLElements=False).find("body")
    found, text = Counter(), []
    for element in body.iter():
        if isinstance(element.tag, str):  # not a comment
            found[element.tag, tuple(sorted(element.attrib.items()))] += element is not body
            text.append(element.text or "")
        text.append(element.tail or "" if element is not body else "")
    return +found, "".join(sorted("".join(text)))
