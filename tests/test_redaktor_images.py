"""Content images: the check demands a file on this site and an alt text; the build caps large
photos, adds smaller copies and gives every <img> width and height; the site check catches
broken links and images without alt."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from conftest import FIXTURES, ROOT, make_project, needs_vnu, run_build
from utveckla.content.images import page_relative_body
from utveckla.content.validate import load_site

CHECK_SITE = ROOT / "scripts" / "check_site.py"
DAY = dt.date(2026, 11, 22)
ARTICLE = """---
title: Hamnen växer
summary: Containerhamnen i Sundsvall får en ny kaj.
date: 2026-11-20
{fields}---
Första stycket.

{body}
"""


def photo(path: Path, size=(3000, 2000), color=(30, 90, 150)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, color).save(path)
    return path


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    photo(tmp_path / "docs" / "bilder" / "hamn.jpg")
    return tmp_path


def problems(project: Path, fields: str = "", body: str = "") -> list[str]:
    folder = project / "content" / "aktuellt"
    folder.mkdir(exist_ok=True)
    (folder / "hamnen.md").write_text(ARTICLE.format(fields=fields, body=body), encoding="utf-8")
    _, diagnostics = load_site(project, DAY)
    return [d.text() for d in diagnostics]


def test_a_correct_image_passes(project):
    assert problems(project, "image: bilder/hamn.jpg\nimage_alt: Kajen i Tunadal i vinterljus\n",
                    "![Kajen i Tunadal i vinterljus](bilder/hamn.jpg)\n\n![Samma kaj](/bilder/hamn.jpg)\n"
                    '<img src="docs/bilder/hamn.jpg" alt="Kajen från vattnet">') == []


def test_image_field_errors_point_at_their_lines(project):
    assert problems(project, "image: bilder/finns-inte.jpg\nimage_alt: Kajen\n") == [
        "content/aktuellt/hamnen.md:5: image: bilden docs/bilder/finns-inte.jpg finns inte — ladda upp bilden till "
        "docs/bilder/ och kontrollera stavningen i sökvägen [bild-saknas]"]
    assert problems(project, "image: bilder/hamn.jpg\n") == [
        "content/aktuellt/hamnen.md:1: image_alt: bilden saknar alternativtext — lägg till image_alt med en kort "
        "beskrivning av vad bilden visar [alt-text-saknas]"]
    assert problems(project, "image: bilder/hamn.jpg\nimage_alt: bild\n") == [
        "content/aktuellt/hamnen.md:6: image_alt: alternativtexten ”bild” beskriver inte bilden — skriv vad bilden "
        "visar, till exempel ”Hamnen i Sundsvall en vinterdag” [alt-text-saknas]"]


def test_body_image_errors_have_the_line_of_the_image(project):
    found = problems(project, body="![](bilder/hamn.jpg)\n\n![Kajen](bilder/Hamn.jpg)\n\n"
                                   "![Kajen](https://example.se/hamn.jpg)\n\n![Program](bilder/program.pdf)\n\n"
                                   '<img src="bilder/hamn.jpg">\n\n```\n![](exempel-i-kod.jpg)\n```')
    assert found == [
        "content/aktuellt/hamnen.md:8: brödtext: bilden saknar alternativtext — skriv en kort beskrivning av vad "
        "bilden visar inom [ ], till exempel ![Hamnen i Sundsvall](bilder/hamn.jpg) [alt-text-saknas]",
        "content/aktuellt/hamnen.md:10: brödtext: bilden docs/bilder/Hamn.jpg finns inte — menade du bilder/hamn.jpg? "
        "Stora och små bokstäver räknas [bild-saknas]",
        "content/aktuellt/hamnen.md:12: brödtext: bilden https://example.se/hamn.jpg ligger på en annan webbplats — "
        "spara bilden i docs/bilder/ och skriv sökvägen, till exempel bilder/hamn.jpg (webbplatsen hämtar inget från "
        "andra webbplatser) [extern-bild]",
        "content/aktuellt/hamnen.md:14: brödtext: bilder/program.pdf är inte en bildfil som webbläsare kan visa — "
        "använd en bild i formatet jpg, png, webp, gif eller svg [bildformat]",
        "content/aktuellt/hamnen.md:16: brödtext: bilden saknar alternativtext — skriv en kort beskrivning av vad "
        "bilden visar inom [ ], till exempel ![Hamnen i Sundsvall](bilder/hamn.jpg) [alt-text-saknas]",
    ]


def test_a_broken_image_file_is_reported(project):
    (project / "docs" / "bilder" / "trasig.jpg").write_bytes(b"not an image")
    assert problems(project, body="![Kajen](bilder/trasig.jpg)")[0].endswith("[bildformat]")


def test_image_paths_are_made_relative_to_the_page():
    body = '![A](bilder/a.jpg)\n![B](/bilder/b.png "titel")\n<img src="docs/bilder/c.jpg" alt="C">\n![D](https://x.se/d.jpg)'
    assert page_relative_body(body, "stod/lan.md") == (
        '![A](../bilder/a.jpg)\n![B](../bilder/b.png "titel")\n<img src="../../bilder/c.jpg" alt="C">\n'
        "![D](https://x.se/d.jpg)")
    assert page_relative_body("![A](bilder/a.jpg)", "index.md") == "![A](bilder/a.jpg)"


def test_build_resizes_large_photos_and_sets_dimensions(tmp_path):
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", FIXTURES / "content")
    photo(project / "docs" / "bilder" / "hamn.jpg", (3000, 2000))
    photo(project / "docs" / "bilder" / "liten.png", (400, 300))
    offer = project / "content" / "stod" / "lan-sundsvall.md"
    offer.write_text(offer.read_text(encoding="utf-8") + "\n![Kajen i Tunadal](bilder/hamn.jpg)\n\n"
                     "![En liten karta](bilder/liten.png)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    html = (site / "stod" / "lan-sundsvall" / "index.html").read_text(encoding="utf-8")
    assert ('<img alt="Kajen i Tunadal" src="../../bilder/hamn.jpg" width="1600" height="1067" '
            'srcset="../../bilder/hamn-480w.jpg 480w, ../../bilder/hamn-960w.jpg 960w, ../../bilder/hamn.jpg 1600w" '
            'sizes="(max-width: 960px) 100vw, 960px" loading="lazy" decoding="async">') in html  # nh3 writes <img …>
    assert '<img alt="En liten karta" src="../../bilder/liten.png" width="400" height="300" loading="lazy"' in html
    sizes = {name: Image.open(site / "bilder" / name).size for name in ("hamn.jpg", "hamn-480w.jpg", "hamn-960w.jpg")}
    assert sizes == {"hamn.jpg": (1600, 1067), "hamn-480w.jpg": (480, 320), "hamn-960w.jpg": (960, 640)}
    assert not (site / "bilder" / "liten-480w.png").exists()  # never enlarged
    # The same input gives the same bytes (reproducible builds), with or without the cache.
    shutil.rmtree(project / ".cache")
    again = tmp_path / "again"
    assert run_build(project, again).returncode == 0
    for name in ("hamn.jpg", "hamn-480w.jpg", "hamn-960w.jpg"):
        assert hashlib.sha256((site / "bilder" / name).read_bytes()).digest() == \
            hashlib.sha256((again / "bilder" / name).read_bytes()).digest()


def test_camera_rotation_is_applied_before_measuring(tmp_path):
    from utveckla.outputs.image_sizes import prepare

    path = tmp_path / "portratt.jpg"
    image = Image.new("RGB", (2000, 1000))
    exif = image.getexif()
    exif[0x0112] = 6  # rotate 90°: the photo is really 1000 × 2000
    image.save(path, exif=exif)
    prepared = prepare("bilder/portratt.jpg", path, set())
    assert (prepared.width, prepared.height) == (1000, 2000)
    assert [v.width for v, _ in prepared.variants] == [480, 960]


def run_check_site(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK_SITE), str(site), *args], capture_output=True, text=True)


def test_site_check_passes_on_the_real_site(county_site):
    result = run_check_site(county_site)
    assert result.returncode == 0, result.stdout
    assert "sidor utan fel" in result.stdout


def test_site_check_finds_broken_links_anchors_and_images(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    photo(site / "bild.png", (10, 10))
    (site / "index.html").write_text(
        '<h1 id="topp">Start</h1><a href="a/">A</a><a href="b/">B</a><a href="a/#finns-inte">C</a>'
        '<a href="#topp">D</a><a href="https://example.se/x">E</a><img src="bild.png">', encoding="utf-8")
    (site / "a" / "index.html").write_text('<a href="../">Tillbaka</a>', encoding="utf-8")
    result = run_check_site(site)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "index.html:1: länken b/ leder till en sida eller fil som inte finns",
        "index.html:1: länken a/#finns-inte leder till ett ställe (#finns-inte) som inte finns på sidan",
        "index.html:1: bilden bild.png saknar alt-attribut",
        "index.html:1: bilden bild.png saknar width och height",
    ]


@needs_vnu
def test_built_html_is_valid(county_site):
    result = run_check_site(county_site, "--html")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
