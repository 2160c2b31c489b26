"""Check the built site before it is published: internal links, images and HTML.

    python scripts/check_site.py site            links, anchors and images
    python scripts/check_site.py site --html     and the HTML with the Nu Html Checker (vnu)

Internal links: every href/src that stays on the site must point at a file that exists, and
a #fragment at an id on the target page. Images: every <img> has an alt attribute, and
every raster image on the site also width and height. The HTML check runs vnu.jar from npm
(`vnu-jar` in package.json) with Java; errors fail, warnings do not. Exit 1 on any problem.
Standard library only, so it runs anywhere the site was built.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
RASTER = (".jpg", ".jpeg", ".png", ".webp", ".gif")


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []
        self.images: list[tuple[int, dict]] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(key):
                self.ids.add(attributes[key])
        line = self.getpos()[0]
        attribute = LINK_ATTRIBUTES.get(tag)
        if attribute and attribute in attributes:
            self.links.append((line, attributes[attribute]))
        if tag == "img":
            self.images.append((line, attributes))
        if "srcset" in attributes:
            for candidate in attributes["srcset"].split(","):
                if candidate.strip():
                    self.links.append((line, candidate.strip().split()[0]))


def _is_internal(link: str) -> bool:
    parts = urlsplit(link)
    return not parts.scheme and not parts.netloc and not link.startswith("//")


def _target_file(site: Path, page_url: str, link: str) -> tuple[Path, str]:
    parts = urlsplit(urljoin("/" + page_url, link))
    path = unquote(parts.path).lstrip("/")
    target = site / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def check_links(site: Path) -> list[str]:
    pages: dict[Path, PageParser] = {}
    for file in sorted(site.rglob("*.html")):
        parser = PageParser()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file] = parser
    problems = []
    for file, parser in pages.items():
        relative = file.relative_to(site).as_posix()
        page_url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        for line, link in parser.links:
            if not link or not _is_internal(link):
                continue
            target, fragment = _target_file(site, page_url, link)
            if not target.is_file():
                problems.append(f"{relative}:{line}: länken {link} leder till en sida eller fil som inte finns")
            elif fragment and target.suffix == ".html" and not fragment.startswith("__"):
                ids = pages[target].ids if target in pages else set()
                if fragment not in ids:
                    problems.append(f"{relative}:{line}: länken {link} leder till ett ställe (#{fragment}) som inte finns på sidan")
        for line, attributes in parser.images:
            src = attributes.get("src", "")
            if "alt" not in attributes:
                problems.append(f"{relative}:{line}: bilden {src} saknar alt-attribut")
            if _is_internal(src) and src.lower().endswith(RASTER) and not ("width" in attributes and "height" in attributes):
                problems.append(f"{relative}:{line}: bilden {src} saknar width och height")
    return problems


def check_html(site: Path) -> tuple[list[str], bool]:
    """vnu errors, and whether vnu could run at all."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        return [], False
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(site)],
        capture_output=True, text=True,
    )
    lines = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if line.strip()]
    return lines, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kontrollera den byggda webbplatsen.")
    parser.add_argument("site", type=Path, help="mappen med den byggda webbplatsen, till exempel site")
    parser.add_argument("--html", action="store_true", help="kontrollera också HTML med vnu (kräver Java och npm ci)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"Hittar ingen byggd webbplats i {args.site}/. Kör  make build  först.", file=sys.stderr)
        return 1
    problems = check_links(args.site)
    for problem in problems:
        print(problem)
    html_problems: list[str] = []
    if args.html:
        html_problems, ran = check_html(args.site)
        if not ran:
            print("HTML-kontrollen (vnu) kunde inte köras: Java eller node_modules/vnu-jar saknas (kör npm ci).",
                  file=sys.stderr)
            return 1
        for problem in html_problems:
            print(problem)
    pages = len(list(args.site.rglob("*.html")))
    if problems or html_problems:
        print(f"\n{len(problems)} fel i länkar och bilder, {len(html_problems)} HTML-fel i {pages} sidor.", file=sys.stderr)
        return 1
    checked = "länkar, bilder och HTML" if args.html else "länkar och bilder"
    print(f"Den byggda webbplatsen är kontrollerad ({checked}): {pages} sidor utan fel.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
