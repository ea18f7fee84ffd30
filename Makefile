# rectrack: `make demo` runs the main job on samples/ into output/, `make test` runs the tests.
# Both run `make setup` first, which builds .venv from pyproject.toml (with every extra) and constraints.txt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup system-packages demo test lint bench samples score clean fuzz constraints

setup: $(STAMP) system-packages

# LibreOffice Writer (legacy .doc, .rtf, .odt), LibreOffice Calc (the tracker test opens the .xlsx),
# Tesseract (scanned PDF pages) and Chromium (the review page test loads it headless), installed with apt-get
# when missing. Without apt-get (or root) setup still succeeds: those formats then report how to install.
system-packages:
	@missing=""; \
	office=$$(command -v soffice || command -v libreoffice); program=$$(dirname "$$(readlink -f "$$office")"); \
	if [ -z "$$office" ] || { [ -e "$$program/soffice.bin" ] && ! ls "$$program"/libswlo.* >/dev/null 2>&1; }; \
	then missing=" libreoffice-writer-nogui"; fi; \
	if [ -z "$$office" ] || { [ -e "$$program/soffice.bin" ] && ! ls "$$program"/libsclo.* >/dev/null 2>&1; }; \
	then missing="$$missing libreoffice-calc-nogui"; fi; \
	command -v tesseract >/dev/null 2>&1 || missing="$$missing tesseract-ocr tesseract-ocr-eng"; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
		command -v google-chrome >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
		echo "note: apt-get not found; install$$missing yourself to read .doc/.rtf/.odt and scanned PDFs"; exit 0; fi; \
	sudo=""; [ "$$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo -n"; }; \
	if $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	then :; else echo "note: could not install$$missing (needs root); .doc/.rtf/.odt or scanned PDFs will report how to install them"; fi

# Every extra (notebook, dask, bench, test, dev), at the versions in constraints.txt.
EXTRAS := notebook,dask,bench,test,dev
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[$(EXTRAS)]"
	$(BIN)/python -c 'from extract.lexicon import STORED, store_counts; store_counts(STORED)'  # English word counts, quick to load
	$(BIN)/python -m compileall -q extract  # byte code written once, where the environment says not to at import
	touch $(STAMP)

# Rewrite constraints.txt from the versions installed in .venv (after an upgrade that passes lint and tests).
constraints: setup
	{ sed -n '/^#/p' constraints.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -viE '^rectrack[=@ ]'; } \
		> constraints.txt.new && mv constraints.txt.new constraints.txt

demo: setup
	mkdir -p output
	$(BIN)/rectrack extract samples -o output/recommendations.jsonl -o output/recommendations.csv \
		-o output/recommendations.parquet -o output/recommendations.sqlite -o output/tracker.xlsx
	$(BIN)/rectrack review samples -o output/review
	$(BIN)/python notebooks/execute.py notebooks/rectrack-tour.ipynb
	@echo "demo: outputs written to output/"

test: setup
	$(BIN)/python -m pytest -q

# Lint, format and type gates (configured in pyproject.toml): ruff check, ruff format --check, mypy on extract/.
# All three run and report; the target fails if any of them found something.
LINT_PATHS := extract tests samples notebooks
lint: setup
	@status=0; \
	$(BIN)/ruff check $(LINT_PATHS) || status=1; \
	$(BIN)/ruff format --check $(LINT_PATHS) || status=1; \
	$(BIN)/mypy extract || status=1; \
	exit $$status

samples: setup
	$(BIN)/python samples/make_samples.py

# Accuracy on the shared development corpus, when it is present beside the project, and the reliability of
# the rows' confidence by band (tests/bench/calibrate.py).
CORPUS ?= ../shared/corpus/dev
score: setup
	$(BIN)/rectrack extract $(CORPUS) -o output/dev-rows.jsonl -q
	$(BIN)/python ../shared/eval/score.py --truth $(CORPUS)/truth --pred output/dev-rows.jsonl --by layout
	$(BIN)/python tests/bench/calibrate.py --truth $(CORPUS)/truth --pred output/dev-rows.jsonl

clean:
	rm -rf output/*.jsonl output/*.csv output/*.parquet output/*.sqlite output/*.xlsx .pytest_cache

# Speed (tests/bench/): the floor (pypdfium2 text of every page, one core), rectrack -j 1 and -j 2 and plain
# pdfplumber side by side, peak memory, and the rows checked against a full parse, on samples/,
# ../shared/corpus/perf and 100/400/1000-page packs made from it (when present). BENCH_ARGS: e.g. --profile, --repeat 5.
BENCH_ARGS ?=
bench: setup
	$(BIN)/python tests/bench/run.py $(BENCH_ARGS)

# Layout fuzzer: N random papers (default 300) written to output/fuzz from seed SEED, extracted, and row F1
# printed per layout dimension (tests/fuzz/README.md). A benchmark, not a test: it never fails on low scores.
N ?= 300
SEED ?= 1
fuzz: setup
	$(BIN)/python tests/fuzz/run.py --n $(N) --seed $(SEED)
