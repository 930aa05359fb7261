# Stegvis: `make run` serves the demo, `make test` runs every test (Debian packages included).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 5000
# Debian packages the tests need: Chromium for the browser tests, LibreOffice and poppler to
# turn documents into PDF and read them back, and LibreOffice's hyphenation patterns for the
# three document languages (long words in narrow table columns break with a hyphen).
TEST_DEBS := chromium libreoffice-writer-nogui python3-uno poppler-utils fonts-dejavu-core fonts-liberation2 \
	hyphen-sv hyphen-pl hyphen-en-gb

.PHONY: run test test-postgres migrations-check lint fmt i18n-extract i18n-update i18n-compile system-deps bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) i18n-compile
	STEGVIS_ENV=development $(BIN)/stegvis init-db
	STEGVIS_ENV=development $(BIN)/stegvis demo
	@echo "Stegvis runs on http://$(HOST):$(PORT)  (stop with Ctrl-C)"
	STEGVIS_ENV=development $(BIN)/stegvis run --host $(HOST) --port $(PORT)

system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	test -f /usr/lib/python3/dist-packages/uno.py || missing="$$missing python3-uno"; \
	for lang in sv_SE pl_PL en_GB; do \
	  test -f /usr/share/hyphen/hyph_$$lang.dic || missing="$$missing hyph_$$lang"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(TEST_DEBS); \
	fi

test: system-deps $(STAMP) i18n-compile
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same suite on PostgreSQL (CI runs both); TEST_DATABASE_URL may point elsewhere, but only
# at a database whose name ends in _test (the suite empties it).
PG_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/stegvis_test
PG_DB = $(notdir $(PG_URL))
test-postgres: system-deps $(STAMP) i18n-compile
	psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$(PG_DB)'" postgres | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $(PG_DB)" postgres
	TEST_DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest $(PYTEST_ARGS)

# `alembic check` on a throw-away SQLite database migrated from nothing: models = migrations.
migrations-check: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export STEGVIS_ENV=testing DATABASE_URL="sqlite:///$$tmp/check_test.sqlite3" && \
	$(BIN)/stegvis init-db && $(BIN)/stegvis check-migrations

lint: $(STAMP)
	$(BIN)/ruff check service forms tests migrations benchmarks
	$(BIN)/mypy service forms

fmt: $(STAMP)
	$(BIN)/ruff format service forms tests migrations benchmarks
	$(BIN)/ruff check --fix service forms tests migrations benchmarks

i18n-extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
	  --project Stegvis --copyright-holder Stegvis -o locales/messages.pot .

i18n-update: i18n-extract
	for lang in sv pl en; do \
	  test -f locales/$$lang/LC_MESSAGES/messages.po \
	    && $(BIN)/pybabel update -i locales/messages.pot -d locales -l $$lang --no-fuzzy-matching \
	    || $(BIN)/pybabel init -i locales/messages.pot -d locales -l $$lang; \
	done

i18n-compile: $(STAMP)
	$(BIN)/pybabel -q compile -d locales

bench: $(STAMP)
	@command -v wrk >/dev/null || { echo "installing Debian's wrk for the load benchmarks"; \
	  apt-get install -y wrk >/dev/null || echo "wrk missing: apt-get install wrk (as root)"; }
	$(BIN)/python benchmarks/documents.py
	$(BIN)/python benchmarks/pdf_cache.py
	@echo
	@echo "Under load (need Debian's wrk: apt-get install wrk; each fills a scratch database):"
	@echo "  $(BIN)/python benchmarks/load.py   # the pages against a bare Flask hello and a bare WTForms page"
	@echo "  $(BIN)/python benchmarks/scale.py  # 100,000 cases: list, search, case page, step page"
	@echo "  $(BIN)/python benchmarks/writes.py # 50 clients saving for 60 s, every acknowledged write read back"
	@echo "  $(BIN)/python benchmarks/faults.py # a worker killed mid-save; the database stopped under load"
	@echo "  add --database-url postgresql+psycopg://postgres@127.0.0.1/stegvis_bench (a name ending in _bench or _test) for PostgreSQL"

clean:
	rm -rf $(VENV) instance .pytest_cache test-artifacts
