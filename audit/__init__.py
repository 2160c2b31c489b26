"""Quality gates on the built site (`make audit`): accessibility, privacy, speed and validity.

Each gate is one module (gate_*.py) that judges the built `site/` against the thresholds in
`budgets.yml` and returns a GateResult; `python -m audit site/` runs them all, prints every
failure with its page and a fix, then a summary table, and exits non-zero when a gate failed.
This package reads the built site only; it never imports the content core (`utveckla/`).
"""

from pathlib import Path

# The repository: node_modules/ (axe-core, Lighthouse, vnu-jar), budgets.yml and mkdocs.yml.
ROOT = Path(__file__).resolve().parent.parent
