# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
.PHONY: demo test lint bench samples clean matrix soak

$(BIN)/planwatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/planwatch
	rm -rf out planwatch.db
	mkdir -p out
	@echo "== extract: every sample plan, both editions, into one dataset"
	$(BIN)/planwatch extract samples/*.docx -o out/actions.csv
	$(BIN)/planwatch extract samples/*.docx -o out/actions.xlsx 2>/dev/null
	@echo "== load: every edition into planwatch.db, with what changed since the last"
	$(BIN)/planwatch load samples/*.docx
	@echo "== diff: one comparison report per plan"
	$(BIN)/planwatch diff samples/hwfrs-improvement-plan-2020-10.docx \
	    samples/hwfrs-improvement-plan-2021-01.docx \
	    -o out/improvement-plan-changes.csv --html out/improvement-plan-report.html
	$(BIN)/planwatch diff samples/hwfrs-prevention-cfc-2021-11.docx \
	    samples/hwfrs-prevention-cfc-2022-02.docx \
	    -o out/prevention-cfc-changes.csv --html out/prevention-cfc-report.html
	$(BIN)/planwatch history
	@echo "== wrote out/actions.csv (+ out/datapackage.json, out/actions.xlsx), planwatch.db,"
	@echo "   out/*-changes.csv and out/*-report.html"

test: $(BIN)/planwatch
	$(BIN)/ruff check .
	$(BIN)/pytest -q

# generated plans are cached in bench/cache/ (LibreOffice builds the PDFs on the first run)
bench: $(BIN)/planwatch
	$(BIN)/python -c "import pyinstrument" 2>/dev/null || $(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py --profile all

samples: $(BIN)/planwatch
	$(BIN)/python samples/build.py
	$(BIN)/python samples/build_formats.py

# Generated plans (samples/generator): N plans from seeds the tests never use, each read from
# .docx and from its LibreOffice PDF; prints the share exact per dimension and value.
# SOAK_ARGS="--producers libreoffice,chromium" also prints each plan with headless Chromium.
N ?= 500
soak: $(BIN)/planwatch
	cd samples && ../$(BIN)/python -m generator.soak -n $(N) $(SOAK_ARGS)

clean:
	rm -rf $(VENV) out planwatch.db

# Coverage-guided fuzzing of each reader (atheris), FUZZ_SECONDS each, seeded with samples/.
fuzz: $(BIN)/planwatch
	$(BIN)/pip install --quiet atheris
	for fmt in txt docx pdf html xlsx odt; do \
		mkdir -p out/fuzz/$$fmt && cp samples/*.$$fmt out/fuzz/$$fmt/ && \
		$(BIN)/python tests/fuzz/fuzz_readers.py $$fmt -max_total_time=$${FUZZ_SECONDS:-60} \
			-rss_limit_mb=2048 -artifact_prefix=out/fuzz/$$fmt- out/fuzz/$$fmt || exit 1; \
	done

# The page-geometry matrix: every sample x every geometry x LibreOffice, Chromium and
# WeasyPrint; PDFs cached under out/matrix/. Prints exact/total per producer and factor.
matrix: $(BIN)/planwatch
	$(BIN)/python -c "import weasyprint" 2>/dev/null || $(BIN)/pip install --quiet -e '.[matrix]'
	$(BIN)/python samples/matrix/run.py
