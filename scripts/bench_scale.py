"""Build times at 1×, 10× and 100× the real content, and the `make serve` rebuild time.

    python scripts/bench_scale.py                  # 1×, 10×, 100×, 3 builds each, then serve
    python scripts/bench_scale.py --factors 1 10 --runs 1 --no-serve

Each size is a copy of the real project whose every collection is multiplied with renamed
copies (content/stod/almi-mikrolan.md → almi-mikrolan-k2.md … with "(kopia 2)" in the title).
The seven municipalities stay seven: they are the county's, and the other collections point at
them. Each size is built with `mkdocs build --strict` (the median of --runs builds) and the
table shows the time per page, which stays flat when growth is linear.

The serve figure: `mkdocs serve` on a free port at 1×, one offer's title edited, and the time
until the served page shows the new title (the rebuild plus the file-watcher's delay).
Figures only; nothing fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
FIXED = {"kommuner"}            # the county's seven municipalities: not multiplied
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795348800"}


def make_project(target: Path, factor: int, at_least: dict[str, int] | None = None) -> int:
    """A copy of the real project with its content multiplied (multiply); returns the number of
    content files."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copytree(ROOT / "content", target / "content")
    return multiply(target / "content", factor, at_least)


def multiply(content: Path, factor: int, at_least: dict[str, int] | None = None) -> int:
    """Every collection in `content` × factor, and a collection named in at_least copied until it
    has at least that many items (the tests' paged fixtures use this too); returns the number of
    content files."""
    files = 0
    for collection in sorted(p for p in content.iterdir() if p.is_dir()):
        originals = sorted(collection.glob("*.md"))
        files += len(originals)
        if collection.name in FIXED or not originals:
            continue
        wanted = (at_least or {}).get(collection.name, 0)
        copies = max(factor, -(-wanted // len(originals)))
        for copy in range(2, copies + 1):
            for path in originals:
                text = path.read_text(encoding="utf-8")
                # A distinct title, so the copies are distinct pages in search and listings.
                text = re.sub(r"^title: (.*)$", lambda m, copy=copy: _retitle(m.group(1), copy), text, count=1, flags=re.M)
                (collection / f"{path.stem}-k{copy}.md").write_text(text, encoding="utf-8")
                files += 1
    return files


def _retitle(raw: str, copy: int) -> str:
    # JSON strings are valid YAML: a safe way to write a title that may hold quotes or colons.
    return "title: " + json.dumps(f"{yaml.safe_load(raw)} (kopia {copy})", ensure_ascii=False)


def build_once(project: Path) -> float:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    result = subprocess.run(MKDOCS + ["build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"),
                                      "--site-dir", str(site)], cwd=project, env=ENV,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"bygget misslyckades i {project}:\n{result.stderr[-3000:]}")
    return seconds


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def serve_rebuild(project: Path, edits: int = 3) -> list[float]:
    """Seconds from saving an edited offer to the served page showing the edit, `edits` times."""
    port = free_port()
    server = subprocess.Popen(MKDOCS + ["serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
                                        str(project / "mkdocs.yml")],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    offer = sorted((project / "content" / "stod").glob("*.md"))[0]
    url = f"http://127.0.0.1:{port}/stod/{offer.stem}/"
    try:
        deadline = time.monotonic() + 120
        while "<title>" not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("mkdocs serve startade inte")
            time.sleep(0.2)
        times = []
        for n in range(1, edits + 1):
            time.sleep(1.5)   # let the watcher settle after the previous build
            marker = f"Ändrad titel {n}"
            text = offer.read_text(encoding="utf-8")
            offer.write_text(re.sub(r"^title: .*$", f"title: {marker}", text, count=1, flags=re.M),
                             encoding="utf-8")
            saved = time.perf_counter()
            while marker not in fetch(url):
                if time.perf_counter() - saved > 120:
                    sys.exit("sidan ändrades inte inom 120 s")
                time.sleep(0.05)
            times.append(time.perf_counter() - saved)
        return times
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-serve", action="store_true")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        for factor in args.factors:
            project = Path(tmp) / f"x{factor}"
            project.mkdir()
            files = make_project(project, factor)
            times = [build_once(project) for _ in range(args.runs)]
            pages = sum(1 for _ in (project / "site").rglob("*.html"))
            median = statistics.median(times)
            rows.append((factor, files, pages, median, min(times), max(times)))
            print(f"{factor}×: {files} innehållsfiler, {pages} sidor, {median:.2f} s", flush=True)
            shutil.rmtree(project)
        rebuild = None
        if not args.no_serve:
            project = Path(tmp) / "serve"
            project.mkdir()
            make_project(project, 1)
            rebuild = serve_rebuild(project)

    base = rows[0]
    # Linear growth: each added page costs the same. The start-up (Python, MkDocs, the theme) is
    # paid once, so the time per page falls with size; the cost per *added* page should not rise.
    print(f"\n| content | content files | HTML pages | build (median of {args.runs}) | per 1 000 pages | "
          "per 1 000 added pages (vs 1×) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for factor, files, pages, median, low, high in rows:
        added = f"{(median - base[3]) / (pages - base[2]) * 1000:.2f} s" if pages > base[2] else "–"
        print(f"| {factor}× | {files:,} | {pages:,} | {median:.2f} s ({low:.2f}–{high:.2f}) | "
              f"{median / pages * 1000:.2f} s | {added} |".replace(",", " "))
    if rebuild:
        print(f"\n`make serve` at 1×: an edited offer is on the served page after "
              f"{statistics.median(rebuild):.2f} s (median of {len(rebuild)} edits: "
              f"{', '.join(f'{t:.2f}' for t in rebuild)} s).")


if __name__ == "__main__":
    main()
