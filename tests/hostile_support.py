"""A content tree with hostile text in every free-text field of every collection.

Each value carries a marker (`#stod.title`) so a test can find where it is shown and check
that the whole value is shown as text. URL fields get addresses that pass the check but carry
characters that matter in HTML; `javascript:` is refused by the check, which the validation
tests cover field by field.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import COUNTY
from utveckla.content.fields import SUMMARY_MAX, TEXT_MAX, TITLE_MAX
from utveckla.content.pagetexts import LISTING_PAGES

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
END_SCRIPT = "</script><script>alert(1)</script>"
MIXED = "'-alert(1)-' {{7*7}} &amp; &lt;b&gt; <svg onload=alert(1)>"
# Passes check_web_url (no < > " or spaces) but has quotes and & for the attribute it lands in.
HOSTILE_URL = "https://example.se/sok?q=%3Cscript%3E&x='onmouseover='alert(1)'"
HOSTILE_BODY = """Brödtext med &lt;script&gt;alert(1)&lt;/script&gt; som text, \\<script\\>alert(1)\\</script\\>
och kod: `</script><script>alert(1)</script>` och `<img src=x onerror=alert(1)>`.

[En vanlig länk](https://example.se/?q=1&x=2)
"""

RESULT_SENTENCES = "\nDen första meningen om resultatet. Den andra meningen. Den tredje meningen.\n"


def hostile(marker: str, limit: int) -> str:
    """As many payloads as fit in `limit` characters, ending with the marker."""
    tail = f" #{marker}"
    value = ""
    for payload in (SCRIPT, ATTRIBUTE, END_SCRIPT, MIXED):
        if len(value) + len(payload) + len(tail) <= limit:
            value += payload
    return value + tail


def items() -> dict[str, dict]:
    """content path → front matter; every reference points at another hostile item."""
    h = hostile
    return {
        "kommuner/sundsvall.md": {
            "title": h("kommuner.title", 90), "summary": h("kommuner.summary", 200),
            "website": HOSTILE_URL, "reviewed": "2026-11-01", "source": HOSTILE_URL,
            "business_office": {"name": h("kommuner.business_office.name", 200), "url": HOSTILE_URL,
                                "email": "naringsliv@example.se", "phone": "060-19 10 00"},
            "location": {"lat": 62.39, "lon": 17.31}, "population": 99000, "population_year": 2023,
            "key_facts": [h("kommuner.key_facts", 200)],
        },
        "aktorer/hostile-aktor.md": {
            "title": h("aktorer.title", 90), "summary": h("aktorer.summary", 200), "url": HOSTILE_URL,
            "municipalities": ["sundsvall"], "email": "info@example.se", "phone": "060-12 34 56",
            "helps_with": ["lan"], "address": h("aktorer.address", 200), "reviewed": "2026-11-01",
            "source": HOSTILE_URL,
        },
        "stod/hostile-stod.md": {
            "title": h("stod.title", 90), "summary": h("stod.summary", 200), "provider": "hostile-aktor",
            "type": "lan", "stages": ["vaxa"], "sectors": ["energi"], "municipalities": ["sundsvall"],
            "max_amount_sek": 250000, "max_share_percent": 50, "opens": "2026-01-01", "deadline": "2026-12-31",
            "url": HOSTILE_URL, "source": HOSTILE_URL, "reviewed": "2026-11-01",
            "contact": {"name": h("stod.contact.name", 200), "email": "stod@example.se", "phone": "060-10 20 30"},
            "eligibility": h("stod.eligibility", 400), "amount_note": h("stod.amount_note", 200),
        },
        "evenemang/hostile-evenemang.md": {
            "title": h("evenemang.title", 90), "summary": h("evenemang.summary", 200),
            "start": "2027-03-01 18:00", "end": "2027-03-01 20:00", "type": "seminarium",
            "organizer": "hostile-aktor", "online": HOSTILE_URL, "source": HOSTILE_URL,
            "location": {"name": h("evenemang.location.name", 200), "municipality": "sundsvall",
                         "address": h("evenemang.location.address", 200), "lat": 62.39, "lon": 17.31},
            "registration": {"url": HOSTILE_URL, "deadline": "2027-02-20"},
            "price": h("evenemang.price", 200),
            # Written by the importer and never published, so plain values (not shown, not checked on the page).
            "imported": {"uid": "hostile-1", "feed": HOSTILE_URL, "fetched": "2026-11-01", "checksum": "0" * 16},
        },
        "investeringar/hostile-investering.md": {
            "title": h("investeringar.title", 90), "summary": h("investeringar.summary", 200),
            "owner": h("investeringar.owner", 200), "municipality": "sundsvall", "sector": "energi",
            "status": "pausad", "amount_msek": 100, "amount_year": 2025, "jobs": 10,
            "location": {"lat": 62.39, "lon": 17.31, "place": h("investeringar.location.place", 200)},
            "years": {"start": 2025, "end": 2027}, "url": HOSTILE_URL, "source": HOSTILE_URL,
            "status_note": h("investeringar.status_note", 400), "reviewed": "2026-11-01",
        },
        "aktuellt/hostile-nyhet.md": {
            "title": h("aktuellt.title", 90), "summary": h("aktuellt.summary", 200), "date": "2026-11-01",
            "tags": ["<svg onload=alert(1)> #tag"], "image": "assets/delningsbild.png",
            "image_alt": h("aktuellt.image_alt", 200), "municipalities": ["sundsvall"], "source": HOSTILE_URL,
        },
        "resultat/hostile-resultat.md": {
            "title": h("resultat.title", 90), "summary": h("resultat.summary", 200), "date": "2026-10-01",
            "kind": "rapport", "theme": h("resultat.theme", 200), "document": HOSTILE_URL,
            "news": "hostile-nyhet", "source": HOSTILE_URL,
        },
    }


def text_values(data: dict, prefix: str = "") -> list[str]:
    """Every hostile text value in an item (the ones with a marker)."""
    found = []
    for value in data.values():
        if isinstance(value, dict):
            found += text_values(value)
        elif isinstance(value, list):
            found += [v for v in value if isinstance(v, str) and " #" in v]
        elif isinstance(value, str) and " #" in value:
            found.append(value)
    return found


def page_texts() -> dict[str, dict[str, str]]:
    """content/sidor.yml with hostile text in every listing page's title, summary and intro."""
    return {key: {"title": hostile(f"sidor.{key}.title", TITLE_MAX), "summary": hostile(f"sidor.{key}.summary", SUMMARY_MAX),
                  "intro": hostile(f"sidor.{key}.intro", TEXT_MAX)} for key in LISTING_PAGES}


def write_content(target: Path, body: str = HOSTILE_BODY) -> Path:
    """content/ with the hostile items and a vocabulary whose labels are hostile too."""
    content = target / "content"
    content.mkdir(parents=True)
    taxonomy = yaml.safe_load((COUNTY / "taxonomier.yml").read_text(encoding="utf-8"))
    for terms in taxonomy.values():
        for term in terms:
            terms[term] = f"{SCRIPT}{term}"
    (content / "taxonomier.yml").write_text(yaml.safe_dump(taxonomy, allow_unicode=True), encoding="utf-8")
    (content / "sidor.yml").write_text(yaml.safe_dump(page_texts(), allow_unicode=True), encoding="utf-8")
    for path, data in items().items():
        file = content / path
        file.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        # A result's body is its summary of at least three sentences (results.body_problems).
        summary = RESULT_SENTENCES if path.startswith("resultat/") else ""
        file.write_text(f"---\n{front}---\n{body}{summary}", encoding="utf-8")
    return content


def copy_site_files(target: Path) -> None:
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
