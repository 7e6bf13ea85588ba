# The two commands of the README's quick start. Each creates or reuses .venv itself.
# Each kind of install is done once and redone only when pyproject.toml changes:
#   .venv/.installed-run   rolereport and what building needs (make demo)
#   .venv/.installed-test  the same plus the test extras (make test, make lint)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pip, quietly: its output is kept in .venv/pip.log and shown only when it fails.
PIP_QUIETLY = $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: demo test lint clean

demo: $(VENV)/.installed-run  ## build the default handout, deck and facilitator guide into output/
	@$(BIN)/rolereport build
	@echo
	@echo "To run rolereport yourself, first activate its environment:  . .venv/bin/activate"
	@echo "or call it by its path, without activating:                  .venv/bin/rolereport --help"

test: $(VENV)/.installed-test  ## the import contract, then the whole test suite (in parallel)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests && $(BIN)/ruff format --check src tests

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10) and "rolereport needs Python 3.10 or newer")'
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }  # no half-made .venv to trip on next time

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	@echo "Installing rolereport into .venv (the first time takes a minute or two) ..."
	@{ $(PIP_QUIETLY) --upgrade pip && $(PIP_QUIETLY) -e . ; } >$(VENV)/pip.log 2>&1 \
		|| { cat $(VENV)/pip.log; echo "make: installing rolereport failed (the log above is in $(VENV)/pip.log)"; exit 1; }
	@touch $@

# The test extras include everything building needs, so this install also counts as the run one.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	@echo "Installing rolereport and its test tools into .venv ..."
	@{ $(PIP_QUIETLY) --upgrade pip && $(PIP_QUIETLY) -e ".[test]" ; } >$(VENV)/pip.log 2>&1 \
		|| { cat $(VENV)/pip.log; echo "make: installing the test tools failed (the log above is in $(VENV)/pip.log)"; exit 1; }
	@touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) build src/*.egg-info output/*.pdf output/*.pptx
