# Two commands set everything up on a fresh machine:
#   make demo   create .venv, install kb, ingest data/seeds/ and show `kb who Gantz`
#   make test   create .venv if needed, install kb with its test tools, run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	# an editable install leaves kb's bytecode to be written on first use, which a machine
	# with PYTHONDONTWRITEBYTECODE set never does: every command would compile kb again
	$(BIN)/python -m compileall -q src
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kb ingest data/seeds/
	$(BIN)/kb who Gantz

test: $(STAMP)
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory eval

eval: $(STAMP)
	$(BIN)/python eval/run.py --check

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) kb.db
