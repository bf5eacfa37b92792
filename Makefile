# Two commands for a fresh clone: `make brief` and `make test`.
# Each creates .venv with the first Python 3.11-3.13 found, installs what it needs once
# (re-installing only when pyproject.toml changes), then does its job. In an activated
# conda env made from environment.yml (it has `rol`), they use that env instead.

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info < (3, 14))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
INSTALLED_DEV := $(VENV)/.installed-dev
INSTALLED_OCR := $(VENV)/.installed-ocr
ifneq ($(CONDA_PREFIX),)
ifneq ($(wildcard $(CONDA_PREFIX)/bin/rol),)
# the activated conda env already holds the project (environment.yml: pip -e .)
BIN := $(CONDA_PREFIX)/bin
INSTALLED :=
INSTALLED_DEV :=
INSTALLED_OCR :=
endif
endif
# axe-core for the accessibility check of tests/test_browser.py, from npm
AXE_VERSION := 4.11.0
AXE := .cache/axe/node_modules/axe-core/axe.min.js
REGION ?= weibin
YEAR ?= 2023
JOBS ?= 2
# pytest-xdist workers of `make test`: the tests of one module stay on one worker (they
# share its built fixtures); the modules are spread over the workers
TEST_JOBS ?= 2

.PHONY: brief briefs test test-slow coverage lint bench lab clean help ocr dask

help:
	@echo "make brief   build reports/$(REGION)/$(YEAR)/brief.html from data/raw (REGION=, YEAR=)"
	@echo "make briefs  build every region-year under data/raw (JOBS=$(JOBS))"
	@echo "make test    run the test suite (TEST_JOBS=$(TEST_JOBS) workers), the slow tests left out"
	@echo "make test-slow  the slow tests: fault injection, Dask clusters, batches, multi-brief renders (CI runs both)"
	@echo "make coverage  the test suite with line coverage of src/rol_analysis"
	@echo "make lab     open the notebooks in JupyterLab with the project's kernel"
	@echo "make ocr     install the optional OCR extra (scanned PDFs) into .venv"
	@echo "make dask    install the optional Dask extra (rol build --scheduler) into .venv"
	@echo "make lint    ruff over src, tests and bench"
	@echo "make clean   delete built outputs (rol clean): never data/raw/ or data/reviews/"
	@echo "make bench   benchmarks in bench/ (extraction speed, batch builds, build phases)"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then echo "error: no Python 3.11-3.13 found on PATH; install one (e.g. apt-get install python3) and run make again." >&2; exit 2; fi
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; on Debian/Ubuntu install the venv module: apt-get install python3-venv" >&2; rm -rf $(VENV); exit 2; }
	@$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# the tests also cover builds on a Dask cluster: the dask extra comes along
$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	@touch $@ $(VENV)/.installed

# The optional OCR extra (scanned PDFs): rapidocr, onnxruntime, pypdfium2, ~290 MB; with
# the dev and dask extras, since it stands in for .installed-dev (CI runs `make ocr` first).
$(VENV)/.installed-ocr: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,dask,ocr]'
	@touch $@ $(VENV)/.installed-dev $(VENV)/.installed

# (environment.yml already lists the extra's packages, so in a conda env this does nothing)
ocr: $(INSTALLED_OCR)

# The optional Dask extra (rol build --scheduler), which the dev install holds already
dask: $(INSTALLED_DEV)

brief: $(INSTALLED)
	$(BIN)/rol build --region $(REGION) --year $(YEAR)

briefs: $(INSTALLED)
	$(BIN)/rol build --all --jobs $(JOBS)

test: $(INSTALLED_DEV) $(AXE)
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadscope -m "not slow"

# the tests marked slow (builds killed at every phase, dead kernels, locks, Dask
# clusters, multi-process batches): minutes of real builds each; CI runs them after
# `make test`
test-slow: $(INSTALLED_DEV)
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadscope -m slow

# the same run with line coverage of src/rol_analysis (in the test processes; code that
# runs only in `rol` subprocesses and kernels is not counted)
coverage: $(INSTALLED_DEV) $(AXE)
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadscope --cov=rol_analysis --cov-report=term

$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@$(AXE_VERSION); \
	else echo "note: npm not found, so the accessibility check in tests/test_browser.py is skipped (install Node.js/npm to run it)" >&2; fi

lint: $(INSTALLED_DEV)
	$(BIN)/ruff check src tests bench

bench: $(INSTALLED_DEV)
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/batch.py --n 20 --baseline-n 2
	$(BIN)/python bench/national.py --n 3000
	$(BIN)/python bench/build_phases.py
	@if [ -f $(VENV)/.installed-ocr ]; then $(BIN)/python bench/ocr.py; \
	else echo "bench/ocr.py skipped: the OCR extra is not installed (make ocr)"; fi

# The kernel is this venv's Python, installed into the venv and put first on JUPYTER_PATH
# so a "python3" kernel of another Python (say in ~/.local/share/jupyter) cannot shadow it.
# LAB_ARGS passes options to jupyter lab (e.g. LAB_ARGS=--no-browser).
lab: $(VENV)/.installed-dev
	@$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 \
		--display-name "Python 3 (rol-analysis)" >/dev/null
	JUPYTER_PATH="$(CURDIR)/$(VENV)/share/jupyter" $(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_ARGS)

# what builds made (data/processed/, reports/, .rol-cache/), each path printed; never
# data/raw/ or data/reviews/, and never under a running build (it takes the locks)
clean: $(INSTALLED)
	$(BIN)/rol clean
