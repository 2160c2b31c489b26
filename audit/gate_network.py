"""Gate: what the browser did on every page: no request to another host (except map tiles on
map pages), no cookie, no console error. Measured in the same crawl as axe (crawl.py)."""

from __future__ import annotations

from urllib.parse import urlsplit

from audit.report import Finding, GateResult

FIX_HOST = ("lägg filen på webbplatsen själv (docs/assets/) och länka den därifrån: inga typsnitt, "
            "skript eller bilder från andra värdar (integritet, och sidan ska fungera utan dem)")
FIX_TILES = "kartbilder får bara hämtas på kartsidor (map_pages i budgets.yml)"
FIX_COOKIE = "ta bort koden som sätter kakan: webbplatsen sätter inga kakor"
FIX_CONSOLE = ("öppna sidan med webbläsarens utvecklarverktyg och rätta skriptet (ofta en fil som "
               "saknas, eller något som laddas från en annan värd och blockeras)")


def judge(visits, budgets: dict, checked: str) -> GateResult:
    b = budgets["network"]
    allowed = {h.lower() for h in b["allowed_hosts"]}
    # (page, what) once each, in order: dicts used as ordered sets
    foreign: dict[tuple[str, str], None] = {}
    tiles: dict[tuple[str, str | None], None] = {}
    cookies: dict[tuple[str, str], None] = {}
    console: dict[tuple[str, str], None] = {}
    for visit in sorted(visits, key=lambda v: v.page):
        for url in visit.foreign:
            if (urlsplit(url).hostname or "").lower() not in allowed:
                foreign.setdefault((visit.page, url), None)
        if not visit.is_map:
            for url in visit.tiles:
                tiles.setdefault((visit.page, urlsplit(url).hostname), None)
        for name in visit.cookies:
            cookies.setdefault((visit.page, name), None)
        for message in visit.console_errors:
            console.setdefault((visit.page, message[:200]), None)
    findings = [Finding(page, "annan-värd", f"hämtar {url}", FIX_HOST) for page, url in foreign]
    findings += [Finding(page, "kartbilder", f"hämtar kartbilder från {host}", FIX_TILES) for page, host in tiles]
    cookie_findings = [Finding(page, "kaka", f"sätter kakan {name}", FIX_COOKIE) for page, name in cookies]
    console_findings = [Finding(page, "konsolfel", message, FIX_CONSOLE) for page, message in console]
    result = GateResult("nätverk", checked)
    if findings:
        result.findings += findings
    if len(cookie_findings) > b["max_cookies"]:
        result.findings += cookie_findings
    if len(console_findings) > b["max_console_errors"]:
        result.findings += console_findings
    return result
