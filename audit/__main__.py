"""python -m audit site/ [--only axe,links] [--skip lighthouse] [--part 1/2]: run the gates, print, exit."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from audit import ROOT, gate_html, gate_lighthouse, gate_links, gate_weight
from audit.budgets import BudgetError, load_budgets
from audit.built_site import load_built_site
from audit.crawl import run_browser_gates
from audit.report import GateResult, print_gate, print_summary

# The order they run in: the quick static gates first, Lighthouse (minutes) last.
GATES = ["länkar", "vikt", "html", "axe", "nätverk", "lighthouse"]


def _part(text: str) -> tuple[int, int]:
    k, _, n = text.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise argparse.ArgumentTypeError(f"skriv del K av N som K/N med 1 ≤ K ≤ N, t.ex. 1/2 (inte {text!r})")
    return int(k), int(n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m audit", description=__doc__)
    parser.add_argument("site", type=Path, help="den byggda webbplatsen, t.ex. site/")
    parser.add_argument("--budgets", type=Path, default=ROOT / "budgets.yml")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml",
                        help="mkdocs.yml (webbplatsens adress och kartans tile-server)")
    parser.add_argument("--only", default="", help="kommaseparerad lista ur: " + ", ".join(GATES))
    parser.add_argument("--skip", default="", help="kontroller att hoppa över")
    parser.add_argument("--part", type=_part, default=(1, 1), metavar="K/N",
                        help="axe och nätverk på del K av N av sidorna (var N:e sida), så att N jobb "
                             "i CI delar på webbläsarens genomgång; de N delarna täcker alla sidor")
    parser.add_argument("--report-dir", type=Path, default=Path("audit-report"),
                        help="här skrivs rapportfilerna (externa länkar, alla fel som JSON)")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").is_file():
        print(f"{args.site} är ingen byggd webbplats (index.html saknas): kör  make build  först",
              file=sys.stderr)
        return 2
    try:
        budgets = load_budgets(args.budgets)
    except (OSError, BudgetError) as error:
        print(error, file=sys.stderr)
        return 2
    wanted = [g for g in (args.only.split(",") if args.only else GATES)
              if g and g not in args.skip.split(",")]
    unknown = set(wanted) - set(GATES)
    if unknown:
        print(f"okänd kontroll: {', '.join(sorted(unknown))}; välj bland {', '.join(GATES)}", file=sys.stderr)
        return 2

    site = load_built_site(args.site, args.config)
    args.report_dir.mkdir(parents=True, exist_ok=True)
    results: list[GateResult] = []
    seconds: dict[str, float] = {}

    def timed(name, fn):
        started = time.monotonic()
        out = fn()
        for result in out if isinstance(out, list) else [out]:
            seconds[result.name] = time.monotonic() - started
            print_gate(result)
            results.append(result)
        sys.stdout.flush()

    if "länkar" in wanted:
        timed("länkar", lambda: gate_links.run(site, budgets, args.report_dir))
    if "vikt" in wanted:
        timed("vikt", lambda: gate_weight.run(site, budgets))
    if "html" in wanted:
        timed("html", lambda: gate_html.run(site, budgets))
    browser_gates = [g for g in ("axe", "nätverk") if g in wanted]
    if browser_gates:
        timed("axe", lambda: run_browser_gates(site, budgets, browser_gates, args.part))
    if "lighthouse" in wanted:
        timed("lighthouse", lambda: gate_lighthouse.run(site, budgets))

    (args.report_dir / "granskning.json").write_text(
        json.dumps([asdict(r) | {"passed": r.passed} for r in results], ensure_ascii=False, indent=1),
        encoding="utf-8")
    print_summary(results, seconds)
    failed = [r.name for r in results if not r.passed]
    if failed:
        print(f"\nGranskningen misslyckades: {', '.join(failed)}. Rätta sidorna ovan; "
              "sänk inte gränserna i budgets.yml.")
        return 1
    print("\nGranskningen godkänd: alla kontroller klarade gränserna i budgets.yml.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
