# The interface for people and CI. Every target installs what it needs first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: install serve build check test test-fast browser-deps bench bench-map vendor-map clean new stale schemas sitecheck

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

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

# A new content file with every field explained:  make new SAMLING=stod TITEL="Mikrolån för unga"
new: install
	@if [ -z "$(SAMLING)" ] || [ -z "$(TITEL)" ]; then \
		echo 'Skriv så här: make new SAMLING=stod TITEL="Mikrolån för unga"' >&2; exit 2; fi
	$(BIN)/python -m utveckla new "$(SAMLING)" "$(TITEL)"

# Content that may be out of date (reviewed more than 12 months ago, long-closed offers). Never fails.
stale: install
	@$(BIN)/python -m utveckla stale

# Regenerate schemas/*.schema.json after a change in utveckla/models.py.
schemas: install
	$(BIN)/python -m utveckla schemas

# The built site in site/: internal links, images with alt text, and HTML (vnu, when Java is there).
sitecheck: install $(NODE_STAMP)
	$(BIN)/python scripts/check_site.py site --html

browser-deps: $(NODE_STAMP)
	@bash scripts/install-chromium.sh

test: install browser-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser"

bench: install
	$(BIN)/python scripts/bench.py

# The investment map with 500 synthetic investments: page weight and time to interactive.
bench-map: install browser-deps
	$(BIN)/python scripts/bench_map.py

# Copy Leaflet and markercluster (versions in package-lock.json) into docs/assets/vendor/.
vendor-map: $(NODE_STAMP)
	$(BIN)/python scripts/vendor_map_assets.py

clean:
	rm -rf site .site-tmp
