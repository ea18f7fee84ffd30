# rectrack: `make demo` runs the main job on samples/ into output/, `make test` runs the tests.
# Both run `make setup` first, which builds .venv from pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench samples score clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: setup
	mkdir -p output
	$(BIN)/rectrack extract samples -o output/recommendations.jsonl -o output/recommendations.csv \
		-o output/recommendations.parquet -o output/recommendations.sqlite
	@echo "demo: outputs written to output/"

test: setup
	$(BIN)/python -m pytest -q

samples: setup
	$(BIN)/python samples/make_samples.py

# Accuracy on the shared development corpus, when it is present beside the project.
CORPUS ?= ../shared/corpus/dev
score: setup
	$(BIN)/rectrack extract $(CORPUS) -o output/dev-rows.jsonl -q
	$(BIN)/python ../shared/eval/score.py --truth $(CORPUS)/truth --pred output/dev-rows.jsonl --by layout

clean:
	rm -rf output/*.jsonl output/*.csv output/*.parquet output/*.sqlite output/*.xlsx .pytest_cache

# Speed: rectrack against plain pdfplumber on samples/ and ../shared/corpus/perf (when present).
bench: setup
	$(BIN)/python -m extract.bench
