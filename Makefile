# marsad: `make demo` runs the main job on the example article; `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EXTRAS ?= dev

.PHONY: demo test lint typecheck pytest bench install clean score readme browser serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# reinstall whenever the project's metadata changes
$(VENV)/.installed-$(EXTRAS): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

install: $(VENV)/.installed-$(EXTRAS)

demo: $(VENV)/.installed-$(EXTRAS)
	$(BIN)/marsad analyze examples/tripoli-un-envoy.txt --published 2025-12-18 --format text

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check marsad tests bench $(wildcard tools)

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest

test: EXTRAS = dev
test: lint typecheck pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python -m bench

score: $(VENV)/.installed-$(EXTRAS)
	$(BIN)/marsad analyze ../shared/eval/seed/000_90891a1368017b44.txt --format json > /tmp/marsad-seed.json
	$(PYTHON) ../shared/tools/score_analysis.py ../shared/eval/seed/gold.json /tmp/marsad-seed.json

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache

readme: $(VENV)/.installed-$(EXTRAS)
	$(BIN)/python tools/readme_demo.py

# the web page and its API over ./marsad.db (or DB=...)
serve: $(VENV)/.installed-$(EXTRAS)
	$(BIN)/marsad serve $(if $(DB),--db $(DB))

# headless Chromium for the page's browser test (tests/interfaces/test_page.py skips without it):
# Debian's package, where apt-get runs as root; elsewhere it says so and does nothing
browser:
	@if command -v chromium >/dev/null 2>&1; then echo "browser: $$(command -v chromium)"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "browser: could not install chromium: the page's browser test will skip"; \
	else echo "browser: no apt-get as root: the page's browser test will skip"; fi
