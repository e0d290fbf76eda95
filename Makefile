# One command runs the app (`make run`), one runs every check (`make test`).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint types pytest assets bench clean messages

run: $(VENV)/.installed
	$(BIN)/mianjing serve --host $(HOST) --port $(PORT)

# torch first and pinned: the CPU wheel on disk; an unpinned torch would be a multi-GB CUDA download.
$(VENV)/.installed: pyproject.toml
	@echo "== creating $(VENV) and installing mianjing (torch 2.13.0 CPU first; a few minutes the first time)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip --progress-bar on
	$(BIN)/python -m pip install torch==2.13.0 --progress-bar on
	$(BIN)/python -m pip install -e '.[dev]' --progress-bar on
	@echo "== installed into $(VENV)"
	touch $@

# The browser tests' accessibility checker (axe-core) and the asset rebuild check need the npm
# packages of static/package-lock.json; the app itself serves the committed static/dist.
static/node_modules/.installed: static/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  echo "== installing the npm packages of static/ (npm ci)"; \
	  cd static && npm ci --no-audit --no-fund && touch node_modules/.installed; \
	else echo "== npm not found: the asset and accessibility tests will say they are skipped"; fi

test: lint types pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check app tests scripts

types: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed static/node_modules/.installed
	$(BIN)/python -m pytest -q

# The inner loop: lint, types and every test not marked slow (no sandbox, browser or server).
test-fast: lint types
	$(BIN)/python -m pytest -q -m "not slow"

assets:
	cd static && npm ci --no-audit --no-fund && node build.mjs

bench: $(VENV)/.installed
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .cache/corpus static/node_modules

# Re-extract UI strings and merge them into the Chinese catalog (then translate the new ones).
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ -o app/locale/messages.pot --no-location --sort-output --omit-header .
	$(BIN)/pybabel update -i app/locale/messages.pot -d app/locale -D messages -l zh --no-fuzzy-matching --omit-header
