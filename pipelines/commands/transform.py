"""`matomo-warehouse transform`: build the dbt marts on an already loaded DuckDB file."""

from __future__ import annotations

import argparse

from pipelines import freshness, publish, transform
from pipelines.commands._common import add_duckdb_argument, existing_warehouse
from pipelines.runner import run_lock

HELP = """\
Run `dbt build` (models, unit tests, data tests) of the bundled dbt project against the DuckDB file:
staging views in matomo_staging, intermediate views in matomo_intermediate, marts in matomo.
The large marts are incremental; --full-refresh rebuilds them from the raw tables.
Exit codes: 0 ok, 1 a model or test failed.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "transform",
        help="build the dbt marts on the loaded DuckDB file",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_duckdb_argument(parser)
    parser.add_argument(
        "--select", metavar="S", help="dbt node selection, e.g. 'fct_visits+' (default: all)"
    )
    parser.add_argument(
        "--full-refresh", action="store_true", help="rebuild incremental marts from scratch"
    )
    parser.add_argument(
        "--no-unit-tests",
        action="store_true",
        help="skip dbt's unit tests (they test the SQL, not the data; `run` skips them)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    wh = existing_warehouse(args.duckdb)
    with run_lock(wh):  # no load may land between the build and its record
        loaded = freshness.plan(wh).load_id
        freshness.forget(wh)  # `run` rebuilds all until a whole build succeeds again
        code = transform.build(
            wh,
            select=args.select,
            full_refresh=args.full_refresh,
            unit_tests=not args.no_unit_tests,
            strict_select=True,
        )
        if code == 0 and not args.select:
            freshness.record(wh, freshness.BuildPlan(loaded, needed=True))
        return code or publish.run(wh)
