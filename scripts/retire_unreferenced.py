"""Remove one unreferenced file per collection from content/, as an editor retiring an item would.

CI runs the test suite after this, to show that the tests depend on their fixtures and never on
the live content: an editor can retire an offer, an event or an investment without a test failing.
A file counts as referenced when its slug appears in any other file under content/ or docs/ (a
reference field, a link in a body, a mention in a page); such files are left alone, since removing
them would rightly fail the content check rather than the tests.

    python scripts/retire_unreferenced.py [--root .]

Prints the removed files. The caller restores them (CI runs on a throwaway clone, .ci/run puts
them back with git).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def texts(root: Path) -> dict[Path, str]:
    files = [*(root / "content").rglob("*"), *(root / "docs").rglob("*.md")]
    return {path: path.read_text(encoding="utf-8", errors="replace") for path in files
            if path.is_file() and path.suffix in {".md", ".yml", ".yaml"}}


def unreferenced(folder: Path, everything: dict[Path, str]) -> Path | None:
    """The last file (by name) in a collection folder whose slug no other file mentions."""
    for path in sorted(folder.glob("*.md"), reverse=True):
        mention = re.compile(rf"(?<![\w-]){re.escape(path.stem)}(?![\w-])")
        if not any(mention.search(text) for other, text in everything.items() if other != path):
            return path
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("."))
    root = parser.parse_args().root.resolve()
    everything = texts(root)
    for folder in sorted(p for p in (root / "content").iterdir() if p.is_dir()):
        chosen = unreferenced(folder, everything)
        if chosen is None:
            print(f"{folder.relative_to(root)}/: varje fil nämns någon annanstans, ingen togs bort")
            continue
        chosen.unlink()
        print(f"Tog bort {chosen.relative_to(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
