# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help setup run demo test lint bench clean

help:  ## list targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,metricflow]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project with test tools

run: $(STAMP)  ## the main job: load Matomo (or, unconfigured, the bundled sample) and build the marts
	$(BIN)/matomo-warehouse run --demo-if-unconfigured

demo: $(STAMP)  ## load the bundled sample recording into matomo_warehouse.duckdb and build the marts
	$(BIN)/matomo-warehouse demo

# sqlfluff compiles the dbt models (dbt templater) against an in-memory DuckDB: no warehouse needed
SQLFLUFF := cd pipelines/dbt_project && MATOMO_DUCKDB_PATH=:memory: ../../$(BIN)/sqlfluff lint models

lint: $(STAMP)  ## ruff (check + format) and sqlfluff (dbt models)
	$(BIN)/ruff check pipelines tests bench
	$(BIN)/ruff format --check pipelines tests bench
	$(SQLFLUFF)

test: lint  ## lint, then every test
	$(BIN)/pytest

VISITS ?= 200000
BENCH_ARGS ?=
bench: $(STAMP)  ## benchmarks (not tests): VISITS=1000000 SKIP_DBT=1 BENCH_ARGS=...
	$(BIN)/python -m bench --visits $(VISITS) $(if $(SKIP_DBT),--skip-dbt) $(BENCH_ARGS)

clean:  ## remove the venv, DuckDB files and dbt artifacts
	rm -rf $(VENV) *.duckdb .*.dlt .*.dbt pipelines/dbt_project/target pipelines/dbt_project/logs .pytest_cache
