# Two commands matter: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
# The distribution's Python 3.11 where there is one: Debian builds it with profile-guided and
# link-time optimisation, and it runs the site 20-30 % faster than a plain source build such as
# pyenv's default (docs/benchmarks.md). Override with `make PYTHON=/path/to/python3.11 install`.
PYTHON ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || echo python3.11)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.install-stamp
NPM_STAMP := node_modules/.install-stamp
APT_PACKAGES := chromium fonts-dejavu-core fonts-hosny-amiri poppler-utils gettext libpango-1.0-0 libpangoft2-1.0-0

.PHONY: help install run test lint messages system-packages compile-messages clean

# Each target's `## ` comment is its line in `make help`.
help: ## list the targets with what each does
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-z][a-z-]*:[^#]*## / {printf "  %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: system-packages $(STAMP) $(NPM_STAMP) compile-messages ## create .venv, install Python and npm dependencies, compile catalogues (quick when nothing changed)

$(VENV)/bin/python:
	@py="$(PYTHON)"; command -v "$$py" >/dev/null 2>&1 || py=python3; \
	echo "Creating $(VENV) with $$py ($$("$$py" -c 'import sys; print(sys.version.split()[0])'))"; \
	"$$py" -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

$(NPM_STAMP): package.json
	npm install --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $(NPM_STAMP)

# Debian packages the PDFs and browser tests need; installed only when run as root and missing.
system-packages: ## as root, apt-get install the Debian packages PDFs and browser tests need
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Not root: please install these Debian packages yourself:$$missing"; fi; \
	fi

compile-messages: $(STAMP) ## compile the .po catalogues in locale/ to .mo files
	@$(PY) manage.py compile_catalogues

run: install ## migrate, load the demo content and serve web, worker and beat on 127.0.0.1:PORT (default 8000)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	PORT=$(PORT) $(PY) manage.py run_platform

test: install ## run the whole test suite, unit and browser tests
	$(PY) -m pytest; status=$$?; if [ $$status -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$status

lint: $(STAMP) ## ruff check and ruff format --check, the checks the pre-commit hook runs
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: $(STAMP) ## update the .po catalogues from the source and compile them
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=node_modules --ignore=staticfiles --no-obsolete
	$(PY) manage.py compile_catalogues

clean: ## remove .venv, node_modules, staticfiles and var/
	rm -rf $(VENV) node_modules staticfiles var
