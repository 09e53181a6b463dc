# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test test-sqlite test-postgres test-browser lint install install-dev messages bench bench-search lighthouse clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py ensure_local_admin
	$(BIN)/python manage.py runserver 127.0.0.1:8000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint test-sqlite test-postgres

test-sqlite: install-dev node_modules
	$(BIN)/pytest

# PostgreSQL run: skipped with a plain message when no server answers, except under CI.
test-postgres: install-dev
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=3).close()" "$(TEST_DATABASE_URL)" 2>/dev/null; then \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(BIN)/pytest -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL does not answer at $(TEST_DATABASE_URL): CI needs it." >&2; exit 1; \
	else \
		echo "PostgreSQL does not answer at $(TEST_DATABASE_URL): skipping the PostgreSQL run (set TEST_DATABASE_URL)."; \
	fi

test-browser: install-dev node_modules
	$(BIN)/pytest -m browser

# axe-core, the Nu Html Checker and Lighthouse, pinned in package-lock.json. No install scripts:
# vnu-jar's would download a Java runtime; the machine's Java (default-jre-headless) runs it.
node_modules: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch node_modules

# Lighthouse (mobile preset) on the demo content served on 127.0.0.1: a report, not a gate.
lighthouse: install-dev node_modules
	$(BIN)/python scripts/lighthouse.py

messages: install-dev
	$(BIN)/python manage.py makemessages -l fr --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=node_modules --ignore=tests --ignore=media
	$(BIN)/python manage.py compilemessages -l fr

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

# Search benchmark (not part of `make test`): a synthetic corpus of BENCH_METHODS methods in a
# throw-away SQLite file and in the PostgreSQL database BENCH_DATABASE_URL (dropped and created
# again; never the test database), then the median and p95 of 50 queries on each.
BENCH_METHODS ?= 10000
BENCH_SQLITE_URL ?= sqlite:////tmp/entrelabs-bench-search.sqlite3
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/bench
# Queries also timed on Wagtail's stock database search (seconds to a minute each on SQLite).
BENCH_STOCK_QUERIES ?= 10

bench: bench-search

bench-search: install-dev
	rm -f /tmp/entrelabs-bench-search.sqlite3
	DATABASE_URL=$(BENCH_SQLITE_URL) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_SQLITE_URL) $(BIN)/python manage.py generate_search_corpus --methods $(BENCH_METHODS)
	DATABASE_URL=$(BENCH_SQLITE_URL) $(BIN)/python manage.py bench_search --stock-queries $(BENCH_STOCK_QUERIES)
	$(BIN)/python -c "import psycopg, sys; url = sys.argv[1]; base, name = url.rsplit('/', 1); \
		c = psycopg.connect(base + '/postgres', autocommit=True); \
		c.execute('DROP DATABASE IF EXISTS \"%s\"' % name); c.execute('CREATE DATABASE \"%s\"' % name)" "$(BENCH_DATABASE_URL)"
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py migrate --noinput -v0
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py generate_search_corpus --methods $(BENCH_METHODS)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_search --stock-queries $(BENCH_STOCK_QUERIES)
