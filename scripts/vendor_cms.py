#!/usr/bin/env python3
"""Copy Decap CMS (the form editor at /admin/) from its npm package into docs/assets/vendor/decap-cms/.

The site serves the editor itself: no CDN. The package is fetched with `npm pack` (the tarball
only, none of its 700 build-time dependencies), checked against the sha512 integrity pinned
below, and its browser bundle copied: decap-cms.js, the chunks it loads on demand
(<n>.decap-cms.js, two WebAssembly files) and the bundle's third-party licence notices. The
package itself ships no LICENSE file, so the MIT licence of the Decap monorepo is taken from
decap-cms-locales (same repository, same licence), pinned the same way.

    python scripts/vendor_cms.py      then   python scripts/vendor_manifest.py --write

To update: change VERSION and the integrity values (npm view decap-cms@X dist.integrity).
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "vendor" / "decap-cms"
VERSION = "3.16.3"
PACKAGES = {  # npm spec → the sha512 integrity npm publishes for its tarball
    f"decap-cms@{VERSION}":
        "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==",
    "decap-cms-locales@3.8.2":
        "sha512-ATsQ1bxPNQe5kQy4aB3rQmJEDiNi6I05lVaTENgQOz9eI8RnPLJQQTxnvQKCn9aYCHC0/yxrNmdm8903mEBEZg==",
}


def integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode("ascii")


def pack(spec: str, folder: Path) -> Path:
    result = subprocess.run(["npm", "pack", spec, "--json", "--silent", "--pack-destination", str(folder)],
                            capture_output=True, text=True, check=True)
    name = json.loads(result.stdout)[0]["filename"]
    return folder / name


def wanted(name: str) -> bool:
    """The bundle decap-cms.js, its chunks, its wasm files and its licence notices (no source maps,
    no cms.js: the same bundle under a second name)."""
    return (name == "decap-cms.js" or name.endswith(".decap-cms.js") or name.endswith(".wasm")
            or name == "decap-cms.js.LICENSE.txt")


def main() -> int:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        archives = {}
        for spec, expected in PACKAGES.items():
            archive = pack(spec, folder)
            if integrity(archive) != expected:
                print(f"{spec}: kontrollsumman stämmer inte ({integrity(archive)})", file=sys.stderr)
                return 1
            archives[spec] = archive
        if TARGET.exists():
            shutil.rmtree(TARGET)
        TARGET.mkdir(parents=True)
        with tarfile.open(archives[f"decap-cms@{VERSION}"]) as tar:
            for member in tar.getmembers():
                name = member.name.removeprefix("package/")
                if member.isfile() and name.startswith("dist/") and "/" not in name[5:] and wanted(name[5:]):
                    source = tar.extractfile(member)
                    assert source is not None
                    (TARGET / name[5:]).write_bytes(source.read())
                if member.isfile() and name == "package.json":
                    source = tar.extractfile(member)
                    assert source is not None
                    (TARGET / "package.json").write_bytes(source.read())
        with tarfile.open(archives["decap-cms-locales@3.8.2"]) as tar:
            source = tar.extractfile("package/LICENSE")
            assert source is not None
            (TARGET / "LICENSE").write_bytes(source.read())
    print(f"Decap CMS {VERSION} kopierad till {TARGET.relative_to(ROOT)}; kör  python scripts/vendor_manifest.py --write")
    return 0


if __name__ == "__main__":
    sys.exit(main())
