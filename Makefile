# Orion: `make run` starts the app, `make test` runs the tests; both install what they need.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_WORKERS ?= 2
E2E_WORKERS ?= 1

# Every reflex/test command runs with bun from .tools/ (Node 20 is too old for Reflex).
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(CURDIR)/$(VENV)/bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export PYTHON
# CI, DATABASE_URL, REDIS_URL, MEDIA_DIR, FRONTEND_PORT, BACKEND_PORT and PYTEST_ARGS come from the
# environment and pass through as they are.

.PHONY: help install bun redis run serve test migrate seed lint bench clean

help:
	@echo "make run      install, start Redis, migrate, seed demo data, run Orion (http://localhost:3000)"
	@echo "make test     install (+ Chromium), start Redis, run pytest (MODULE=catalog for one module's tests, PYTEST_ARGS=...)"
	@echo "make serve    production mode: several backend processes on Redis state, one port (docs/operations.md)"
	@echo "make install  create .venv with requirements.txt and install bun into .tools/"
	@echo "make migrate | seed | lint | bench (BENCH=lighthouse for one) | clean"

install: $(STAMP) bun

# Reinstall only when requirements.txt is newer than the stamp.
$(STAMP): requirements.txt
	bash scripts/check_prereqs.sh python
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

bun:
	bash scripts/install_bun.sh

redis: $(STAMP)
	bash scripts/ensure_redis.sh

run: install
	bash scripts/run.sh

serve: install
	bash scripts/serve.sh

test: install
	bash scripts/check_prereqs.sh chromium
	bash scripts/ensure_redis.sh
	bash scripts/pg_status.sh
	# Everything but the browser tests on $(TEST_WORKERS) workers (worksteal: a worker that
	# runs dry takes half of the other's queue, so no long module is left for the end on one
	# worker), then the browser tests in one process: they share one compiled frontend, and
	# under a loaded CPU their timeouts would measure the machine. E2E_WORKERS=2 runs them on
	# two workers, a module per worker at a time, each with its own app server (9 min 04 s
	# against 10 min 54 s on 2 cores: docs/operations.md, "Testing"). Exit code 5 means
	# "nothing selected".
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal -m "not e2e" $(if $(MODULE),-k $(MODULE)) $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(PY) -m pytest $(if $(filter-out 1,$(E2E_WORKERS)),-n $(E2E_WORKERS) --dist loadgroup --no-loadscope-reorder) -m e2e $(if $(MODULE),-k $(MODULE)) $(PYTEST_ARGS) || [ $$? -eq 5 ]

migrate: $(STAMP)
	$(PY) -m orion_app db upgrade

seed: migrate
	$(PY) -m orion_app seed-demo

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: install
	bash scripts/install_lighthouse.sh
	$(PY) -m bench $(BENCH)

clean:
	bash scripts/stop_redis.sh
	rm -rf .venv .tools .web .run orion.db
