# Two commands set everything up on a fresh machine with Python 3.11+ and make:
#   make site   — validate, generate, build site/ and the bundles with their PDFs in dist/
#   make publish — make site for publishing: STEDENAGENDA_SITE_URL must hold the real address
#   make test   — run every test
# Both install Debian's chromium (for the PDFs and the browser tests) when missing and root;
# make test also Debian's nginx (the tests serve the site with it).
# For editors: make check, make serve [PORT=8001], make diff [BASE=<versie>], make ids.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-from-lock
# Zensical and ProperDocs, only for `make bench` (the site is built with MkDocs).
ENGINES := .venv-engines/.installed-from-lock
LIGHTHOUSE := bench/npm/node_modules/.installed-from-lock
BASE   ?= origin/main
PORT   ?= 8000

.PHONY: site publish test check generate serve schemas ids diff bench clean

# The editors' commands, as `python -m generator` arguments.
COMMAND_check    := check
COMMAND_site     := build
COMMAND_publish  := build --publish
COMMAND_generate := generate
COMMAND_schemas  := schemas
COMMAND_ids      := ids
COMMAND_diff     := diff --base '$(BASE)'
# What a command needs first: the site's PDFs need Chromium.
BEFORE_site      := scripts/ensure-chromium &&
BEFORE_publish   := scripts/ensure-chromium &&

# A quiet terminal: when one of the editors' commands is make's only goal, it runs while
# make reads this file, with its output on the terminal (stderr). On failure make then
# switches to -q ("is anything out of date?"), which ends it with status 1 and prints
# nothing: the command's own Dutch message says what is wrong, and make adds no
# "make: *** [...] Error 1" line, which make prints for every failing recipe, always.
ifeq ($(words $(MAKECMDGOALS)),1)
ifdef COMMAND_$(MAKECMDGOALS)
QUIET_STATUS := $(shell { $(MAKE) --no-print-directory -s $(STAMP) && $(BEFORE_$(MAKECMDGOALS)) \
                          $(PY) -m generator $(COMMAND_$(MAKECMDGOALS)); } 1>&2; echo $$?)
QUIET_DONE := 1
ifneq ($(QUIET_STATUS),0)
MAKEFLAGS += -q
endif
endif
endif

$(STAMP): requirements.lock
	@echo "eerste keer: installeren (hoe lang dat duurt: bench/RESULTS.md, Voor redacteuren)" >&2
	@$(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	@touch $(STAMP)

ifdef QUIET_DONE
# Already run above, while make read this file.
site publish check generate schemas ids diff: $(STAMP)
	@:
else
site: $(STAMP)
	@scripts/ensure-chromium
	@$(PY) -m generator $(COMMAND_site)

publish: $(STAMP)
	@scripts/ensure-chromium
	@$(PY) -m generator $(COMMAND_publish)

check: $(STAMP)
	@$(PY) -m generator $(COMMAND_check)

generate: $(STAMP)
	@$(PY) -m generator $(COMMAND_generate)

schemas: $(STAMP)
	@$(PY) -m generator $(COMMAND_schemas)

ids: $(STAMP)
	@$(PY) -m generator $(COMMAND_ids)

diff: $(STAMP)
	@$(PY) -m generator $(COMMAND_diff)
endif

test: $(STAMP)
	scripts/ensure-chromium
	scripts/ensure-nginx
	scripts/ensure-test-tools
	$(PY) -m pytest

serve: $(STAMP)
	@$(PY) -m generator serve --dev-addr 127.0.0.1:$(PORT)

$(ENGINES): bench/engines.lock
	$(PYTHON) -m venv .venv-engines
	.venv-engines/bin/pip install --quiet --disable-pip-version-check --require-hashes -r bench/engines.lock
	touch $(ENGINES)

# Lighthouse 12, pinned by bench/npm/package-lock.json, only for `make bench` (needs npm).
$(LIGHTHOUSE): bench/npm/package-lock.json
	cd bench/npm && npm ci --no-audit --no-fund --silent
	touch $(LIGHTHOUSE)

bench: $(STAMP) $(ENGINES) $(LIGHTHOUSE)
	scripts/ensure-chromium
	scripts/ensure-nginx
	$(PY) -m bench.run
	$(PY) -m bench.editor --write

clean:
	rm -rf build site dist .out .site.* .dist.* .legacy-* .venv-engines bench/npm/node_modules tests/npm/node_modules
