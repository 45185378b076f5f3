# The README's commands. `make install` makes .venv/ with everything; the rest use it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out/corpus

.PHONY: install demo test lint bench golden schema eval clean

$(BIN)/extractor: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,dask]'
	touch $@

install: $(BIN)/extractor

demo: install
	$(BIN)/extractor extract corpora/plans -o $(OUT)
	$(BIN)/extractor eval corpora/gold $(OUT)

test: install
	$(BIN)/ruff check extractor tests scripts
	$(BIN)/mypy
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check extractor tests scripts
	$(BIN)/ruff format --check extractor tests scripts || true
	$(BIN)/mypy

bench: install
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_pdf.py

golden: install
	$(BIN)/python scripts/regen_golden.py

schema: install
	$(BIN)/extractor schema > schema/extraction.schema.json

eval: install
	$(BIN)/python scripts/eval_corpus.py

clean:
	rm -rf out build .pytest_cache .mypy_cache .ruff_cache
