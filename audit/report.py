"""Findings, gate results and the printed report (what failed, on which page, and the fix)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# Per rule, at most this many pages are printed; the JSON report holds every finding.
SHOW_PER_RULE = 15


@dataclass(frozen=True)
class Finding:
    page: str      # relative to site/, e.g. stod/index.html
    rule: str      # short id: the axe rule, "bruten-länk", "html-fel" …
    problem: str   # what is wrong, with the element or value
    fix: str       # what to do about it


@dataclass
class GateResult:
    name: str
    checked: str                 # what was measured, e.g. "109 sidor × 2 bredder"
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # context printed with the gate
    error: str | None = None     # the gate could not run (a tool missing): counts as failed

    @property
    def passed(self) -> bool:
        return not self.findings and self.error is None


def print_gate(result: GateResult) -> None:
    verdict = "OK" if result.passed else "FEL"
    print(f"\n== {result.name}: {verdict} ({result.checked})")
    for note in result.notes:
        print(f"   {note}")
    if result.error:
        print(f"   Kunde inte köras: {result.error}")
    by_rule: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_rule[finding.rule, finding.fix].append(finding)
    for (rule, fix), findings in by_rule.items():
        pages = {f.page for f in findings}
        print(f"   [{rule}] {len(findings)} fel på {len(pages)} sidor. Åtgärd: {fix}")
        for finding in findings[:SHOW_PER_RULE]:
            print(f"     {finding.page}: {finding.problem}")
        if len(findings) > SHOW_PER_RULE:
            print(f"     … och {len(findings) - SHOW_PER_RULE} till (alla finns i rapportfilen)")


def print_summary(results: list[GateResult], seconds: dict[str, float]) -> None:
    rows = [("kontroll", "resultat", "fel", "tid", "vad")]
    for r in results:
        rows.append((r.name, "OK" if r.passed else "FEL", str(len(r.findings)),
                     f"{seconds.get(r.name, 0):.0f} s", r.checked))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print("\nSammanfattning")
    for n, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))
