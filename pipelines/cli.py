"""`matomo-warehouse`: the command-line entry point.

Each sub-command lives in its own module in `pipelines/commands/` and exposes
`register(subparsers) -> None`, which adds a parser whose `func(args) -> int` runs it.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

from pipelines import commands, home, logs
from pipelines.errors import UserError, explain, first_line, interrupted, root_cause
from pipelines.matomo.client import MatomoError

log = logging.getLogger("matomo_warehouse")

DESCRIPTION = """\
Load Matomo web analytics into DuckDB and model it with dbt.

Sources: Live.getLastVisitsDetails (raw visits, actions, ecommerce items) and the
Reporting API (Matomo's archived reports). Configuration comes from the home's
.dlt/config.toml, .dlt/secrets.toml or environment variables such as
SOURCES__MATOMO__API_TOKEN. The home (--home, else $MATOMO_WAREHOUSE_HOME, else the current
folder) also holds the default DuckDB file; a relative --duckdb is resolved against it.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="matomo-warehouse",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="more logging (-vv for debug)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=f"folder holding .dlt/ and the DuckDB file (default: ${home.HOME_ENV}, else .)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return parser


def configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose > 1 else logging.INFO
    logs.configure(level)  # short plain lines on stderr (pipelines/logs.py)
    if verbose < 2:  # dlt and urllib3 are chatty at INFO
        for noisy in ("dlt", "urllib3", "requests"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
        # dlt logs a failed load job as ERROR lines (and tracebacks) of its own; the one
        # `error:` line names the cause. -v shows dlt's warnings and errors, -vv everything.
        # (dlt sets its level from runtime.log_level when a pipeline starts.)
        if not verbose:
            os.environ.setdefault("RUNTIME__LOG_LEVEL", "CRITICAL")
        logging.getLogger("dlt").addFilter(_without_traceback)


def _without_traceback(record: logging.LogRecord) -> bool:
    record.exc_info, record.exc_text, record.stack_info = None, None, None
    return True


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose, args.quiet)
    try:
        with home.activated(args):
            return int(args.func(args) or 0)
    except (UserError, MatomoError) as err:
        return _fail(str(err), 2)
    except KeyboardInterrupt:
        return _fail(INTERRUPTED, 130)
    except Exception as exc:  # one line, never a traceback (-vv logs it)
        return _unexpected(exc)


INTERRUPTED = "interrupted; re-run to continue"


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _unexpected(exc: Exception) -> int:
    if interrupted(exc):
        return _fail(INTERRUPTED, 130)
    known = explain(exc)
    if known is not None:
        return _fail(str(known), 2)
    log.debug("traceback", exc_info=exc)
    cause = root_cause(exc)
    return _fail(f"{type(cause).__name__}: {first_line(cause)} (-vv shows the traceback)", 1)


if __name__ == "__main__":
    sys.exit(main())
