"""The editors' guide: published, linked, every error code explained, a field reference that
lists every model field, examples that pass the check, and "Redigera sidan" on every page."""

from __future__ import annotations

import html as htmllib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import COUNTY, ROOT
from utveckla.content.collections import COLLECTIONS
from utveckla.content.diagnostics import CODES, GUIDE_URL
from utveckla.content.fieldinfo import collection_fields
from utveckla.content.site import URL_PREFIX
from utveckla.content.validate import load_site
from utveckla.editor.guide import COMMON, COMMON_FIELDS
from utveckla.outputs.sitesearch import indexed_pages

EDIT = "https://github.com/hso-vasternorrland/utveckla-vasternorrland/edit/main/"
TREE = "https://github.com/hso-vasternorrland/utveckla-vasternorrland/tree/main/"
GUIDE = ["index", "arbetsgang", "stod", "evenemang", "investeringar", "nyheter", "kommuner", "bilder", "felkoder", "falt"]


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def edit_link(page_html: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" class="uv-footer__edit" rel="edit">Ändra sidan \(för redaktörer\)</a>', page_html)
    return match.group(1) if match else None


def test_guide_pages_are_published_and_linked(county_site):
    for page in GUIDE:
        assert (county_site / "redaktorer" / ("" if page == "index" else page) / "index.html").is_file(), page
    start = read(county_site, "index.html")
    # For the communicators, not the visitors: linked from the footer, not from the tabs or the menu.
    footer = start[start.index('class="md-copyright uv-footer"'):]
    assert '<a href="redaktorer/">För redaktörer</a>' in footer
    assert "redaktorer/" not in start[:start.index('class="md-copyright uv-footer"')]
    guide = read(county_site, "redaktorer/index.html")
    for page in GUIDE[1:]:
        assert f'href="{page}/' in guide, page


def test_the_guide_is_not_in_the_visitors_search_but_the_site_is(county_site):
    locations = [url.lstrip("/") for url in indexed_pages(county_site)]
    assert not [location for location in locations if location.startswith("redaktorer/")]
    assert any(location.startswith("stod/") for location in locations)
    assert any(location.startswith("om/") for location in locations)


def test_no_edit_pencil_in_the_content_area(county_site):
    # The edit link is the footer's "Ändra sidan (för redaktörer)", never a button by the heading.
    for page in ["index.html", "stod/index.html", "om/index.html", "redaktorer/index.html",
                 "investeringar/index.html", "kommuner/sundsvall/index.html"]:
        html = read(county_site, page)
        assert "md-content__button" not in html, page
        assert edit_link(html), page


def test_guide_url_in_diagnostics_is_the_published_error_code_page():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    assert GUIDE_URL == config["site_url"] + "redaktorer/felkoder/"


@pytest.mark.parametrize("code", list(CODES))
def test_every_error_code_has_its_section_with_an_example(county_site, code):
    page = read(county_site, "redaktorer/felkoder/index.html")
    match = re.search(rf'<h3 id="{re.escape(code)}">(.*?)</h3>(.*?)(?=<h[23][ >]|<footer|</article>)', page, re.S)
    assert match, f"felkoder saknar ett avsnitt med id {code}"
    assert text_of(match.group(1)) == CODES[code]
    section = match.group(2)
    assert "Fel" in text_of(section) and "Rätt" in text_of(section), code
    assert "<code" in section, f"{code}: inget exempel"


def test_no_error_page_section_without_a_code(county_site):
    page = read(county_site, "redaktorer/felkoder/index.html")
    assert set(re.findall(r'<h3 id="([^"]+)"', page)) == set(CODES)


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_field_reference_lists_every_model_field(county_site, collection):
    page = read(county_site, "redaktorer/falt/index.html")

    def table(name: str) -> str:
        section = page[page.index(f'<h2 id="{name}">'):]
        return section[: section.index("</table>")]

    def walk(docs, prefix=""):
        for doc in docs:
            name = prefix + doc.name
            common = not prefix and doc.name in COMMON_FIELDS  # described once, for every collection
            where = COMMON if common else collection
            row = re.search(rf'<tr id="{where}-{name.replace(".", "-")}">(.*?)</tr>', table(where), re.S)
            assert row, f"{collection}.{name} saknas i fältreferensen"
            cells = [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row.group(1), re.S)]
            assert cells[0] == name + doc.label  # the field, then its name in the form editor
            assert doc.required_text in cells[1] if common else cells[1] == doc.required_text
            assert doc.description in cells[3]
            walk(doc.children, name + ".")

    walk(collection_fields(collection))


def test_field_reference_lists_the_ids_editors_may_use(county_site):
    reference = read(county_site, "redaktorer/falt/index.html")
    ids = text_of(read(county_site, "redaktorer/id/index.html"))
    assert "lan Lån" in ids and "ornskoldsvik Örnsköldsvik" in ids
    assert "Id:n under investeringsstatus i content/taxonomier.yml" in ids
    assert "Ett filnamn utan .md i content/aktorer/, till exempel" in text_of(reference)
    # A field's note links to its list on the page of id lists, and the list is there.
    assert '<a href="../id/#id-investeringsstatus">' in reference
    assert '<h2 id="id-investeringsstatus">' in read(county_site, "redaktorer/id/index.html")


# Each task page's full-file example (a ```yaml block starting with ---) must pass the check.
EXAMPLES = {"index.md": "stod", "stod.md": "stod", "evenemang.md": "evenemang",
            "investeringar.md": "investeringar", "nyheter.md": "aktuellt"}


def test_guide_examples_pass_the_check(tmp_path):
    shutil.copytree(COUNTY, tmp_path / "content")
    written = []
    for page, collection in EXAMPLES.items():
        text = (ROOT / "docs" / "redaktorer" / page).read_text(encoding="utf-8")
        blocks = [b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith("---\n")]
        assert blocks, page
        for number, block in enumerate(blocks):
            path = tmp_path / "content" / collection / f"guide-exempel-{page[:-3]}-{number}.md"
            path.write_text(block, encoding="utf-8")
            written.append(path)
    # The municipality task's snippet replaces the office block of a real municipality.
    kommun = (ROOT / "docs" / "redaktorer" / "kommuner.md").read_text(encoding="utf-8")
    snippet = re.search(r"```yaml\n(business_office:.*?)```", kommun, re.S).group(1)
    timra = tmp_path / "content" / "kommuner" / "timra.md"
    original = timra.read_text(encoding="utf-8")
    office = re.search(r"business_office:\n(?:  .*\n)+", original).group(0)
    timra.write_text(re.sub(r"\nreviewed: .*\n", "\n", original).replace(office, snippet), encoding="utf-8")
    site, diagnostics = load_site(tmp_path, __import__("datetime").date(2026, 11, 22))
    assert diagnostics == []
    assert len(written) == 5


def test_cancelled_and_retired_examples_do_what_the_guide_says(tmp_path):
    shutil.copytree(COUNTY, tmp_path / "content")
    event = tmp_path / "content" / "evenemang" / "rus-dagen-2023.md"
    event.write_text(event.read_text(encoding="utf-8").replace("\n---\n", "\ncancelled: true\n---\n", 1), encoding="utf-8")
    offer = tmp_path / "content" / "stod" / "almi-mikrolan.md"
    offer.write_text(offer.read_text(encoding="utf-8").replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")
    site, diagnostics = load_site(tmp_path, __import__("datetime").date(2026, 11, 22))
    assert diagnostics == []
    assert site.get("evenemang", "rus-dagen-2023").data.cancelled is True
    assert site.get("stod", "almi-mikrolan") is None  # hidden


def test_redigera_sidan_opens_the_source_of_every_generated_page(county_site):
    site, _ = load_site(COUNTY.parent, __import__("datetime").date(2026, 11, 22))
    checked = 0
    for collection in ("stod", "aktorer", "kommuner", "evenemang", "investeringar", "aktuellt"):
        prefix = URL_PREFIX.get(collection, collection)
        listing = read(county_site, f"{prefix}/index.html")
        assert edit_link(listing) == f"{TREE}content/{collection}/", collection
        for entry in site.entries[collection]:
            page = read(county_site, f"{entry.url}index.html")
            assert edit_link(page) == f"{EDIT}content/{collection}/{entry.slug}.md", entry.url
            checked += 1
    assert checked == sum(len(entries) for entries in site.entries.values())
    assert edit_link(read(county_site, "kalender/arkiv/index.html")) == f"{TREE}content/evenemang/"
    for tag_page in (county_site / "aktuellt" / "tagg").glob("*/index.html"):
        assert edit_link(tag_page.read_text(encoding="utf-8")) == f"{TREE}content/aktuellt/"
    assert edit_link(read(county_site, "redaktorer/falt/index.html")) == f"{EDIT}utveckla/content/models.py"


def test_redigera_sidan_on_written_pages(county_site):
    for page, source in [("index.html", "docs/index.md"), ("om/index.html", "docs/om.md"),
                         ("redaktorer/felkoder/index.html", "docs/redaktorer/felkoder.md")]:
        assert edit_link(read(county_site, page)) == EDIT + source


def test_plain_swedish_in_the_guide():
    """Klarspråk, measured roughly: short sentences and no English workflow words without explanation."""
    for file in sorted((ROOT / "docs" / "redaktorer").glob("*.md")):
        text = file.read_text(encoding="utf-8")
        prose = re.sub(r"```.*?```|`[^`]*`|^\|.*$|^---.*?---", " ", text, flags=re.S | re.M)
        # A list item, a heading and a paragraph end a sentence too.
        parts = re.split(r"(?<=[.!?:])\s+|\n\s*\n|\n(?=\s*(?:[-*] |\d+\. |#))", prose)
        sentences = [" ".join(s.split()) for s in parts if len(s.split()) > 2]
        words = [len(s.split()) for s in sentences]
        assert sum(words) / len(words) < 16, f"{file.name}: meningarna är i snitt för långa"
        assert max(words) <= 40, f"{file.name}: {sentences[words.index(max(words))]}"


def test_make_new_hint_is_in_the_guide():
    text = (ROOT / "docs" / "redaktorer" / "arbetsgang.md").read_text(encoding="utf-8")
    assert 'make new SAMLING=stod TITEL="Mikrolån för unga"' in text
    assert "make stale" in text and "github.dev" in text
