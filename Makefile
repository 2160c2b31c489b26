# The interface for people and CI. Every target installs what it needs first.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: install serve build check lint test test-fast browser-deps calc-deps bench bench-map bench-scale bench-listings vendor-map clean new \
	import-events stale schemas sitecheck engines lock audit-deps vendor-manifest audit audit-tools reach goaccess-deps

install: $(STAMP)

# Every package, pip and setuptools included, is installed at its pinned version and only if
# its file has one of the sha256 hashes in requirements.txt. The project itself is installed
# without dependencies and without an isolated build environment, so that nothing is fetched
# that the hashes do not cover.
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Regenerate requirements*.txt from requirements*.in with versions and hashes from PyPI only
# (a local pip configuration with other indexes or wheel folders is ignored). Existing pins are
# kept; upgrade one package with  make lock LOCK_ARGS="--upgrade-package NAME".
TOOLS := .venv-tools
lock:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet pip-tools==7.6.2
	for name in requirements requirements-audit; do \
		env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null $(TOOLS)/bin/pip-compile --quiet \
			--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
			$(LOCK_ARGS) --output-file $$name.txt $$name.in || exit 1; \
	done

# Known vulnerabilities in the pinned dependencies (needs the network, so not part of make test).
AUDIT := .venv-audit
AUDIT_STAMP := $(AUDIT)/.installed
$(AUDIT_STAMP): requirements-audit.txt
	$(PYTHON) -m venv $(AUDIT)
	$(AUDIT)/bin/python -m pip install --quiet --require-hashes -r requirements-audit.txt
	touch $(AUDIT_STAMP)

audit-deps: $(AUDIT_STAMP)
	$(AUDIT)/bin/pip-audit --requirement requirements.txt --require-hashes --disable-pip --strict --progress-spinner off
	$(AUDIT)/bin/pip-audit --requirement requirements-audit.txt --require-hashes --disable-pip --strict --progress-spinner off

# The list of vendored front-end files (docs/assets/vendor/vendor.json): check it, or write it
# after adding or updating a library with  make vendor-manifest VENDOR_ARGS=--write
vendor-manifest: install
	$(BIN)/python scripts/vendor_manifest.py $(VENDOR_ARGS)

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
	@if $(BIN)/mkdocs build --strict --site-dir .site-tmp; then \
		rm -rf site && mv .site-tmp site && echo "Webbplatsen är byggd i site/."; \
	else \
		rm -rf .site-tmp site; echo "Bygget misslyckades: ingenting publiceras." >&2; exit 1; \
	fi

# The site built with MkDocs and with ProperDocs (the maintained fork) must be the same, apart
# from the generator tag: the proof that moving engines is a one-line change.
engines: install
	$(BIN)/python scripts/compare_engines.py

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

# Regenerate schemas/*.schema.json after a change in utveckla/content/models.py.
schemas: install
	$(BIN)/python -m utveckla schemas

# The built site in site/: internal links, images with alt text, and HTML (vnu, when Java is there).
sitecheck: install $(NODE_STAMP)
	$(BIN)/python scripts/check_site.py site --html

browser-deps: $(NODE_STAMP)
	@bash scripts/install-chromium.sh

# LibreOffice Calc, which the open-data test opens investeringar.csv in (tests/test_sakerhet_csv.py).
calc-deps:
	@bash scripts/install-libreoffice.sh

# The audit's tools: axe-core, Lighthouse and vnu-jar from package-lock.json, Debian's
# chromium, and Java for the HTML checker. Chromium is required here, not optional.
audit-tools: install $(NODE_STAMP)
	@bash scripts/install-chromium.sh
	@command -v chromium >/dev/null || { echo "make audit behöver Chromium: sudo apt-get install chromium" >&2; exit 1; }
	@bash scripts/install-java.sh

# Quality gates on the built site (budgets.yml): axe, Lighthouse, HTML, links, network, weight.
# Run `make build` first; CI does (.ci/run).
audit: audit-tools
	@test -f site/index.html || { echo "site/ saknas: kör  make build  först" >&2; exit 1; }
	$(BIN)/python -m audit site $(AUDIT_ARGS)

# Lint and types first: the quickest things to fix, and they need no build (configured in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# The tests run on every core (pytest-xdist), each test file whole on one process, so that a
# site built for a file is built once (tests/conftest.py, SHARED_BUILDS). TEST_WORKERS=0 runs
# them in this one process.
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

test: install browser-deps calc-deps goaccess-deps lint
	$(PYTEST)

test-fast: install lint
	$(PYTEST) -m "not browser"

bench: install
	$(BIN)/python scripts/bench.py

# The investment map with 500 synthetic investments: page weight and time to interactive.
bench-map: install browser-deps
	$(BIN)/python scripts/bench_map.py

# Copy Leaflet and markercluster (versions in package-lock.json) into docs/assets/vendor/.
vendor-map: $(NODE_STAMP)
	$(BIN)/python scripts/vendor_map_assets.py

# Build times at 1×, 10× and 100× the real content, and the `make serve` rebuild time.
bench-scale: install
	$(BIN)/python scripts/bench_scale.py

# The listing pages' HTML at ten times the content, and the offer filter's response at 5,000 offers.
bench-listings: install browser-deps
	$(BIN)/python scripts/bench_listings.py

clean:
	rm -rf site .site-tmp audit-report

# The organisers' event feeds in content/kallor.yml into content/evenemang/ (nightly in CI).
import-events: install
	$(BIN)/python -m utveckla import-events $(IMPORT_ARGS)

# The reach report from the visitor statistics' CSV export, or from the web server's access log
# through GoAccess:  make reach EXPORT=export.csv [UT=rackvidd.csv]  or  make reach LOGG=access.log
reach: install goaccess-deps
	@if [ -z "$(EXPORT)$(LOGG)" ]; then echo 'Skriv så här: make reach EXPORT=statistikexport.csv  (eller LOGG=access.log)' >&2; exit 2; fi
	$(BIN)/python -m utveckla.editor.reach $(if $(LOGG),--logg "$(LOGG)","$(EXPORT)") --out "$(or $(UT),rackvidd.csv)"

# GoAccess, which make reach reads a web server's access log with (tests/test_rackvidd.py).
goaccess-deps:
	@bash scripts/install-goaccess.sh
