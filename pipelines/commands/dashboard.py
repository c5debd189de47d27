"""`matomo-warehouse dashboard`: render a static HTML dashboard of the published marts."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines import dashboard, warehouse
from pipelines.commands._common import add_duckdb_argument, existing_warehouse
from pipelines.errors import UserError

HELP = """\
Render a static HTML dashboard (index.html and one page per site) from the marts published
for BI tools (`<warehouse>_bi.duckdb`): visits and unique visitors over time, top pages,
channels, countries, devices, goals, ecommerce orders and products, each number labelled with
the Matomo report it equals, and the reconciliation's cells compared / matched. The pages work
offline (inline SVG charts, no JavaScript).
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "dashboard",
        help="render a static HTML dashboard of the published marts",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_duckdb_argument(parser)
    parser.add_argument(
        "--out",
        metavar="DIR",
        help="folder for the HTML pages (default: dashboard/ beside the DuckDB file)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    wh = existing_warehouse(args.duckdb)
    if not isinstance(wh, warehouse.DuckDbWarehouse):
        raise UserError(
            "dashboard reads the DuckDB file published for BI tools; with "
            "warehouse.destination = postgres it is not available yet (query the marts directly)"
        )
    out = Path(args.out) if args.out else wh.folder / "dashboard"
    pages = dashboard.build(wh.path, out)
    print(f"dashboard: {out / pages[0].name}")
    return 0
