"""Build-speed benchmark: N synthetic offers through the site's plugin against N plain pages.

    python scripts/bench.py                 # N = 1000 and 5000, 3 runs each
    python scripts/bench.py --sizes 1000 --runs 5

For each N it builds (a) the real site configuration with N generated support offers (plus the
real actors, municipalities and pages) and (b) N plain Markdown pages of similar size with plain
Material and the same small nav (no search: the theme's is off on the site too, and the
site's own index, Pagefind, is part of (a)), then prints the median times and the ratio a/b. It also prints
how the offer build grows from the smallest to the largest N. Figures only; it never fails a test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ["bidrag", "lan", "garanti", "riskkapital", "radgivning", "natverk", "kompetens", "ovrigt"]
STAGES = ["ide", "starta", "vaxa", "etablera", "omstalla", "internationalisera"]
MUNICIPALITIES = ["harnosand", "kramfors", "solleftea", "sundsvall", "timra", "ange", "ornskoldsvik"]
PARAGRAPH = ("Stödet riktar sig till små och medelstora företag i Västernorrland som vill utveckla "
             "sin verksamhet, anställa fler eller nå nya marknader. Du ansöker innan du gör inköp. ")


def offer_file(index: int, rng: random.Random) -> str:
    municipalities = rng.sample(MUNICIPALITIES, rng.choice([0, 0, 1, 2]))
    lines = [
        "---",
        f"title: Syntetiskt stöd nummer {index}",
        f"summary: Ett påhittat erbjudande nummer {index} för att mäta hur snabbt webbplatsen byggs.",
        "provider: almi-mitt",
        f"type: {rng.choice(TYPES)}",
        f"stages: [{', '.join(rng.sample(STAGES, 2))}]",
        f"max_amount_sek: {rng.randrange(10, 500) * 1000}",
        f"url: https://www.example.se/stod/{index}",
        "reviewed: 2026-11-01",
    ]
    if municipalities:
        lines.append(f"municipalities: [{', '.join(municipalities)}]")
    if rng.random() < 0.4:
        lines.append(f"deadline: 2027-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}")
    lines += ["---", PARAGRAPH * 3, "", "- Gäller investeringar", "- Gäller anställningar", ""]
    return "\n".join(lines)


def plain_page(index: int) -> str:
    """The same information an offer page shows, written by hand as plain Markdown."""
    return "\n".join([
        f"# Syntetiskt stöd nummer {index}", "",
        f"Ett påhittat erbjudande nummer {index} för att mäta hur snabbt webbplatsen byggs.", "",
        "**Löpande** · Lån · [Almi Mitt](../index.md)", "",
        f"[Läs mer och ansök hos Almi Mitt](https://www.example.se/stod/{index})", "",
        "## Om stödet", "", PARAGRAPH * 3, "", "- Gäller investeringar", "- Gäller anställningar", "",
        "## Vem kan söka?", "", "- **Skede:** Starta företag, Växa", "- **Bransch:** Alla branscher",
        "- **Var:** Hela Västernorrland", "",
        "## Hur mycket?", "", "Upp till 250 000 kronor.", "",
        "## När kan jag söka?", "", "Du kan ansöka när som helst. Det finns ingen sista ansökningsdag.", "",
        "## Så ansöker du", "", "Ansökan och de fullständiga villkoren finns hos Almi Mitt. Läs villkoren innan "
        "du börjar – många stöd måste sökas innan du gör inköp eller anställer.", "",
        f"[Till ansökan hos Almi Mitt](https://www.example.se/stod/{index})", "",
        "## Vem ger stödet?", "", "[Almi Mitt](../index.md): lån och rådgivning till små och medelstora företag.", "",
        "Uppgifterna kontrollerades senast 1 november 2026.", "",
        "## Liknande stöd", "",
        *[f"- [Syntetiskt stöd nummer {other}](stod-{other:05d}.md) Lån **Löpande**"
          for other in ((index + k) % 1000 for k in (1, 2, 3, 4))], "",
    ])


def offer_project(n: int, target: Path) -> Path:
    target.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    content = target / "content"
    content.mkdir()
    for name in ("aktorer", "kommuner"):
        shutil.copytree(ROOT / "content" / name, content / name)
    for name in ("taxonomier.yml", "sidor.yml"):  # the vocabularies and the listing pages' texts
        shutil.copy(ROOT / "content" / name, content / name)
    (content / "stod").mkdir()
    rng = random.Random(n)
    for index in range(n):
        (content / "stod" / f"stod-{index:05d}.md").write_text(offer_file(index, rng), encoding="utf-8")
    return target


def plain_project(n: int, target: Path) -> Path:
    docs = target / "docs" / "stod"
    docs.mkdir(parents=True)
    (target / "docs" / "index.md").write_text("# Start\n\nEn vanlig sida.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Stöd\n\nEn lista.\n", encoding="utf-8")
    for index in range(n):
        (docs / f"stod-{index:05d}.md").write_text(plain_page(index), encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: https://example.org/\ntheme:\n  name: material\n  language: sv\n  font: false\n"
        "plugins: []\nnav:\n  - Start: index.md\n  - Stöd: stod/index.md\n",
        encoding="utf-8")
    return target


def time_build(project: Path, runs: int) -> float:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795348800", "NO_MKDOCS_2_WARNING": "1"}
    times = []
    for _ in range(runs):
        shutil.rmtree(project / "site", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml")],
                       check=True, env=env, cwd=project, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as temp:
        for n in args.sizes:
            offers = time_build(offer_project(n, Path(temp) / f"offers-{n}").resolve(), args.runs)
            plain = time_build(plain_project(n, Path(temp) / f"plain-{n}"), args.runs)
            results[n] = (offers, plain)
            print(f"N = {n:>5}: offers {offers:6.2f} s   plain Material {plain:6.2f} s   ratio {offers / plain:4.2f}",
                  flush=True)
    if len(results) > 1:
        small, large = min(results), max(results)
        growth = results[large][0] / results[small][0]
        print(f"Offer build grows {growth:.2f}× from N = {small} to N = {large} ({large / small:.0f}× the offers).")


if __name__ == "__main__":
    main()
