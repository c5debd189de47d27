"""Arguments shared by several sub-commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipelines import warehouse
from pipelines.dates import parse_date
from pipelines.errors import UserError, no_warehouse
from pipelines.matomo import settings
from pipelines.warehouse import Warehouse


def add_duckdb_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--duckdb",
        default=settings.DEFAULT_DUCKDB_PATH,
        metavar="PATH",
        help=f"DuckDB file to load into (default: {settings.DEFAULT_DUCKDB_PATH}); with "
        "warehouse.destination = postgres, only its folder is used (dlt and dbt working files)",
    )


def iso_date(value: str) -> str:
    """argparse type: a YYYY-MM-DD date, kept as the string (argparse names the option)."""
    try:
        parse_date(value, what="")
    except UserError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return value


def add_range_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        dest="site_ids",
        type=int,
        action="append",
        metavar="N",
        help="load only this site id (repeatable; default: sources.matomo.site_ids, or every "
        "site the token can view)",
    )
    parser.add_argument(
        "--start-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="first local day to (re)load; overrides the saved state (default: continue "
        "after the last final day, or sources.matomo.start_date on the first run)",
    )
    parser.add_argument(
        "--end-date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="last local day to load (default: each site's today in its own timezone)",
    )
    parser.add_argument(
        "--now",
        metavar="ISO-TIMESTAMP",
        help="pretend the current time is this (testing and replays; default: the clock)",
    )


def check_range(start: str | None, end: str | None) -> None:
    if start and end and end < start:
        raise UserError(f"--end-date {end} is before --start-date {start}")


def configured_warehouse(duckdb_path: str) -> Warehouse:
    """The warehouse of the configuration (`warehouse.destination`): the --duckdb file, or
    PostgreSQL."""
    return warehouse.configured(duckdb_path)


def existing_warehouse(duckdb_path: str) -> Warehouse:
    """The warehouse of a command that reads a loaded one; never creates a DuckDB file."""
    wh = warehouse.configured(duckdb_path)
    if isinstance(wh, warehouse.DuckDbWarehouse) and not wh.path.is_file():
        raise no_warehouse(Path(duckdb_path))
    return wh
