"""Gate: axe-core finds no WCAG 2.1 A/AA violation on any page, at any width (crawl.py runs it)."""

from __future__ import annotations

from audit.report import Finding, GateResult

# The fix for the rules this site is most likely to break, in the words of this project.
HINTS = {
    "image-alt": "ge bilden en alt-text som säger vad den visar (alt=\"\" om den bara är dekor)",
    "svg-img-alt": "ge SVG-bilden role=\"img\" och en aria-label, eller aria-hidden=\"true\" om den är dekor",
    "role-img-alt": "ge elementet med role=\"img\" en aria-label",
    "color-contrast": "mörka texten eller ljusa bakgrunden i docs/assets/css/site.css (minst 4,5:1, stor text 3:1)",
    "link-in-text-block": "stryk under länkar i löptext (text-decoration: underline i site.css)",
    "link-name": "ge länken en text, eller aria-label om den bara är en ikon",
    "button-name": "ge knappen en text eller aria-label",
    "label": "koppla en <label for=…> till fältet (varje fält behöver en synlig etikett)",
    "select-name": "koppla en <label for=…> till listan",
    "html-has-lang": "sätt lang=\"sv\" på <html> (theme.language i mkdocs.yml)",
    "html-lang-valid": "använd en giltig språkkod i lang, t.ex. sv",
    "valid-lang": "använd en giltig språkkod i lang, t.ex. sv eller en",
    "document-title": "ge sidan en <title> (title i sidans front matter eller PageSpec)",
    "list": "en <ul>/<ol> får bara innehålla <li> direkt: rätta mallen",
    "listitem": "lägg <li> i en <ul> eller <ol>",
    "duplicate-id-aria": "ge elementen unika id; aria-etiketter pekar annars fel",
    "aria-allowed-attr": "ta bort ARIA-attributet som inte passar elementets roll",
    "aria-required-children": "ge rollen de barn den kräver, eller ta bort rollen",
    "aria-valid-attr-value": "rätta ARIA-attributets värde (ett id som finns, true/false …)",
    "aria-dialog-name": "ge dialogen ett namn med aria-label (sökdialogen: overrides/partials/sok.html)",
    "frame-title": "ge <iframe> ett title-attribut som säger vad den visar",
    "meta-viewport": "tillåt zoom: ta bort user-scalable=no och maximum-scale i viewport",
    "nested-interactive": "lägg inte länkar eller knappar inuti andra länkar eller knappar",
    "scrollable-region-focusable": "gör rullbara områden nåbara med tangentbordet (tabindex=\"0\" och en etikett)",
    "bypass": "sidan behöver en hopplänk eller landmärken (<main>)",
    "definition-list": "en <dl> får bara innehålla <dt>/<dd> (eller <div> runt dem)",
    "landmark-unique": "ge landmärken av samma sort olika aria-label",
}


def hint_for(violation: dict) -> str:
    return HINTS.get(violation["id"], f"{violation['help']} (se axe-regeln {violation['id']})")


def judge(visits, budgets: dict, checked: str) -> GateResult:
    result = GateResult("axe", checked)
    findings = []
    for visit in sorted(visits, key=lambda v: v.page):
        if visit.error:
            findings.append(Finding(visit.page, "kunde-inte-granskas", visit.error,
                                    "öppna sidan i webbläsaren och rätta felet (bygg om med make build)"))
        for v in visit.violations:
            nodes = v["nodes"]
            where = "; ".join(n["target"] for n in nodes[:3]) + (f" (+{len(nodes) - 3})" if len(nodes) > 3 else "")
            findings.append(Finding(visit.page, v["id"], f"{v['width']} px, {v['impact']}: {where}",
                                    hint_for(v)))
    if len(findings) > budgets["axe"]["max_violations"]:
        result.findings = findings
    return result
