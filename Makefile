# council-extract: see README.md
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
RAW ?= data/raw
OUT ?= data/processed
JOBS ?=
# more extract options, e.g. ARGS="--partition-by council,year" or ARGS="--executor dask --scheduler tcp://host:8786"
ARGS ?=

.PHONY: setup ocr-engine extract test validate clean

# Create .venv and install the pinned dependency tree, then the project.
$(BIN)/council-extract: pyproject.toml requirements.lock setup.py extractors/loaders/_pdfium_chars.c extractors/loaders/_pdf_words.c
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# The OCR engine for scanned pages (Debian's Tesseract; extractors/loaders/ocr.py).
# Installed when missing and this is root on Debian/Ubuntu; otherwise say how.
TESSERACT_PKGS := tesseract-ocr tesseract-ocr-eng
ocr-engine:
	@command -v tesseract >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing the OCR engine: apt-get install $(TESSERACT_PKGS)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(TESSERACT_PKGS) >/dev/null; \
	  else \
	    echo "note: Tesseract is not installed, so scanned pages will not be read: sudo apt-get install $(TESSERACT_PKGS)"; \
	  fi; }

setup: $(BIN)/council-extract ocr-engine

# Extract every file in data/raw into data/processed (Parquet tables).
extract: setup
	$(BIN)/council-extract extract $(RAW) --out $(OUT) $(if $(JOBS),--jobs $(JOBS)) $(ARGS)

test: setup
	$(BIN)/python -m pytest

# Score the extraction of the gold papers against tests/fixtures/gold; writes
# data/validation/validation.{json,md}; fails when a score is below
# quality/thresholds.toml (see docs/validation.md).
validate: setup
	$(BIN)/council-extract validate

clean:
	rm -rf $(OUT)/* $(OUT)/.store

# --- analysts' side (issue 6): query, export, data dictionary, notebook ---
.PHONY: query export dictionary notebook
DATA ?= $(OUT)
FORMAT ?= table
XLSX ?= data/council-papers.xlsx
NB_DATA ?=

# SQL over the tables and the action_plan view: make query Q="select kind, count(*) from recommendations group by 1"
query: setup
	@test -n "$(Q)" || { echo 'usage: make query Q="select ..." [DATA=dir] [FORMAT=table|csv|json]'; exit 2; }
	$(BIN)/council-extract query "$(Q)" --data $(DATA) --format $(FORMAT)

# Excel workbook: an "action plan" sheet plus one sheet per table
export: setup
	$(BIN)/council-extract export --xlsx $(XLSX) --data $(DATA)

# Regenerate docs/data-dictionary.md from schemas/tables.py
dictionary: setup
	$(BIN)/python -m schemas.dictionary

# Execute notebooks/council_papers.ipynb on NB_DATA (default: the seeds plus
# small Kent PDFs, extracted into a temp folder) and render notebooks/council_papers.html
notebook: setup
	$(BIN)/python notebooks/build.py --execute $(if $(NB_DATA),--data $(NB_DATA))

# Throughput benchmark over ../shared/corpus/kent (baseline pdfplumber loop,
# pipeline --jobs 1 and 2, no-op re-run); writes docs/benchmarks.md.
# BENCH_ARGS="--limit 5" for a quick trial; BENCH_ARGS="--with-dask --with-pdfminer" for every pass.
# OCR accuracy (CER at 150/300 dpi against the text layer, entity F1 of
# rasterised papers) and OCR pages/s; writes the OCR section of docs/benchmarks.md.
# Hostile inputs mixed with the corpus, default options (issue 15): time, memory, one row per hostile file.
.PHONY: bench bench-ocr hostile
hostile: setup
	$(BIN)/python bench/hostile.py

bench: setup
	$(BIN)/python bench/bench.py $(BENCH_ARGS)
	$(BIN)/python bench/ocr_bench.py $(OCR_BENCH_ARGS)

bench-ocr: setup
	$(BIN)/python bench/ocr_bench.py $(OCR_BENCH_ARGS)
