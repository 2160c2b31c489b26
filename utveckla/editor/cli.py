"""Command line for editors and CI.

python -m utveckla check              check every file in content/
python -m utveckla new stod "Titel"   create a new content file with every field explained
python -m utveckla stale              list content that may be out of date (never fails)
python -m utveckla schemas            write schemas/<collection>.schema.json from the models
python -m utveckla import-events      the organisers' feeds in content/kallor.yml into content/evenemang/
python -m utveckla tip FILE           an event tip (the issue form's text) into content/evenemang/
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..content.collections import COLLECTIONS
from ..content.diagnostics import report_github, report_json, report_text, report_warnings
from ..content.news import scheduled
from ..content.site import BuildDateError, build_date
from ..content.validate import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m utveckla", description="Verktyg för Utveckla Västernorrlands innehåll.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kontrollera alla filer i content/")
    check.add_argument("--format", choices=["text", "github", "json"], default=None,
                       help="utdata: text, github (annoteringar) eller json; standard: text, och i GitHub Actions även annoteringar")
    new = commands.add_parser("new", help="skapa en ny fil i content/<samling>/ med alla fält förklarade")
    new.add_argument("collection", metavar="samling", help=f"en av: {', '.join(COLLECTIONS)}")
    new.add_argument("title", metavar="titel", help="titeln på svenska, inom citattecken")
    new.add_argument("--slug", help="eget filnamn (utan .md) i stället för ett som görs av titeln")
    commands.add_parser("stale", help="lista innehåll som kan vara inaktuellt (misslyckas aldrig)")
    commands.add_parser("schemas", help="skriv om schemas/*.schema.json från modellerna")
    events = commands.add_parser("import-events", help="hämta evenemang från källorna i content/kallor.yml")
    events.add_argument("--timeout", type=float, default=None, help="sekunder per källa (standard 20)")
    events.add_argument("--cafile", type=Path, default=None, help="egna rotcertifikat (för tester)")
    events.add_argument("--resolve", action="append", default=[], metavar="VÄRD=ADRESS:PORT",
                        help="anslut till ADRESS:PORT för VÄRD, som curl --resolve (för tester)")
    tip = commands.add_parser("tip", help="gör en evenemangsfil av ett tips från formuläret Tipsa om ett evenemang")
    tip.add_argument("issue", type=Path, help="fil med ärendets text (issue body)")
    tip.add_argument("--number", type=int, default=None, help="ärendets nummer, för filens anteckning")
    for sub in commands.choices.values():
        sub.add_argument("--root", type=Path, default=Path("."), help="projektets rotmapp")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        # A terminal or CI log that cannot show å, ä and ö gets "?" rather than a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        return run_command(args)
    except BuildDateError as error:
        print(f"Fel: {error}", file=sys.stderr)
        return 2


def run_command(args: argparse.Namespace) -> int:
    if args.command == "new":
        return run_new(args.root, args.collection, args.title, args.slug)
    if args.command == "stale":
        return run_stale(args.root)
    if args.command == "schemas":
        return run_schemas(args.root)
    if args.command == "import-events":
        return run_import(args.root, args.timeout, args.cafile, args.resolve)
    if args.command == "tip":
        from .tips import run_tip

        return run_tip(args.root, args.issue, args.number)
    return run_check(args.root, args.format)


def run_check(root: Path, output: str | None) -> int:
    site, diagnostics = load_site(root, build_date())
    if output == "json":
        print(report_json(diagnostics))
        return 1 if diagnostics else 0
    # News dated ahead is no problem: it is checked now and comes out on its date.
    for entry in scheduled(site):
        print(f"{entry.path}: publiceras {entry.data.date.isoformat()} (datumet har inte kommit än)")
    if site.warnings:  # published, with a note on the page: the editor should still mend it
        print(report_warnings(site.warnings, output == "github" or os.environ.get("GITHUB_ACTIONS") == "true"))
    if not diagnostics:
        counts = ", ".join(f"{len(entries)} {name}" for name, entries in site.entries.items())
        print(f"Innehållet är rätt ifyllt: {counts}.")
        return 0
    if output == "github" or (output is None and os.environ.get("GITHUB_ACTIONS") == "true"):
        print(report_github(diagnostics))
    if output != "github":
        print(report_text(diagnostics), file=sys.stderr)
    return 1


def run_new(root: Path, collection: str, title: str, slug: str | None) -> int:
    from .scaffold import ScaffoldError, create

    try:
        created = create(root, collection, title, build_date(), slug)
    except ScaffoldError as error:
        print(f"Ingen fil skapades: {error}", file=sys.stderr)
        return 1
    relative = created.path.relative_to(root).as_posix() if created.path.is_relative_to(root) else created.path
    print(f"Skapade {relative}. Fyll i de obligatoriska fälten och kör sedan  make check.")
    return 0


def run_stale(root: Path) -> int:
    from ..views.freshness import report_markdown, stale_items
    from ..views.freshness import report_text as stale_text

    site, diagnostics = load_site(root, build_date())
    items = stale_items(site)
    print(stale_text(site, items))
    if diagnostics:
        print(f"(Filer med fel räknas inte med här: {len(diagnostics)} problem, se  make check.)")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(report_markdown(site, items))
    return 0  # advice only: an old date never stops a build


def run_schemas(root: Path) -> int:
    from .schemas import write_schemas

    written = write_schemas(root)
    for path in written:
        print(f"Skrev {path.relative_to(root).as_posix() if path.is_relative_to(root) else path}")
    if not written:
        print("Alla scheman i schemas/ stämmer redan med modellerna.")
    return 0


def run_import(root: Path, timeout: float | None, cafile: Path | None, resolve: list[str]) -> int:
    import ssl

    from ..content.site import build_now
    from .event_import import import_events, summary

    options: dict = {"context": ssl.create_default_context(cafile=str(cafile) if cafile else None)}
    if timeout is not None:
        options["timeout"] = timeout
    if resolve:
        options["resolve"] = {}
        for item in resolve:
            host, _, target = item.partition("=")
            address, _, port = target.rpartition(":")
            if not host or not address or not port.isdigit():
                print(f"Fel: --resolve {item} ska skrivas VÄRD=ADRESS:PORT", file=sys.stderr)
                return 2
            options["resolve"][host] = (address, int(port))
    text = summary(import_events(root, build_now(), options))
    print(text)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as file:
            file.write("## Import av evenemang\n\n```\n" + text + "\n```\n")
    return 0  # a broken source is reported, never a reason to lose what the other sources gave
