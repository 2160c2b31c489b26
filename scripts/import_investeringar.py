#!/usr/bin/env python3
"""Import investments from a spreadsheet into content/investeringar/.

    .venv/bin/python scripts/import_investeringar.py investeringar.xlsx
    .venv/bin/python scripts/import_investeringar.py investeringar.csv --dry-run

One row per investment with the content contract's field names as column headings (see
utveckla/editor/importer.py and the editors' guide). Every row is checked like `make check`; a
problem is reported as "Rad N, kolumn X: …" and then no file at all is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package

from utveckla.content.site import build_date  # noqa: E402
from utveckla.editor.importer import UnreadableFile, import_file, write_files  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Läs in investeringar från ett kalkylark (.xlsx eller .csv) "
                                                 "till content/investeringar/.")
    parser.add_argument("file", type=Path, help="kalkylarket, en investering per rad")
    parser.add_argument("--root", type=Path, default=ROOT, help="projektets rotmapp (standard: den här mappen)")
    parser.add_argument("--replace", action="store_true", help="skriv över filer som redan finns med samma namn")
    parser.add_argument("--dry-run", action="store_true", help="kontrollera bara, skriv inga filer")
    args = parser.parse_args(argv)
    try:
        result = import_file(args.file, args.root, build_date(), replace=args.replace)
    except (UnreadableFile, OSError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    if not result.ok:
        for problem in result.problems:
            print(problem.text(), file=sys.stderr)
        rows = len({p.row for p in result.problems})
        print(f"\n{len(result.problems)} problem på {rows} {'rad' if rows == 1 else 'rader'}. "
              "Inga filer skrevs: rätta kalkylarket och kör igen.", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"Alla {len(result.files)} rader är rätt ifyllda. Inga filer skrevs (--dry-run).")
        return 0
    written = write_files(args.root, result)
    print(f"Skrev {len(written)} {'fil' if len(written) == 1 else 'filer'}:")
    for path in written:
        print(f"  {path.relative_to(args.root).as_posix()}")
    print("Kör make check och make build för att se dem på webbplatsen.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
