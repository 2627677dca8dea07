# trainbook — the two set-up commands are `make site` and `make test`.
# Both create .venv when missing and install what they need; nothing is installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve lint validate stats clean setup setup-test debs-test debs-print npm-test exams dist bench-grade bench bench-instructions

# Built aside and swapped in on success: a failed build leaves the previous site/ as it was.
# Also dist/handbook-offline.zip: the whole site for opening from disk (file://), no network needed.
site: setup validate
	@sh build_tools/build-site.sh $(BIN)/mkdocs site dist/handbook-offline.zip

# Printed exam packs and forms (PDF + HTML) into dist/, never into site/.
exams: setup debs-print validate
	$(BIN)/trainbook exam build --all --content content --out dist/exams
	$(BIN)/trainbook forms build --content content --out dist/forms

validate: setup
	$(BIN)/trainbook validate content

stats: setup
	$(BIN)/trainbook stats --content content

serve: setup
	$(BIN)/mkdocs serve

test: setup-test debs-test npm-test lint
	$(BIN)/python -m pytest -q

lint: setup-test
	$(BIN)/ruff check plugins build_tools tests
	$(BIN)/ruff format --check plugins build_tools tests
	$(BIN)/mypy --strict plugins/trainbook
	$(BIN)/mypy plugins/trainbook_mkdocs build_tools/trainbook_cli

# 1,000 / 2,500 / 5,000 people × 100 questions through `trainbook grade` (not part of `make test`).
bench-grade: setup
	$(BIN)/python build_tools/bench_grade.py

setup: $(VENV)/.installed-site
setup-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	@sh build_tools/ensure-venv.sh "$(PYTHON)" "$(VENV)"

$(VENV)/.installed-site: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@ $(VENV)/.installed-site

# WeasyPrint's system libraries (Pango, HarfBuzz subsetting, fontconfig) and the CJK fonts it embeds.
PRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 fonts-noto-cjk

debs-print:
	@sh build_tools/ensure-debs.sh $(PRINT_DEBS)

# Browser tests drive Debian's Chromium; CJK fonts make screenshots and PDFs readable; PDF tests print.
# The Nu Html Checker needs Java and npm; their Debian packages only when the machine has none.
debs-test:
	@sh build_tools/ensure-debs.sh chromium $(PRINT_DEBS)
	@command -v java >/dev/null 2>&1 || sh build_tools/ensure-debs.sh default-jre-headless
	@command -v npm >/dev/null 2>&1 || sh build_tools/ensure-debs.sh npm

# Test-only npm tools (vnu-jar). --ignore-scripts: its postinstall would fetch a Java runtime.
npm-test: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Performance: the peer (mkdocs-quiz, pinned) lives only in the benchmark's own virtualenv.
BENCH_VENV := .venv-bench
BENCH_ARGS ?=
bench: setup
	@test -x $(BENCH_VENV)/bin/python || sh build_tools/ensure-venv.sh "$(PYTHON)" "$(BENCH_VENV)"
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e . "mkdocs-quiz==1.7.1"
	$(BENCH_VENV)/bin/python build_tools/bench/bench.py --python $(BENCH_VENV)/bin/python $(BENCH_ARGS)

# The same corpora's builds counted in instructions (valgrind), which do not drift with the machine.
bench-instructions: setup
	@sh build_tools/ensure-debs.sh valgrind
	$(BIN)/python build_tools/bench/bench.py --instructions --out dist/bench/instructions.json $(BENCH_ARGS)

# The release files: sdist, then the wheel built from it (so the sdist is known to be complete).
dist: setup-test
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .

clean:
	rm -rf site site.next site.old dist .pytest_cache
