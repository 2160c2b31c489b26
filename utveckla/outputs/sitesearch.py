"""The site search: which pages Pagefind indexes, how, and the index run after the build.

Pagefind (PyPI `pagefind[bin]`, whose wheel carries the binary) reads the built HTML. Once any
page has `data-pagefind-body`, only such pages are indexed, so a page is in the search exactly
when `mark()` gave its main content that attribute: the editors' guide, the listings whose cards
are pages of their own, the English section, the redirect stubs, /admin/ and the 404 page are
never marked. The whole site is indexed as Swedish (Swedish stemming: "företagen" finds
"företag"). Each item page carries its kind as the filter `typ` ("Stöd", "Evenemang" …), by which
results can be narrowed.

Pagefind (since 1.2) matches words with and without diacritics, so "ange" finds Ånge and
"ornskoldsvik" Örnsköldsvik with nothing added to the pages (checked by the browser test).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

# The filter name and each collection's label in the results (one word, singular).
KIND_FILTER = "typ"
KINDS = {"stod": "Stöd", "evenemang": "Evenemang", "investeringar": "Investering", "aktorer": "Aktör",
         "aktuellt": "Nyhet"}
INDEX_FOLDER = "pagefind"
# What Pagefind writes that the site does not use (its ready-made interfaces: ours is sok.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')


def mark(html: str, kind: str | None) -> str:
    """The page with its main content marked for the index, with the kind's filter (kind: a
    collection name in KINDS, or None)."""
    extra = " data-pagefind-body"
    if kind in KINDS:
        extra += f' data-pagefind-filter="{KIND_FILTER}:{KINDS[kind]}"'
    return _ARTICLE.sub(lambda m: m.group(0) + extra, html, count=1)


def executable() -> Path:
    from pagefind_bin import get_executable  # type: ignore[import-untyped]  # the wheel's binary for this platform

    return get_executable()


def build_index(site_dir: Path) -> None:
    """Run Pagefind over the built site into site_dir/pagefind/; raise RuntimeError with its output."""
    target = site_dir / INDEX_FOLDER
    shutil.rmtree(target, ignore_errors=True)
    result = subprocess.run([str(executable()), "--site", str(site_dir), "--output-subdir", INDEX_FOLDER,
                             "--force-language", "sv", "--quiet"], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError((result.stdout + result.stderr).strip())
    for name in UNUSED:
        (target / name).unlink(missing_ok=True)
    sort_filters(target)


SIGNATURE = b"pagefind_dcd"  # what every compressed index file starts with once unzipped


def _read(path: Path):
    import cbor2

    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise RuntimeError(f"{path.name}: inte en Pagefind-fil")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, prefix: str, suffix: str, length: int, value) -> str:
    """Write value as Pagefind does (signature, CBOR, gzip) under a name from its content's
    hash; the name's hash part is returned."""
    import cbor2

    data = SIGNATURE + cbor2.dumps(value)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:length]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def sort_filters(target: Path) -> None:
    """Pagefind lists each filter's values in hash-map order, which changes from run to run, and
    names its files by their content: the filter files, the metadata that names them and the
    entry file that names the metadata change with it. Sort the values and filters by name and
    rename the files, so that the same site always gives the same index."""
    entry_path = target / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = target / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = meta[3]  # [[filter name, file hash], …]
        for pair in filters:
            old = target / "filter" / f"{pair[1]}.pf_filter"
            name, values = _read(old)
            old.unlink()
            pair[1] = _write(target / "filter", f"{language}_", ".pf_filter", 7, [name, sorted(values)])
        filters.sort()
        meta_path.unlink()
        info["hash"] = _write(target, f"pagefind.{language}_", ".pf_meta", 10, meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def indexed_pages(site_dir: Path) -> dict[str, str]:
    """{address: text} of every page in the built index (for the checks and the tests)."""
    pages = {}
    for fragment in sorted((site_dir / INDEX_FOLDER / "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(SIGNATURE):])
        pages[data["url"]] = data["content"]
    return pages
