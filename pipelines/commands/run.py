"""`matomo-warehouse run`: the scheduled refresh (load both sources, build marts, reconcile)."""

from __future__ import annotations

import argparse
import logging

from pipelines import workflow
from pipelines.commands._common import (
    add_duckdb_argument,
    add_range_arguments,
    check_range,
    configured_warehouse,
)
from pipelines.runner import LoadOptions

log = logging.getLogger(__name__)

HELP = """\
Load Live visits and Reporting API reports from the Matomo configured in [sources.matomo]
(.dlt/config.toml, .dlt/secrets.toml or SOURCES__MATOMO__* variables) into DuckDB, then
build the dbt marts and reconcile them with Matomo's reports.

Incremental: each site continues after its last final local day; days that are not final
yet (today, yesterday until 00:30+30min local) are re-read and replaced on every run. Re-runs
are idempotent. Exit codes: 0 ok, 1 a report or reconciliation failed, 2 bad input or config.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "run",
        help="load Matomo into DuckDB and build the marts (the scheduled job)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_duckdb_argument(parser)
    add_range_arguments(parser)
    parser.add_argument("--url", help="Matomo base URL (default: sources.matomo.url)")
    parser.add_argument(
        "--only",
        choices=("live", "reports"),
        help="load only one source (default: both)",
    )
    parser.add_argument(
        "--no-transform", action="store_true", help="load only; skip dbt and reconciliation"
    )
    parser.add_argument(
        "--demo-if-unconfigured",
        action="store_true",
        help="with no Matomo URL configured, run `demo` instead (what `make run` does)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.demo_if_unconfigured and not (args.url or workflow.configured_url()):
        log.info("no Matomo configured (sources.matomo.url): loading the bundled sample")
        return workflow.demo(configured_warehouse(args.duckdb), transform=not args.no_transform)
    check_range(args.start_date, args.end_date)
    options = LoadOptions(
        url=args.url,
        site_ids=args.site_ids,
        start_date=args.start_date,
        end_date=args.end_date,
        force_start=bool(args.start_date),
        now=args.now,
        live=args.only in (None, "live"),
        reports=args.only in (None, "reports"),
    )
    return workflow.refresh(
        configured_warehouse(args.duckdb), options, transform=not args.no_transform
    )
