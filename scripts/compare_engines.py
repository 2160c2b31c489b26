"""Build the site with MkDocs and with ProperDocs and check that the outputs are the same.

MkDocs 1.x has no maintainer; ProperDocs is the maintained fork that runs MkDocs plugins and
themes unchanged. Building with both on every change shows that a move is a one-line change in
the Makefile, and catches the day the two drift apart. The only allowed difference is the
`<meta name="generator">` tag, which names the engine.

    python scripts/compare_engines.py [-f mkdocs.yml]

Exits 1 and lists the differing files when the two sites differ.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
ENGINES = ("mkdocs", "properdocs")


def build(engine: str, config: Path, site: Path, epoch: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", str(config),
                             "--site-dir", str(site)], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"{engine} build misslyckades:\n{result.stderr}")


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): GENERATOR.sub(b"", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    a, b = files(first), files(second)
    return [name for name in sorted(a.keys() | b.keys()) if a.get(name) != b.get(name)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"))
    config = parser.parse_args().config.resolve()
    with tempfile.TemporaryDirectory() as temporary:
        sites = [Path(temporary) / engine for engine in ENGINES]
        epoch = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))  # one "today" for both
        for engine, site in zip(ENGINES, sites, strict=True):
            build(engine, config, site, epoch)
        differing = differences(*sites)
        count = len(files(sites[0]))
    if differing:
        print(f"{len(differing)} av {count} filer skiljer sig mellan MkDocs och ProperDocs:")
        print("\n".join(f"  {name}" for name in differing))
        return 1
    print(f"MkDocs och ProperDocs bygger samma {count} filer (bortsett från generator-taggen).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
