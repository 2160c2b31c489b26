"""The built pages lose the theme's blank lines and indentation, and nothing a reader sees."""

from __future__ import annotations

import re

import html5lib

from utveckla.outputs.htmlspace import squeeze


def visible_text(html: str) -> str:
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return re.sub(r"\s+", " ", "".join(document.find("body").itertext())).strip()


def test_blank_lines_and_indentation_go_but_preformatted_text_and_scripts_stay():
    page = ("<body>\n\n    <p>Stöd\n      <b>och</b>\n\n   lån</p>\n  \n<pre><code>rad 1\n\n    rad 3</code></pre>\n"
            "   <code>a  \n   b</code>\n<textarea>\n  x</textarea>\n<script>\n    const a = 1;\n</script>\n</body>")
    squeezed = squeeze(page)
    assert "\n\n" not in squeezed.replace("rad 1\n\n    rad 3", "")
    assert "<pre><code>rad 1\n\n    rad 3</code></pre>" in squeezed
    assert "<code>a  \n   b</code>" in squeezed and "<textarea>\n  x</textarea>" in squeezed
    assert "<script>\n    const a = 1;\n</script>" in squeezed
    assert visible_text(squeezed) == visible_text(page)


def test_built_pages_are_smaller_and_read_the_same(county_site):
    page = (county_site / "redaktorer" / "felkoder" / "index.html").read_text(encoding="utf-8")
    assert squeeze(page) == page  # the build already did it
    outside = re.sub(r"<(pre|code|script|style|textarea)\b.*?</\1>", "KEPT", page, flags=re.S)
    assert not re.search(r"\n[ \t]*\n", outside) and not re.search(r"\n[ \t]+<", outside)
