# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make site   — validate, generate, build site/ and the bundles with their PDFs in dist/
#   make test   — run every test
# Both install Debian's chromium (for the PDFs and the browser tests) when missing and root.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-from-lock
# Zensical and ProperDocs, only for `make bench` (the site is built with MkDocs).
ENGINES := .venv-engines/.installed-from-lock

.PHONY: site test check generate serve schemas bench clean

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $(STAMP)

site: $(STAMP)
	scripts/ensure-chromium
	$(PY) -m generator build

test: $(STAMP)
	scripts/ensure-chromium
	$(PY) -m pytest

check: $(STAMP)
	$(PY) -m generator check

generate: $(STAMP)
	$(PY) -m generator generate

schemas: $(STAMP)
	$(PY) -m generator schemas

serve: $(STAMP)
	$(PY) -m generator serve --dev-addr 127.0.0.1:8000

$(ENGINES): bench/engines.lock
	$(PYTHON) -m venv .venv-engines
	.venv-engines/bin/pip install --quiet --disable-pip-version-check --require-hashes -r bench/engines.lock
	touch $(ENGINES)

bench: $(STAMP) $(ENGINES)
	scripts/ensure-chromium
	$(PY) -m bench.run

clean:
	rm -rf build site dist .out .site.* .dist.* .legacy-* .venv-engines
