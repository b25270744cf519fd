# Samen: `make run` serves the demo site, `make test` runs every check. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
LOCK := requirements.lock
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint check-migrations messages test-python test-browser test-sqlite lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

messages: $(VENV)/.installed
	cd samen && ../$(PY) ../manage.py compilemessages --verbosity 0

run: install messages
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "Samen is starting on http://$(HOST):$(PORT)/ (Ctrl+C stops it)."
	$(PY) manage.py runserver $(HOST):$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check-migrations: install-dev
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

# Service, HTTP and engine tests; browser tests run separately so their count shows on its own.
test-python: install-dev messages
	$(BIN)/pytest -m "not browser" -n 2 --dist loadgroup

# One module per worker: each module seeds its demo world once, and its flows run in order.
test-browser: install-dev messages
	$(BIN)/pytest -m browser -n 2 --dist loadfile

test: lint check-migrations test-python test-browser

# The service and HTTP tests again, on SQLite whatever DATABASE_URL says (CI runs this too).
test-sqlite: install-dev messages
	env -u DATABASE_URL $(BIN)/pytest -m "not browser and not postgres" -n 2 --ignore=tests/pbcount tests

lock: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip freeze --exclude-editable | grep -v '^samen' > $(LOCK)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
