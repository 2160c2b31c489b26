# The interface for people and CI. Every target installs what it needs first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: install serve build check test test-fast browser-deps audit-deps audit bench bench-scale clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
$(NODE_STAMP): package.json package-lock.json
	npm ci --silent --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Build into a temporary folder and move it into place only when everything passed,
# so a failed build never leaves a half-built site/ that could be deployed.
build: install
	rm -rf .site-tmp
	@if $(BIN)/mkdocs build --strict --quiet --site-dir .site-tmp; then \
		rm -rf site && mv .site-tmp site && echo "Webbplatsen är byggd i site/."; \
	else \
		rm -rf .site-tmp site; echo "Bygget misslyckades: ingenting publiceras." >&2; exit 1; \
	fi

check: install
	$(BIN)/python -m utveckla check

browser-deps: $(NODE_STAMP)
	@bash scripts/install-chromium.sh

# The audit's tools: axe-core, Lighthouse and vnu-jar from package-lock.json, Debian's
# chromium, and Java for the HTML checker. Chromium is required here, not optional.
audit-deps: install $(NODE_STAMP)
	@bash scripts/install-chromium.sh
	@command -v chromium >/dev/null || { echo "make audit behöver Chromium: sudo apt-get install chromium" >&2; exit 1; }
	@bash scripts/install-java.sh

# Quality gates on the built site (budgets.yml): axe, Lighthouse, HTML, links, network, weight.
# Run `make build` first; CI does (.ci/run).
audit: audit-deps
	@test -f site/index.html || { echo "site/ saknas: kör  make build  först" >&2; exit 1; }
	$(BIN)/python -m audit site

test: install browser-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser"

bench: install
	$(BIN)/python scripts/bench.py

# Build times at 1×, 10× and 100× the real content, and the `make serve` rebuild time.
bench-scale: install
	$(BIN)/python scripts/bench_scale.py

clean:
	rm -rf site .site-tmp audit-report
