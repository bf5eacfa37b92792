# Two commands for a fresh clone: `make brief` and `make test`.
# Each creates .venv with the first Python >= 3.11 found, installs what it needs once
# (re-installing only when pyproject.toml changes), then does its job.

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
REGION ?= weibin
YEAR ?= 2023
JOBS ?= 2

.PHONY: brief briefs test lint bench clean help ocr

help:
	@echo "make brief   build reports/$(REGION)/$(YEAR)/brief.html from data/raw (REGION=, YEAR=)"
	@echo "make briefs  build every region-year under data/raw (JOBS=$(JOBS))"
	@echo "make test    run the test suite"
	@echo "make ocr     install the optional OCR extra (scanned PDFs) into .venv"
	@echo "make lint    ruff over src, tests and bench"
	@echo "make bench   benchmarks in bench/ (extraction speed, batch builds)"

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then echo "error: no Python >= 3.11 found on PATH; install one (e.g. apt-get install python3) and run make again." >&2; exit 2; fi
	@$(PYTHON) -m venv $(VENV) || { echo "error: '$(PYTHON) -m venv' failed; on Debian/Ubuntu install the venv module: apt-get install python3-venv" >&2; rm -rf $(VENV); exit 2; }
	@$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

# The optional OCR extra (scanned PDFs): rapidocr, onnxruntime, pypdfium2, ~290 MB.
$(VENV)/.installed-ocr: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,ocr]'
	@touch $@ $(VENV)/.installed-dev $(VENV)/.installed

ocr: $(VENV)/.installed-ocr

brief: $(VENV)/.installed
	$(BIN)/rol build --region $(REGION) --year $(YEAR)

briefs: $(VENV)/.installed
	$(BIN)/rol build --all --jobs $(JOBS)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/batch.py --n 20 --baseline-n 2
	@if [ -f $(VENV)/.installed-ocr ]; then $(BIN)/python bench/ocr.py; \
	else echo "bench/ocr.py skipped: the OCR extra is not installed (make ocr)"; fi

clean:
	rm -rf data/processed/*/ reports/*/ reports/index.html
