PORT ?= 8000
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-browser test-postgres lint format clean bench bench-smoke

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seeds
	$(BIN)/python manage.py ensure_admin
	@echo
	@echo "  Admin:    http://127.0.0.1:$(PORT)/admin/"
	@echo "  API:      http://127.0.0.1:$(PORT)/api/"
	@echo "  API docs: http://127.0.0.1:$(PORT)/api/docs/  (OpenAPI schema: /api/schema/)"
	@echo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest

# End-to-end admin tests in the system Chromium (apt-get install chromium); screenshots go to
# test-artifacts/browser/. Plain `make test` skips them.
test-browser: install
	TRACKER_BROWSER_TESTS=1 $(BIN)/python -m pytest tests/browser

# Read-path benchmark on a fresh PostgreSQL database (sizes: BENCH_SIZES, default 10000,1000000);
# results in bench/results/YYYY-MM-DD.md. bench-smoke: 10k rows, a few seconds an endpoint.
bench: install
	$(BIN)/python bench/run.py

bench-smoke: install
	$(BIN)/python bench/run.py --smoke

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles test-artifacts .pytest_cache
