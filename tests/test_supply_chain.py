"""Supply chain: pinned and hashed Python packages, the audit step, and the vendored front-end files."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("vendor_manifest", ROOT / "scripts" / "vendor_manifest.py")
vendor_manifest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(vendor_manifest)


def requirements(name: str) -> dict[str, list[str]]:
    """name==version → its hashes, from a pip-compile file with hashes."""
    text = (ROOT / name).read_text(encoding="utf-8").replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement, *options = line.split()
            assert re.fullmatch(r"[a-z0-9][a-z0-9._-]*==[^=\s]+", requirement), f"{name}: {line}"
            found[requirement] = [o for o in options if o.startswith("--hash=sha256:")]
    return found


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-audit.txt"])
def test_every_package_is_pinned_with_hashes(name):
    pins = requirements(name)
    assert pins
    for requirement, hashes in pins.items():
        assert hashes and all(re.fullmatch(r"--hash=sha256:[0-9a-f]{64}", h) for h in hashes), requirement


def test_the_installers_and_every_declared_dependency_are_pinned():
    pinned = {normalise(r.split("==")[0]) for r in requirements("requirements.txt")}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["test"]
    for dependency in declared:
        assert normalise(re.split(r"[<>=!~\[; ]", dependency)[0]) in pinned, dependency
    assert {"pip", "setuptools"} <= pinned  # the project's own editable install builds with this setuptools
    assert any(r.startswith("pip-audit==") for r in requirements("requirements-audit.txt"))


def test_install_and_ci_verify_the_hashes_and_audit():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r requirements.txt" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile
    assert "--upgrade pip" not in makefile  # pip comes from requirements.txt, hashed like the rest
    assert re.search(r"^audit-deps: ", makefile, re.M)
    test_target = re.search(r"^test: (.*)$", makefile, re.M).group(1).split()
    assert "audit-deps" not in test_target  # make test never needs the network DB
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    assert "make audit-deps" in workflow


def test_the_site_lists_its_vendored_files():
    """docs/assets/vendor/ (Leaflet from the map, or nothing yet) matches vendor.json."""
    assert vendor_manifest.check() == []


LICENCE = b"Copyright (c) Someone. Permission is hereby granted ...\n"


def make_vendor(folder: Path) -> Path:
    (folder / "lib" / "images").mkdir(parents=True)
    (folder / "lib" / "lib.js").write_bytes(b"window.lib = 1;\n")
    (folder / "lib" / "images" / "icon.png").write_bytes(b"\x89PNG\r\n")
    (folder / "lib" / "LICENSE").write_bytes(LICENCE)
    (folder / "lib" / "package.json").write_text(json.dumps({"version": "1.2.3", "license": "MIT"}), encoding="utf-8")
    return folder


def test_missing_or_empty_folder_is_fine(tmp_path):
    assert vendor_manifest.check(tmp_path / "vendor") == []
    (tmp_path / "vendor").mkdir()
    assert vendor_manifest.check(tmp_path / "vendor") == []
    vendor_manifest.write(tmp_path / "vendor")
    assert not (tmp_path / "vendor" / "vendor.json").exists()


def test_write_lists_versions_licences_and_checksums(tmp_path):
    folder = make_vendor(tmp_path / "vendor")
    manifest = vendor_manifest.write(folder)
    package = manifest["packages"]["lib"]
    assert (package["version"], package["license"]) == ("1.2.3", "MIT")
    assert package["files"]["lib/lib.js"] == vendor_manifest.sha256(folder / "lib" / "lib.js")
    assert sorted(package["files"]) == ["lib/LICENSE", "lib/images/icon.png", "lib/lib.js", "lib/package.json"]
    assert json.loads((folder / "vendor.json").read_text(encoding="utf-8")) == manifest
    assert vendor_manifest.check(folder) == []


def test_changed_added_and_missing_files_are_found(tmp_path):
    folder = make_vendor(tmp_path / "vendor")
    vendor_manifest.write(folder)
    (folder / "lib" / "lib.js").write_bytes(b"window.lib = 1; fetch('https://evil.example/')\n")
    (folder / "lib" / "extra.js").write_bytes(b"1")
    (folder / "lib" / "images" / "icon.png").unlink()
    (folder / "loose.js").write_bytes(b"1")
    problems = vendor_manifest.check(folder)
    assert problems == [
        "lib/extra.js: finns inte i vendor.json — kör  python scripts/vendor_manifest.py --write",
        "loose.js: ligger direkt i vendor/ — lägg varje bibliotek i en egen mapp",
        "lib/images/icon.png (lib): filen finns i vendor.json men inte i mappen",
        "lib/lib.js (lib): filen har ändrats, kontrollsumman stämmer inte — lägg tillbaka originalfilen, eller kör "
        "--write efter en avsiktlig uppdatering",
    ]


def test_a_library_needs_version_licence_and_licence_text(tmp_path):
    folder = tmp_path / "vendor"
    (folder / "bare").mkdir(parents=True)
    (folder / "bare" / "bare.js").write_bytes(b"1")
    vendor_manifest.write(folder)
    assert vendor_manifest.check(folder) == [
        "bare: version saknas i vendor.json — skriv bibliotekets version",
        "bare: license saknas i vendor.json — skriv bibliotekets license",
        "bare: licenstexten saknas — lägg bibliotekets LICENSE-fil i dess mapp och kör --write",
    ]


def test_command_line(tmp_path):
    folder = make_vendor(tmp_path / "vendor")
    script = [sys.executable, str(ROOT / "scripts" / "vendor_manifest.py"), "--folder", str(folder)]
    assert subprocess.run(script + ["--write"], capture_output=True, text=True).returncode == 0
    ok = subprocess.run(script, capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout == "lib 1.2.3 (MIT): 4 filer, kontrollsummorna stämmer\n"
    (folder / "lib" / "lib.js").write_bytes(b"changed")
    bad = subprocess.run(script, capture_output=True, text=True)
    assert bad.returncode == 1 and "lib/lib.js (lib): filen har ändrats" in bad.stderr
