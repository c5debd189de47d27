"""`matomo-warehouse demo`: load a recording served locally, as if it were a Matomo."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines import workflow
from pipelines.commands._common import add_duckdb_argument, configured_warehouse

HELP = """\
Serve a Matomo API recording (default: the bundled real recording of a Matomo 5 server, two
sites, one week) on a free local port and run the whole pipeline against it over HTTP: both
sources, dbt build, reconciliation. The dates come from the recording's manifest.json.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "demo",
        help="load the bundled sample recording (no Matomo needed)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_duckdb_argument(parser)
    parser.add_argument(
        "--recording",
        type=Path,
        metavar="DIR",
        help="recording directory (calls.jsonl.gz + manifest.json; default: the bundled one)",
    )
    parser.add_argument(
        "--no-transform", action="store_true", help="load only; skip dbt and reconciliation"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return workflow.demo(
        configured_warehouse(args.duckdb), recording=args.recording, transform=not args.no_transform
    )
