"""`matomo-warehouse reconcile`: compare the metric marts with Matomo's reports."""

from __future__ import annotations

import argparse

from pipelines import reconcile
from pipelines.commands._common import add_duckdb_argument, existing_warehouse

HELP = """\
Print, per report and period, how many cells of the metric marts were compared with Matomo's
own Reporting API numbers and how many matched, were explained (rows Matomo truncated into
"Others", visits with truncated action lists, quarantined days) or are unexplained; NULL
(no value) never equals 0. Reads the `reconciliation` model built by dbt (run `run`, `demo`
or `transform` first). Exit code 1 on any unexplained cell.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "reconcile",
        help="compare the metric marts with Matomo's reports",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_duckdb_argument(parser)
    parser.add_argument(
        "--show", type=int, default=20, metavar="N", help="list up to N unexplained cells"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return reconcile.run(existing_warehouse(args.duckdb), show=args.show)
