"""Command line: `python -m utveckla check` validates all content without building the site."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .diagnostics import report_github, report_json, report_text
from .site import build_date
from .validate import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m utveckla", description="Verktyg för Utveckla Västernorrlands innehåll.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kontrollera alla filer i content/")
    check.add_argument("--root", type=Path, default=Path("."), help="projektets rotmapp")
    check.add_argument("--format", choices=["text", "github", "json"], default=None,
                       help="utdata: text, github (annoteringar) eller json; standard: text, och i GitHub Actions även annoteringar")
    args = parser.parse_args(argv)
    return run_check(args.root, args.format)


def run_check(root: Path, output: str | None) -> int:
    site, diagnostics = load_site(root, build_date())
    if output == "json":
        print(report_json(diagnostics))
        return 1 if diagnostics else 0
    if not diagnostics:
        counts = ", ".join(f"{len(entries)} {name}" for name, entries in site.entries.items())
        print(f"Innehållet är rätt ifyllt: {counts}.")
        return 0
    if output == "github" or (output is None and os.environ.get("GITHUB_ACTIONS") == "true"):
        print(report_github(diagnostics))
    if output != "github":
        print(report_text(diagnostics), file=sys.stderr)
    return 1
