"""Addresses and Markdown bodies: only what cannot run script or load from other hosts.

Every URL field of every collection (found from the models, so a new one is covered too)
refuses javascript:, data: and the like; every body is checked against the HTML allow-list
with a message on the right line.
"""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, GOOD_OFFER_FRONT
from hostile_support import HOSTILE_BODY, RESULT_SENTENCES, ROOT, items, write_content
from utveckla.content import bodies, fields
from utveckla.content.collections import COLLECTIONS
from utveckla.content.validate import load_site

TODAY = dt.date(2026, 11, 22)


def url_fields(model, prefix: tuple = ()) -> list[tuple]:
    """Paths of every field checked by check_web_url, nested models included."""
    found = []
    for name, info in model.model_fields.items():
        path = prefix + (name,)
        if any(getattr(meta, "func", None) is fields.check_web_url for meta in _metadata(info.annotation)) or \
                any(getattr(meta, "func", None) is fields.check_web_url for meta in info.metadata):
            found.append(path)
        for arg in getattr(info.annotation, "__args__", (info.annotation,)):
            if hasattr(arg, "model_fields"):
                found += url_fields(arg, path)
    return found


def _metadata(annotation) -> list:
    found = list(getattr(annotation, "__metadata__", ()))
    for arg in getattr(annotation, "__args__", ()):
        found += _metadata(arg)
    return found


ALL_URL_FIELDS = [(name, path) for name, collection in COLLECTIONS.items() for path in url_fields(collection.model)]


def test_every_collection_has_its_url_fields_found():
    found = {(name, ".".join(path)) for name, path in ALL_URL_FIELDS}
    assert {("stod", "url"), ("stod", "source"), ("aktorer", "url"), ("kommuner", "website"),
            ("kommuner", "business_office.url"), ("evenemang", "online"), ("evenemang", "registration.url"),
            ("investeringar", "url"), ("aktuellt", "source")} <= found


@pytest.fixture(scope="module")
def hostile_tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fields")
    write_content(root)
    shutil.copytree(ROOT / "docs", root / "docs")  # the article's image is docs/assets/delningsbild.png
    _, diagnostics = load_site(root, TODAY)
    assert diagnostics == []  # the hostile tree itself is valid content
    return root


def with_value(root: Path, collection: str, path: tuple, value: object) -> list[str]:
    """Diagnostics after setting one field of the collection's hostile item (then restoring it)."""
    name, data = next((n, copy.deepcopy(d)) for n, d in items().items() if n.startswith(collection + "/"))
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value
    file = root / "content" / name
    original = file.read_text(encoding="utf-8")
    body = RESULT_SENTENCES if collection == "resultat" else ""  # a result needs its three-sentence summary
    file.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")
    try:
        _, diagnostics = load_site(root, TODAY)
    finally:
        file.write_text(original, encoding="utf-8")
    return [f"{d.field} [{d.code}]" for d in diagnostics if d.path == f"content/{name}"]


@pytest.mark.parametrize("collection, path", ALL_URL_FIELDS, ids=lambda x: ".".join(x) if isinstance(x, tuple) else x)
@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)//https://x.se", "data:text/html,<script>",
                                 "vbscript:msgbox(1)", "mailto:info@example.se", "/stod/", "https://x.se/\"><script>",
                                 "https://x.se/ onmouseover=alert(1)", "https://localhost"])
def test_url_fields_refuse_what_is_not_a_web_address(hostile_tree, collection, path, url):
    assert with_value(hostile_tree, collection, path, url) == [f"{'.'.join(path)} [ogiltig-url]"]


@pytest.mark.parametrize("email", ["a<b>@x.se", 'a"onmouseover=x"@x.se', "javascript:alert(1)@x.se", "a@x"])
def test_email_fields_refuse_html_characters(hostile_tree, email):
    assert with_value(hostile_tree, "aktorer", ("email",), email) == ["email [ogiltig-epost]"]


def test_email_with_swedish_letters_is_fine(hostile_tree):
    assert with_value(hostile_tree, "aktorer", ("email",), "åsa.öberg@företag.se") == []


@pytest.mark.parametrize("image, code", [
    ("javascript:alert(1)", "extern-bild"), ("https://x.se/bild.png", "extern-bild"), ("//x.se/bild.png", "extern-bild"),
    ("../../etc/bild.png", "bild-saknas"), ("bilder/saknas.png", "bild-saknas"),
])
def test_article_image_must_be_an_image_on_the_site(hostile_tree, image, code):
    """images.py checks the image field: no address that loads or runs anything elsewhere."""
    assert with_value(hostile_tree, "aktuellt", ("image",), image) == [f"image [{code}]"]


# --- bodies -------------------------------------------------------------------------------

GOOD_OFFER = GOOD_OFFER_FRONT
HTML_FIX = ("skriv texten med Markdown i stället (till exempel **fet**, *kursiv*, [länk](https://…)); skript, "
            "inbäddningar, formulär och attribut som style, class eller onclick går inte att använda [otillaten-html]")
URL_FIX = ("länka med en hel webbadress som börjar med https:// (eller mailto:, tel:), eller till en sida på "
           "webbplatsen [otillaten-adress]")


def body_problems(tmp_path: Path, body: str) -> list[str]:
    shutil.copytree(FIXTURES / "content", tmp_path / "content", dirs_exist_ok=True)
    (tmp_path / "content" / "stod" / "x.md").write_text(GOOD_OFFER + body, encoding="utf-8")
    _, diagnostics = load_site(tmp_path, TODAY)
    return [d.text() for d in diagnostics]


@pytest.mark.parametrize("body", [
    "Text med <b>fet</b>, <em>kursiv</em>, <br> och <a href=\"https://www.almi.se/\">en länk</a>.\n\n<!-- anteckning -->",
    "[Almi](https://www.almi.se/), [e-post](mailto:info@almi.se), [telefon](tel:+46101301000) och [stöd](../)",
    "| A | B |\n|:--|--:|\n| 1 | 2 |\n\n!!! note\n    En ruta.",
    "Kod: `<script>alert(1)</script>` och\n\n    <iframe src=x></iframe>\n\nsamt a < b och &lt;script&gt;.",
    "## Rubrik {: #egen-rubrik .klass }\n\nStycke med *betoning*.",
    HOSTILE_BODY,
])
def test_safe_bodies_are_accepted(tmp_path, body):
    assert body_problems(tmp_path, body) == []


@pytest.mark.parametrize("body, line, problem", [
    ("Text.\n\n<script>alert(1)</script>", 11, "HTML-taggen <script> är inte tillåten i brödtexten"),
    ("<style>body { display: none }</style>", 9, "HTML-taggen <style> är inte tillåten i brödtexten"),
    ("Text.\n\n<iframe src=\"https://x.se\"></iframe>", 11, "HTML-taggen <iframe> är inte tillåten i brödtexten"),
    ("En bild <img src=\"bilder/x.png\" alt=\"x\" onerror=\"alert(1)\"> här.", 9,
     "HTML-taggen <img> är inte tillåten i brödtexten"),
    ("<p onclick=\"alert(1)\">Text</p>", 9,
     "HTML-taggen <p> får inte ha attribut eller andra tillägg här (<p onclick=\"alert(1)\">Text</p>)"),
    ("<a href=\"https://x.se\" onmouseover=\"alert(1)\">x</a>", 9,
     "länken <a href=\"https://x.se\" onmouseover=\"alert(1)\"> ska skrivas som <a href=\"https://…\"> utan andra attribut"),
    ("<svg><script>alert(1)</script></svg>", 9, "HTML-taggen <svg> är inte tillåten i brödtexten"),
    ("Första.\n\nStycke\n{: onclick=\"alert(1)\" }", 12, "attributet onclick är inte tillåtet på <p> i brödtexten"),
    ("<div markdown=\"1\" style=\"color: red\">\n*x*\n</div>", 9, "attributet style är inte tillåtet på <div> i brödtexten"),
])
def test_unsafe_html_in_a_body(tmp_path, body, line, problem):
    found = [p for p in body_problems(tmp_path, body) if not p.endswith(("[bild-saknas]", "[alt-text-saknas]"))]
    assert found == [f"content/stod/x.md:{line}: brödtext: {problem} — {HTML_FIX}"]


@pytest.mark.parametrize("body, line, address", [
    ("[klicka](javascript:alert(1))", 9, "adressen javascript:alert(1) börjar med javascript:, som inte är tillåtet i länkar"),
    ("Text.\n\n[klicka](&#106;avascript:alert(1))", 11,
     "adressen javascript:alert(1) börjar med javascript:, som inte är tillåtet i länkar"),
    ("[klicka][x]\n\n[x]: JAVASCRIPT:alert(1)", 11,
     "adressen JAVASCRIPT:alert(1) börjar med javascript:, som inte är tillåtet i länkar"),
    ("<a href=\"data:text/html,x\">x</a>", 9, "adressen data:text/html,x börjar med data:, som inte är tillåtet i länkar"),
    ("[x](//evil.example/)", 9, "adressen //evil.example/ saknar https: först"),
])
def test_unsafe_addresses_in_a_body(tmp_path, body, line, address):
    assert body_problems(tmp_path, body) == [f"content/stod/x.md:{line}: brödtext: {address} — {URL_FIX}"]


@pytest.mark.parametrize("heading, id_", [("## __config", "__config"), ("## Filter {: #uv-filter }", "uv-filter")])
def test_ids_the_site_uses_itself_are_refused(tmp_path, heading, id_):
    """A heading with the id of the theme's config or the filter form would be found instead of it."""
    found = body_problems(tmp_path, heading)
    assert found == [f"content/stod/x.md:9: brödtext: id:t ”{id_}” används av webbplatsen själv — byt rubrikens "
                     f"text eller id:t så att det inte börjar med __, uv- eller md- [otillaten-html]"]


def test_the_check_uses_the_sites_markdown_extensions():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    site = {next(iter(e)) if isinstance(e, dict) else e: (next(iter(e.values())) if isinstance(e, dict) else {})
            for e in config["markdown_extensions"]}
    assert set(site) | {"toc", "tables", "fenced_code"} == set(bodies.MARKDOWN_EXTENSIONS)
    assert site["tables"] == {"use_align_attribute": "true"}
    assert bodies.EXTENSION_CONFIGS["tables"] == {"use_align_attribute": True}
