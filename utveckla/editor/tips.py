"""`python -m utveckla tip ISSUE.md`: an event tip from the issue form into a checked event file.

GitHub writes a submitted issue form as Markdown: each field's label as a `### ` heading, the
answer below it, and `_No response_` for an empty one. The labels are read from the form itself
(.github/ISSUE_TEMPLATE/tipsa-om-evenemang.yml), so they are written once. The answers become
an event file by the contract; the file is kept only if it passes the same check as
`make check`. Otherwise it is removed and the problems are printed as a Markdown comment for
the issue, in the form's own words, and the exit code is 1.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..content.loader import suggest_slug
from ..content.site import build_now
from ..content.validate import load_site

FORM = Path(".github/ISSUE_TEMPLATE/tipsa-om-evenemang.yml")
FOLDER = "content/evenemang"
EMPTY = "_No response_"
DIGITAL = "Digitalt"
# A field of the event file → the form's input it came from (the rest have the same name).
FORM_FIELD = {"location": "municipality", "location.name": "place", "location.municipality": "municipality",
              "location.address": "address", "registration.url": "registration"}
HEADING = re.compile(r"^###\s+(.+?)\s*$", re.MULTILINE)


def form_fields(root: Path) -> dict[str, str]:
    """label → id of every input of the issue form."""
    form = yaml.safe_load((root / FORM).read_text(encoding="utf-8"))
    return {item["attributes"]["label"]: item["id"] for item in form["body"] if "id" in item}


def answers(body: str, fields: dict[str, str]) -> dict[str, str]:
    """id → the answer as typed (empty answers left out)."""
    found: dict[str, str] = {}
    parts = HEADING.split(body.replace("\r\n", "\n"))
    for label, text in zip(parts[1::2], parts[2::2], strict=True):
        value = text.strip()
        if label in fields and value and value != EMPTY:
            found[fields[label]] = value
    return found


def _find(text: str, choices: dict[str, str]) -> str | None:
    """The id whose label (or id) is the text, ignoring case."""
    wanted = text.casefold().strip()
    return next((key for key, label in choices.items() if wanted in (label.casefold(), key)), None)


def front_matter(given: dict[str, str], site, number: int | None) -> tuple[dict, list[str]]:
    """The event file's fields and the problems that the check could not name in the form's words."""
    problems = []
    data: dict = {key: given[key] for key in ("title", "summary", "start") if key in given}
    if "end" in given:
        data["end"] = given["end"]
    types = site.taxonomy.get("evenemangstyper", {})
    if "type" in given:
        data["type"] = _find(given["type"], types) or given["type"]
    actors = {entry.slug: entry.data.title for entry in site.entries.get("aktorer", ())}
    if "organizer" in given:
        organizer = _find(given["organizer"], actors)
        if organizer is None:
            problems.append(f"Arrangören ”{given['organizer']}” finns inte bland organisationerna på webbplatsen. "
                            "En redaktör lägger till den i content/aktorer/ eller rättar namnet i tipset.")
        data["organizer"] = organizer or suggest_slug(given["organizer"])
    municipalities = {entry.slug: entry.data.title for entry in site.entries.get("kommuner", ())}
    where = given.get("municipality")
    if where and where != DIGITAL:
        data["location"] = {"name": given.get("place") or given.get("address") or where,
                            "municipality": _find(where, municipalities) or suggest_slug(where)}
        if "address" in given:
            data["location"]["address"] = given["address"]
    for key in ("online", "price", "source"):
        if key in given:
            data[key] = given[key]
    if "registration" in given:
        data["registration"] = {"url": given["registration"]}
    data["notes"] = f"Från formuläret Tipsa om ett evenemang{f', ärende #{number}' if number else ''}."
    return data, problems


def convert(root: Path, body: str, number: int | None = None) -> tuple[str | None, str]:
    """(the new file's path, or None; the message for the issue)."""
    fields = form_fields(root)
    labels = {field: label for label, field in fields.items()}
    given = answers(body, fields)
    now = build_now()
    today = now.date()
    site, _ = load_site(root, today, now)
    data, problems = front_matter(given, site, number)
    slug = suggest_slug(f"{given.get('title', 'evenemang')} {given.get('start', '')[:10]}")[:80].strip("-") or "evenemang"
    relative = f"{FOLDER}/{slug}.md"
    path = root / relative
    if path.exists():
        return None, f"Det finns redan en fil {relative} för ett evenemang med samma namn och datum. En redaktör jämför dem."
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n",
                    encoding="utf-8")
    _, diagnostics = load_site(root, today, now)
    mine = [d for d in diagnostics if d.path == relative]
    if not mine and not problems:
        return relative, f"Tipset blev filen {relative}, som klarar kontrollen."
    path.unlink()
    lines = ["Tipset kunde inte bli ett evenemang i kalendern än. Det här behöver rättas (redigera ärendet och "
             "ta bort och sätt etiketten evenemangstips igen):", ""]
    lines += [f"- {problem}" for problem in problems]
    for d in mine:
        if d.code == "okand-referens" and d.field == "organizer" and problems:
            continue  # already said in the form's words
        name = labels.get(FORM_FIELD.get(d.field, d.field.split(".")[0]), d.field)
        lines.append(f"- **{name}**: {d.problem} — {d.fix}")
    return None, "\n".join(lines)


def run_tip(root: Path, issue: Path, number: int | None) -> int:
    created, message = convert(root, issue.read_text(encoding="utf-8"), number)
    print(message)
    if created is None:
        return 1
    return 0
