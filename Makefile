# Two commands a newcomer needs: `make run` and `make test`. Python 3.11+ and make only.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py

.PHONY: help venv messages run migrate demo test test-fast lint format audit bench bench-frontdesk stack stack-test clean

help:
	@echo "make run    - install, migrate, load the demo clinic, serve http://localhost:8000/"
	@echo "make test   - run the whole test suite"
	@echo "make lint   - ruff lint and format check, migrations check"
	@echo "make audit  - Lighthouse scores of every public page"
	@echo "make bench  - load benchmarks (bench/), results in bench/results.json"
	@echo "make stack  - the production stack on loopback (nginx, 2 app servers, worker, ...)"
	@echo "make stack-test - drive that stack over https (deploy/tests/)"

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

venv: $(BIN)/.installed

# The Spanish catalogue, compiled from locale/ (needs GNU gettext's msgfmt; the .mo
# files are built, never committed).
messages: venv
	$(MANAGE) compilemessages --ignore=$(VENV)

migrate: venv messages
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_demo

run: demo
	@echo
	@echo "Sign in to the admin at http://localhost:8000/admin/"
	@echo "Demo accounts (admin, frontdesk, editor, reviewer) and their passwords:"
	@cat .demo-accounts.txt 2>/dev/null | sed 's/^/  /' || true
	@echo "Forgot one? $(MANAGE) changepassword USERNAME"
	@echo
	$(MANAGE) runserver 127.0.0.1:8000

test: venv messages
	$(BIN)/pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Lighthouse, pinned by bench/package-lock.json; reinstalled when the lock changes.
bench/node_modules/.package-lock.json: bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

audit: venv bench/node_modules/.package-lock.json
	$(PY) bench/audit.py $(AUDIT_ARGS)

bench: venv
	$(PY) bench/run.py $(BENCH_ARGS)

# The front desk's queue and reports over many requests (PostgreSQL: DATABASE_URL).
bench-frontdesk: venv
	$(PY) bench/frontdesk.py $(FRONTDESK_ARGS)

# The production stack (deploy/) on loopback: needs nginx, openssl, PostgreSQL's server
# programs and Redis on 127.0.0.1:6379 (database 13); see deploy/stack/runner.py.
stack: venv
	$(PY) -m deploy.stack $(STACK_ARGS)

stack-test: venv
	$(BIN)/pytest deploy/tests $(STACK_TEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles .test-db-*.sqlite3* .test-media
