#!/usr/bin/env python3
"""Copy the map's browser libraries from node_modules/ into docs/assets/vendor/.

The site serves Leaflet and Leaflet.markercluster itself: no CDN, no third-party request.
Versions are pinned in package.json/package-lock.json; after `npm ci` run

    python scripts/vendor_map_assets.py          # copy, and write the manifest
    python scripts/vendor_map_assets.py --check  # the committed files match the manifest

The manifest docs/assets/vendor/vendor.json lists every file with its package, version,
licence and sha256 checksum. Only what the maps use is copied: the minified scripts, their
CSS, Leaflet's images (referenced by leaflet.css) and each package's licence file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "vendor"
MANIFEST = TARGET / "vendor.json"
ABOUT = ("Webbläsarbibliotek som webbplatsen själv serverar: kartornas (scripts/vendor_map_assets.py) och "
         "formulärredigerarens (scripts/vendor_cms.py), kopierade från npm-paketen. Ändra inte filerna för hand.")

# package → (files to copy, relative to the package folder; target folder under vendor/)
PACKAGES = {
    "leaflet": ([
        "dist/leaflet.js", "dist/leaflet.css", "LICENSE",
        "dist/images/layers.png", "dist/images/layers-2x.png", "dist/images/marker-icon.png",
        "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png",
    ], "leaflet"),
    "leaflet.markercluster": ([
        "dist/leaflet.markercluster.js", "dist/MarkerCluster.css", "MIT-LICENCE.txt",
    ], "leaflet.markercluster"),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def target_path(package: str, source: str) -> str:
    """dist/images/layers.png → leaflet/images/layers.png (relative to vendor/)."""
    folder = PACKAGES[package][1]
    relative = source[len("dist/"):] if source.startswith("dist/") else source
    return f"{folder}/{relative}"


def copy(node_modules: Path) -> dict:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    # Other libraries in the manifest (the form editor's, scripts/vendor_cms.py) are kept as they are.
    existing = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    manifest = {"about": ABOUT, "packages": dict(existing.get("packages", {}))}
    for package, (sources, _) in PACKAGES.items():
        meta = json.loads((node_modules / package / "package.json").read_text(encoding="utf-8"))
        locked = lock[f"node_modules/{package}"]
        if meta["version"] != locked["version"]:
            sys.exit(f"{package}: node_modules har {meta['version']} men package-lock.json {locked['version']}; kör npm ci")
        files = {}
        for source in sources:
            destination = TARGET / target_path(package, source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(node_modules / package / source, destination)
            files[target_path(package, source)] = sha256(destination)
        manifest["packages"][package] = {
            "version": meta["version"], "license": meta.get("license", ""),
            "integrity": locked.get("integrity", ""), "files": files,
        }
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def check() -> list[str]:
    """Problems with the committed copies: missing files, changed files, wrong versions."""
    problems = []
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for package, info in manifest["packages"].items():
        if package not in PACKAGES:
            continue  # not a map library
        locked = lock.get(f"node_modules/{package}", {}).get("version")
        if locked != info["version"]:
            problems.append(f"{package}: vendor.json har {info['version']}, package-lock.json {locked}")
        for relative, digest in info["files"].items():
            path = TARGET / relative
            if not path.exists():
                problems.append(f"{relative} saknas")
            elif sha256(path) != digest:
                problems.append(f"{relative} har ändrats (sha256 stämmer inte med vendor.json)")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description="Kopiera kartans bibliotek från node_modules till docs/assets/vendor/.")
    parser.add_argument("--check", action="store_true", help="kontrollera bara de kopierade filerna mot vendor.json")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        print("Kartans bibliotek stämmer med vendor.json." if not problems else f"{len(problems)} problem.")
        return 1 if problems else 0
    manifest = copy(ROOT / "node_modules")
    for package, info in manifest["packages"].items():
        if package not in PACKAGES:
            continue
        print(f"{package} {info['version']}: {len(info['files'])} filer kopierade")
    return 0


if __name__ == "__main__":
    sys.exit(main())
