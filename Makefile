# council-extract: see README.md
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
RAW ?= data/raw
OUT ?= data/processed
JOBS ?=

.PHONY: setup extract test validate clean

# Create .venv and install the pinned dependency tree, then the project.
$(BIN)/council-extract: pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

setup: $(BIN)/council-extract

# Extract every file in data/raw into data/processed (Parquet tables).
extract: setup
	$(BIN)/council-extract extract $(RAW) --out $(OUT) $(if $(JOBS),--jobs $(JOBS))

test: setup
	$(BIN)/python -m pytest

# Score the extraction of the gold papers against tests/fixtures/gold; writes
# data/validation/validation.{json,md}; fails when a score is below
# quality/thresholds.toml (see docs/validation.md).
validate: setup
	$(BIN)/council-extract validate

clean:
	rm -rf $(OUT)/* $(OUT)/.store
