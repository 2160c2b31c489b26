"""Gate: the W3C Nu HTML checker (npm vnu-jar, run with Java) finds no errors on any page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from audit import ROOT
from audit.built_site import BuiltSite
from audit.report import Finding, GateResult

JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA_HINT = "Java saknas: kör  make audit  som root, eller  sudo apt-get install openjdk-17-jre-headless"
# Where a kind of error usually comes from, so the message points at the file to change.
HINTS = [
    (r"autocomplete", "temats HTML: rätta den i fix_theme_html i utveckla/adapters/mkdocs_plugin.py eller i overrides/"),
    (r"Duplicate ID", "ge elementen olika id i mallen (utveckla/templates/ eller overrides/)"),
    (r"not allowed as child|Stray|Unclosed|end tag", "rätta nästlingen av elementen i mallen eller i Markdown-texten"),
    (r"Bad value", "rätta attributvärdet i mallen som skriver elementet"),
]
DEFAULT_HINT = "rätta HTML-koden i mallen som skriver ut elementet (utveckla/templates/ eller overrides/)"


def hint_for(message: str) -> str:
    return next((hint for pattern, hint in HINTS if re.search(pattern, message)), DEFAULT_HINT)


def run(site: BuiltSite, budgets: dict, jar: Path = JAR) -> GateResult:
    pages = site.pages()
    result = GateResult("html", f"{len(pages)} sidor med Nu HTML Checker")
    if shutil.which("java") is None:
        result.error = JAVA_HINT
        return result
    if not jar.is_file():
        result.error = f"{jar} saknas: kör  npm ci --ignore-scripts  (make audit gör det)"
        return result
    files = [str(site.root / page) for page in pages]
    out = subprocess.run(["java", "-Xss1024k", "-jar", str(jar), "--format", "json", "--stdout",
                          "--errors-only", "--exit-zero-always", *files],
                         capture_output=True, text=True)
    try:
        messages = json.loads(out.stdout)["messages"]
    except (ValueError, KeyError):
        result.error = f"oväntat svar från vnu.jar: {(out.stderr or out.stdout)[:300]}"
        return result
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        url = m.get("url", "")
        page = Path(url.removeprefix("file:")).resolve().relative_to(site.root).as_posix() \
            if url.startswith("file:") else url
        text = re.sub(r"\s+", " ", m.get("message", ""))
        line = f"rad {m['lastLine']}: " if m.get("lastLine") else ""
        result.findings.append(Finding(page, "html-fel", f"{line}{text[:200]}", hint_for(text)))
    if len(result.findings) <= budgets["html"]["max_errors"]:
        result.findings = []
    return result
