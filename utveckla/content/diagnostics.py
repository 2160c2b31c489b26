"""Problems found in the content, as data: collected across all files, then reported at once.

Every problem has a permanent code (documented in the editors' guide under the same name),
the file, the line, the field path and a Swedish message in two parts: what is wrong, and
what to do. They print as text (`path:line: field: what — do`), as GitHub annotations and
as JSON.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, dataclass

from .swedish import count_text

GUIDE_URL = "https://utvecklavasternorrland.se/redaktorer/felkoder/"


def guide_url(code: str) -> str:
    """The section of the editors' guide that explains a code (its heading id is the code)."""
    return f"{GUIDE_URL}#{code}"

# The catalogue of codes. Names are permanent: the guide, tests and editors refer to them.
CODES: dict[str, str] = {
    "yaml-syntax": "Fälten överst i filen går inte att läsa",
    "tabb": "Tabbtecken i fälten överst",
    "saknar-start": "Filen börjar inte med ---",
    "saknar-slut": "Den avslutande --- saknas",
    "tom-fil": "Filen är tom",
    "inte-mappning": "Fälten överst är inte en lista med namn: värde",
    "dubbelt-falt": "Samma fält står två gånger",
    "okant-falt": "Okänt fält",
    "saknat-falt": "Ett obligatoriskt fält saknas",
    "for-lang": "Texten är för lång",
    "for-kort": "Texten är tom",
    "fel-typ": "Värdet har fel form",
    "ogiltigt-datum": "Datumet finns inte eller har fel form",
    "ogiltig-tid": "Tiden finns inte eller har fel form",
    "ogiltig-url": "Adressen är inte en fullständig webbadress",
    "ogiltig-epost": "E-postadressen har fel form",
    "utanfor-intervall": "Talet är för litet eller för stort",
    "okand-referens": "Id:t finns inte",
    "okant-id": "Värdet finns inte i ordlistan",
    "ogiltigt-filnamn": "Filnamnet har otillåtna tecken",
    "namnkrock": "Två filer har samma namn",
    "slut-fore-start": "Slutet ligger före början",
    "datumordning": "Datumen kommer i fel ordning",
    "utanfor-lanet": "Platsen ligger utanför Västernorrland",
    "ej-utf8": "Filen är inte sparad som UTF-8",
    "felaktig-fil": "Fel sorts fil i en innehållsmapp",
    "ordlista": "Fel i ordlistorna (taxonomier.yml)",
    "samma-titel": "Två sidor har samma titel",
    "bild-saknas": "Bildfilen finns inte",
    "bildformat": "Filen är inte en bild som kan visas",
    "extern-bild": "Bilden ligger på en annan webbplats",
    "alt-text-saknas": "Bilden saknar alternativtext",
    "for-stor": "Filen är för stor",
    "styrtecken": "Osynligt styrtecken i filen",
    "osynligt-tecken": "Hårt eller osynligt mellanslag i ett fältnamn eller indrag",
    "otillaten-html": "HTML som inte är tillåten i brödtexten",
    "otillaten-adress": "Länk med en adress som inte är tillåten",
    "okand-kommun": "Filen är inte en av länets sju kommuner",
    "intern-anteckning": "Redaktörens tveksamhet står i publicerad text",
    "upprepning": "Fel i upprepningen av ett evenemang",
    "kalla": "Fel i listan över evenemangsflöden (kallor.yml)",
    "sidtexter": "Fel i sidornas rubriker och ingresser (sidor.yml)",
    "dokument-saknas": "Dokumentfilen finns inte",
    "dokumenttyp": "Filen är inte ett dokument som kan publiceras",
    "for-fa-meningar": "Sammanfattningen i brödtexten är för kort",
    "pdf-tillganglighet": "PDF:en är inte tillgänglig (varning)",
}


# Codes that code reacts to (not only shows): the importer rewords a missing field for a spreadsheet.
MISSING_FIELD = "saknat-falt"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str  # relative to the project root, with forward slashes
    line: int
    field: str  # dotted field path, or a word such as "fil" for whole-file problems
    code: str
    problem: str  # what is wrong
    fix: str  # what to do

    def text(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.problem} — {self.fix} [{self.code}]"

    def github(self) -> str:
        # Workflow commands need %, CR and LF escaped in the message and ',' ':' in properties.
        def escape(value: str, prop: bool = False) -> str:
            value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return value.replace(",", "%2C").replace(":", "%3A") if prop else value

        title = escape(f"{self.field}: {CODES.get(self.code, self.code)}", prop=True)
        message = escape(f"{self.problem} — {self.fix} ({guide_url(self.code)})")
        return f"::error file={escape(self.path, True)},line={self.line},title={title}::{message}"


def field_label(path: tuple) -> str:
    """('contact', 'email') → 'contact.email'; list positions as [n] counted from 1."""
    label = ""
    for part in path:
        if isinstance(part, int):
            label += f"[{part + 1}]"
        else:
            label += ("." if label else "") + str(part)
    return label or "fil"


def report_text(diagnostics: list[Diagnostic]) -> str:
    lines = [d.text() for d in sorted(diagnostics)]
    files = len({d.path for d in diagnostics})
    lines.append(
        f"\n{len(diagnostics)} problem i {count_text(files, 'fil', 'filer')}. "
        f"Inget publiceras förrän de är rättade. Felkoderna förklaras på {GUIDE_URL}"
    )
    return "\n".join(lines)


def report_github(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(d.github() for d in sorted(diagnostics))


def report_warnings(warnings, github: bool = False) -> str:
    """Problems that do not stop the build, one line each starting "varning:"; as GitHub
    annotations of the warning level too when github."""
    lines = [f"varning: {w.text()}" for w in sorted(warnings)]
    if github:
        lines += [w.github().replace("::error ", "::warning ", 1) for w in sorted(warnings)]
    return "\n".join(lines)


def report_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([{**asdict(d), "title": CODES.get(d.code, d.code), "guide": guide_url(d.code)}
                       for d in sorted(diagnostics)], ensure_ascii=False, indent=2)


def report_html(diagnostics: list[Diagnostic]) -> str:
    """The problems as a page of its own, which `make serve` shows at every address while the
    content has errors: the editor sees in the browser what to fix instead of a page that never
    loads. A standalone page, so it needs nothing from the theme or the content."""
    files = len({d.path for d in diagnostics})
    items = "\n".join(
        f'<li><p><code>{html.escape(d.path)}</code>, rad {d.line}, fältet <code>{html.escape(d.field)}</code></p>'
        f"<p>{html.escape(d.problem)} — {html.escape(d.fix)} "
        f'<a href="{guide_url(d.code)}">[{d.code}]</a></p></li>'
        for d in sorted(diagnostics))
    return f"""<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Innehållet har fel – Utveckla Västernorrland</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}
li{{margin-bottom:1rem}} li p{{margin:0}} code{{background:#f0f0f0;padding:0 .2em}}</style>
</head>
<body>
<main>
<h1>Innehållet har fel</h1>
<p>{len(diagnostics)} problem i {count_text(files, "fil", "filer")}. Rätta dem och spara filen, så laddas
sidan om av sig själv. Inget publiceras förrän de är rättade.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""

