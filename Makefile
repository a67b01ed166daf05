# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := $(wildcard samples/*.docx samples/*.pdf samples/*.txt)

.PHONY: demo test lint bench samples clean

$(BIN)/planwatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/planwatch
	mkdir -p out
	rm -f planwatch.db
	$(BIN)/planwatch extract samples/*.docx -o out/actions.csv
	@echo "wrote out/actions.csv"

test: $(BIN)/planwatch
	$(BIN)/ruff check .
	$(BIN)/pytest -q

samples: $(BIN)/planwatch
	$(BIN)/python samples/build.py

clean:
	rm -rf $(VENV) out planwatch.db
