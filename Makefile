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
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

test: lint types pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check app tests scripts

types: $(VENV)/.installed
	$(BIN)/mypy

pytest: $(VENV)/.installed
	$(BIN)/python -m pytest -q

# The inner loop: lint, types and every test not marked slow (no sandbox, browser or server).
test-fast: lint types
	$(BIN)/python -m pytest -q -m "not slow"

assets:
	cd static && npm ci --no-audit --no-fund && node build.mjs

bench: $(VENV)/.installed
	$(BIN)/python scripts/bench_grader.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Re-extract UI strings and merge them into the Chinese catalog (then translate the new ones).
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ -o app/locale/messages.pot --no-location --sort-output --omit-header .
	$(BIN)/pybabel update -i app/locale/messages.pot -d app/locale -D messages -l zh --no-fuzzy-matching --omit-header
