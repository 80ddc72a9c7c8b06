# Two commands for a newcomer: `make run` (set up and run the assistant) and `make test`
# (set up and run the whole test suite). Every step is skipped when it is already up to date.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Rasa 3.6 runs on Python 3.10 only. Use python3.10 from PATH, else pyenv's 3.10.
PYTHON310 ?= $(shell for p in python3.10 $$HOME/.pyenv/versions/3.10*/bin/python3.10 /usr/bin/python3.10; do \
	"$$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null && { echo "$$p"; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export TF_CPP_MIN_LOG_LEVEL := 2
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Dependencies' deprecation warnings (TensorFlow, jax, spaCy) are not ours to fix: keep test output readable.
export PYTHONWARNINGS := ignore::DeprecationWarning

.PHONY: help run run-scaled test test-scaled test-fast lint typecheck validate stories eval nlu-eval bench kb-check prepare lock clean

help:
	@echo "make run     set everything up and run the assistant (http://127.0.0.1:8000)"
	@echo "make test    set everything up and run the whole test suite"
	@echo "make run-scaled  2 Rasa + 2 action servers behind nginx on PostgreSQL and Redis"
	@echo "make eval    score the evaluation vignettes over REST and through assess"
	@echo "make nlu-eval  held-out NLU report and 5-fold cross-validation (results/nlu)"
	@echo "make bench   cold start, ranking and server benchmarks beside baselines (results/bench)"
	@echo "make lint    ruff + mypy"

# --- environment: created once, reinstalled only when the lock file or pyproject changes --------
$(STAMP): requirements.lock pyproject.toml
	@if [ -z "$(PYTHON310)" ]; then echo "Python 3.10 not found: install it (e.g. pyenv install 3.10) and retry." >&2; exit 1; fi
	@echo "==> Creating/updating $(VENV) with $(PYTHON310) (first time: several minutes)"
	@[ -x $(PY) ] || $(PYTHON310) -m venv $(VENV)
	@echo "==> Installing pinned dependencies from requirements.lock"
	@$(PY) -m pip install --quiet --progress-bar off -r requirements.lock
	@$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)
	@echo "==> Environment ready"

venv: $(STAMP)

prepare: $(STAMP)
	@$(PY) -m bot prepare

run: $(STAMP)
	@$(PY) -m bot run

# --- tests -----------------------------------------------------------------------------------
test: $(STAMP)
	@$(PY) -m bot prepare
	@echo "==> Lint and types"
	@$(MAKE) --no-print-directory lint
	@echo "==> Rasa data validation"
	@$(MAKE) --no-print-directory validate
	@echo "==> Unit, conversation and end-to-end tests"
	@$(PY) -m pytest -q -p no:cacheprovider --ignore=tests/scaled
	@echo "==> Rasa test stories"
	@$(MAKE) --no-print-directory stories
	@echo "==> Scaled-out mode: 2 Rasa + 2 action servers behind nginx, PostgreSQL, Redis; load and faults"
	@$(MAKE) --no-print-directory test-scaled

test-scaled: $(STAMP)
	@$(PY) -m bot prepare >/dev/null
	@$(PY) -m pytest -q -p no:cacheprovider tests/scaled

run-scaled: $(STAMP)
	@BOT_DATABASE_URL=$${BOT_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test} $(PY) -m bot.runtime.scaled

test-fast: $(STAMP)
	@$(PY) -m pytest -q -m "not servers and not browser and not postgres"

lint: $(STAMP)
	@$(VENV)/bin/ruff check bot kb actions tests tools core
	@$(VENV)/bin/mypy bot kb actions core tools

validate: $(STAMP)
	@$(PY) -m tools.validate

stories: $(STAMP)
	@$(PY) -m bot train >/dev/null
	@$(PY) -m tools.stories --stories tests/stories --model "$$($(PY) -c 'from bot.runtime.training import model_path; print(model_path())')" \
		--fail-on-prediction-errors --out results/stories --quiet

eval: $(STAMP)
	@$(PY) -m bot prepare
	@$(PY) -m tools.eval.run_vignettes --out results/eval
	@$(PY) -m tools.eval.run_vignettes --no-rest --out results/eval-blind --cases $(sort $(wildcard tests/cases/fresh_set*/*.yml))
	@$(PY) -m tools.eval.conversations $(sort $(wildcard tests/conversations/set*)) --out results/conversations

nlu-eval: $(STAMP)
	@$(PY) -m bot prepare
	@$(PY) -m tools.nlu.evaluate --out results/nlu

bench: $(STAMP)
	@$(PY) -m bot prepare
	@$(PY) -m tools.bench.cold_start
	@$(PY) -m tools.bench.ranking
	@$(PY) -m tools.bench.servers

kb-check: $(STAMP)
	@$(PY) -m kb check

lock: $(STAMP)
	@$(PY) -m pip freeze --all --exclude-editable | grep -v '^pip==' | sed '1i # Exact versions of every package in .venv (Python 3.10). Regenerate with `make lock` after changing pyproject.toml.' > requirements.lock

clean:
	rm -rf models/rasa models/spacy results .pytest_cache .mypy_cache .ruff_cache
