# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
# One test process per core (pytest-xdist); a file stays on one process, so that a module's shared
# content is built once, and files go out in pytest-django's order (the transactional tests, which
# empty the database, after the others: tests/conftest.py). PYTEST_WORKERS=0: one process.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --no-loadscope-reorder

.PHONY: bench-internals bench-load run test test-sqlite test-postgres test-browser lint install install-dev messages bench bench-search lighthouse screenshots clean backup restore security-check

# $(call timed,WHAT,COMMAND): COMMAND between a line saying what starts and one with the seconds it took.
define timed
@echo "$(1)..."; start=$$(date +%s); \
if $(2); then echo "$(1): done in $$(( $$(date +%s) - start )) s."; \
else status=$$?; echo "$(1): failed after $$(( $$(date +%s) - start )) s." >&2; exit $$status; fi
endef

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed" if sys.version_info < (3, 11) else 0)'
	@$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian, apt-get install python3-venv." >&2; exit 1; }
	$(call timed,pip install --upgrade pip,$(BIN)/python -m pip install --quiet --upgrade pip)

# The stamps skip pip when the requirements have not changed since the last install.
install: $(VENV)/.installed-requirements
install-dev: $(VENV)/.installed-requirements-dev

$(VENV)/.installed-requirements: requirements.txt | $(BIN)/python
	$(call timed,pip install -r requirements.txt,$(BIN)/pip install --quiet -r requirements.txt)
	@touch $@

$(VENV)/.installed-requirements-dev: requirements.txt requirements-dev.txt requirements-search.txt | $(BIN)/python
	$(call timed,pip install -r requirements-dev.txt,$(BIN)/pip install --quiet -r requirements-dev.txt)
	@touch $@

# The port is checked first: a busy one is reported before the install, the migrations and the demo.
run:
	@$(PYTHON) scripts/preflight.py port $(PORT)
	@$(MAKE) --no-print-directory install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} $(BIN)/python manage.py ensure_local_admin
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint test-sqlite test-postgres

# SQLite run, with the browser tests when Chromium and the npm tools are there (a line says what is
# skipped otherwise; under CI=true a missing tool is a failure).
test-sqlite: install-dev
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules; fi
	@selection=$$($(BIN)/python scripts/preflight.py browser) && \
		echo "SQLite run$${selection:+ ($$selection)}..." && \
		start=$$(date +%s) && $(PYTEST) -m "$$selection" && \
		echo "SQLite run: passed in $$(( $$(date +%s) - start )) s."

# PostgreSQL run: a line says why it is skipped (no server, no access, no database), except under CI.
test-postgres: install-dev
	@decision=$$($(BIN)/python scripts/preflight.py postgres "$(TEST_DATABASE_URL)") && \
	if [ "$$decision" = run ]; then \
		echo "PostgreSQL run ($(TEST_DATABASE_URL))..." && start=$$(date +%s) && \
		DATABASE_URL="$(TEST_DATABASE_URL)" $(PYTEST) -m "not browser" && \
		echo "PostgreSQL run: passed in $$(( $$(date +%s) - start )) s."; \
	fi

# The browser tests alone: here Chromium, Java and the npm tools are required.
test-browser: install-dev
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules; fi
	@$(BIN)/python scripts/preflight.py browser --required >/dev/null
	$(PYTEST) -m browser

# axe-core, the Nu Html Checker and Lighthouse, pinned in package-lock.json. No install scripts:
# vnu-jar's would download a Java runtime; the machine's Java (default-jre-headless) runs it.
node_modules: package.json package-lock.json
	$(call timed,npm ci (axe-core; vnu-jar; Lighthouse),npm ci --ignore-scripts --no-audit --no-fund)
	@touch node_modules

# Lighthouse (mobile preset) on the demo content served on 127.0.0.1: a report, not a gate.
lighthouse: install-dev node_modules
	$(BIN)/python scripts/lighthouse.py

# PNGs of every public page type at 1280 and 375 px, on the demo content: test-artifacts/screenshots/.
screenshots: install-dev
	$(BIN)/python scripts/screenshots.py

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

# Page benchmark (issue 19; not part of `make test`; scripts/bench.py): req/s, p50/p99 and CPU ms per
# request of each public page type, uncached and cached, beside a static file of the same size and
# a trivial view, on SQLite and on PostgreSQL + Redis (BENCH_PAGES_DATABASE_URL, dropped and created
# again), for the demo site and sites BENCH_SCALES times its size. BAKERYDEMO_DIR: bakerydemo beside.
BENCH_SCALES ?= 1 10 100
BENCH_SECONDS ?= 5
BENCH_PAGES_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/bench_pages
BAKERYDEMO_DIR ?=

bench: install-dev
	timeout 7200 $(BIN)/python scripts/bench.py --scales $(BENCH_SCALES) --seconds $(BENCH_SECONDS) \
		--postgres "$(BENCH_PAGES_DATABASE_URL)" $(if $(BAKERYDEMO_DIR),--bakerydemo "$(BAKERYDEMO_DIR)")

# The stand-ins for Wagtail internals against Wagtail's own (README, Architecture; not part of
# `make test`): queries and CPU ms per view of the demo pages they serve, uncached, on SQLite.
bench-internals: install-dev
	timeout 1800 $(BIN)/python scripts/bench_internals.py

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

# Backups (portal/backups.py): the database (pg_dump, or SQLite's online backup) and the media
# in one new folder, BACKUP_DIR (default backups/<date-time>); `make restore BACKUP_DIR=...` loads
# one into an instance whose database and media folder are empty, and compares what they hold.
BACKUP_DIR ?=

backup: install
	$(BIN)/python manage.py backup $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP_DIR)" || { echo "Name the backup: make restore BACKUP_DIR=backups/<date-time>" >&2; exit 1; }
	$(BIN)/python manage.py restore $(BACKUP_DIR)

# The hardening checks of issue 21 (not part of `make test`; about 9 minutes on 2 cores): the
# production deploy check, the security tests on SQLite and on PostgreSQL (database
# SECURITY_DATABASE_URL, dropped and created by pytest), the CSP browser test, and their figures.
SECURITY_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/security_check

security-check: install-dev node_modules
	timeout 1800 $(BIN)/python scripts/security_check.py --postgres "$(SECURITY_DATABASE_URL)"

# Load held (issues 19 and 21): 50 anonymous visitors for 60 s on gunicorn (production settings,
# PostgreSQL LOAD_DATABASE_URL, dropped and created again, + Redis) while an editor publishes every 3 s.
LOAD_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/bench_load

bench-load: install-dev
	timeout 2400 $(BIN)/python scripts/bench_load.py --database "$(LOAD_DATABASE_URL)"
