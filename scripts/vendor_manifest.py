#!/usr/bin/env python3
"""The list of third-party front-end files the site serves itself: docs/assets/vendor/vendor.json.

Every file under docs/assets/vendor/ belongs to a library folder (leaflet/, …) and is listed
in vendor.json under its library with its sha256; each library has a version and a licence
and ships its licence text. A changed, added or missing file is an error, so nobody can swap a
vendored script unnoticed, and the list tells which versions to watch for security fixes.

    python scripts/vendor_manifest.py            check (exit 1 with every problem listed)
    python scripts/vendor_manifest.py --write    recompute the checksums after adding or updating
                                                 a library; version and licence come from the
                                                 existing entry, or from the library's
                                                 package.json (in the folder or node_modules/)

No folder, or an empty one, is fine: then there is nothing to list.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "assets" / "vendor"
MANIFEST_NAME = "vendor.json"
ABOUT = ("Webbläsarbibliotek som webbplatsen själv serverar. Skriv inte i filerna för hand: "
         "uppdatera biblioteket och kör  python scripts/vendor_manifest.py --write")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendored_files(folder: Path) -> list[str]:
    """Every file under the folder except the manifest, as sorted relative POSIX paths."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and p.name != MANIFEST_NAME and not p.name.startswith("."))


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST_NAME
    if not path.exists():
        return {"packages": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def is_licence(name: str) -> bool:
    lowered = name.lower()
    return "licen" in lowered or lowered.startswith("copying")


def check(folder: Path = VENDOR) -> list[str]:
    """Every problem with the vendored files and their list, in Swedish; [] when all is right."""
    problems = []
    files = vendored_files(folder)
    try:
        manifest = read_manifest(folder)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        return [f"{MANIFEST_NAME} går inte att läsa ({error})"]
    listed: dict[str, tuple[str, str]] = {}
    for name, package in sorted(manifest.get("packages", {}).items()):
        for key in ("version", "license"):
            if not str(package.get(key, "")).strip():
                problems.append(f"{name}: {key} saknas i {MANIFEST_NAME} — skriv bibliotekets {key}")
        package_files = package.get("files", {})
        if not any(is_licence(Path(path).name) for path in package_files):
            problems.append(f"{name}: licenstexten saknas — lägg bibliotekets LICENSE-fil i dess mapp och kör --write")
        for path, digest in package_files.items():
            listed[path] = (name, digest)
    for path in files:
        if "/" not in path:
            problems.append(f"{path}: ligger direkt i vendor/ — lägg varje bibliotek i en egen mapp")
        elif path not in listed:
            problems.append(f"{path}: finns inte i {MANIFEST_NAME} — kör  python scripts/vendor_manifest.py --write")
    for path, (name, digest) in sorted(listed.items()):
        file = folder / path
        if not file.is_file():
            problems.append(f"{path} ({name}): filen finns i {MANIFEST_NAME} men inte i mappen")
        elif sha256(file) != digest:
            problems.append(f"{path} ({name}): filen har ändrats, kontrollsumman stämmer inte — "
                            "lägg tillbaka originalfilen, eller kör --write efter en avsiktlig uppdatering")
    return problems


def _package_json(folder: Path, name: str) -> dict:
    for candidate in (folder / name / "package.json", ROOT / "node_modules" / name / "package.json"):
        if candidate.is_file():
            return json.loads(candidate.read_text(encoding="utf-8"))
    return {}


def write(folder: Path = VENDOR) -> dict:
    """Recompute the list from the files; keeps what an editor wrote about each library."""
    old = read_manifest(folder)
    packages: dict[str, dict] = {}
    for path in vendored_files(folder):
        if "/" not in path:
            continue  # reported by check()
        name = path.split("/", 1)[0]
        if name not in packages:
            known = dict(old.get("packages", {}).get(name, {}))
            info = _package_json(folder, name)
            known.setdefault("version", info.get("version", ""))
            known.setdefault("license", info.get("license", ""))
            known["files"] = {}
            packages[name] = known
        packages[name]["files"][path] = sha256(folder / path)
    manifest = {"about": old.get("about", ABOUT), "packages": packages}
    if packages or (folder / MANIFEST_NAME).exists():
        (folder / MANIFEST_NAME).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                            encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Kontrollera eller skriv listan över tredjepartsfiler.")
    parser.add_argument("--write", action="store_true", help="räkna om kontrollsummorna och skriv vendor.json")
    parser.add_argument("--folder", type=Path, default=VENDOR, help="mappen med tredjepartsfiler")
    args = parser.parse_args(argv)
    if args.write:
        write(args.folder)
    problems = check(args.folder)
    for problem in problems:
        print(f"docs/assets/vendor/{problem}", file=sys.stderr)
    if problems:
        return 1
    packages = read_manifest(args.folder).get("packages", {})
    if not packages:
        print("Inga tredjepartsfiler i docs/assets/vendor/.")
    for name, package in sorted(packages.items()):
        print(f"{name} {package['version']} ({package['license']}): {len(package['files'])} filer, kontrollsummorna stämmer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
