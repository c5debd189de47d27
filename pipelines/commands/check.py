"""`matomo-warehouse check`: preflight of the configured Matomo (URL, token, sites, Live)."""

from __future__ import annotations

import argparse
import logging
import sys

import dlt

from pipelines import preflight, warehouse
from pipelines.dates import to_utc
from pipelines.errors import UserError, missing_config
from pipelines.matomo import settings
from pipelines.matomo.client import MatomoError

log = logging.getLogger(__name__)

HELP = """\
Check that the pipeline can use the Matomo configured in [sources.matomo] (or --url):
  url             the URL answers as Matomo's API (API.getMatomoVersion)
  token           the token is accepted
  matomo version  the server's version
  sites           the sites the token can view, with their timezones (--site: that site)
  live site N     Live.getLastVisitsDetails answers for the site's yesterday (filter_limit=1);
                  WARN "Live disabled" when the site's visitor log is deactivated (its
                  reports are still loaded)
  reports site N  VisitsSummary.get answers for the site's yesterday. Archiving itself cannot
                  be verified over the API (with browser archiving on, this request archives);
                  WARN when Live has visits for that day but the report counts none.
  warehouse       (warehouse.destination = postgres) the database answers with the
                  [destination.postgres] credentials
One line per item: OK, WARN or FAIL and a detail. Exit 0 when all are OK, 1 otherwise.
Nothing is written.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check",
        help="preflight: is the configured Matomo reachable and usable?",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--url", help="Matomo base URL (default: sources.matomo.url)")
    parser.add_argument(
        "--site",
        dest="site_ids",
        type=int,
        action="append",
        metavar="N",
        help="check only this site id (repeatable; default: sources.matomo.site_ids, or every "
        "site the token can view)",
    )
    parser.add_argument(
        "--now",
        metavar="ISO-TIMESTAMP",
        help="pretend the current time is this (which day is 'yesterday'; for replays)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="seconds to wait for each answer (default 30)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    url = args.url or dlt.config.get("sources.matomo.url")
    if not url:
        raise UserError("no Matomo URL: pass --url or set sources.matomo.url")
    token = dlt.secrets.get("sources.matomo.api_token")
    if not token:
        raise UserError(missing_config("api_token"))
    site_ids = args.site_ids or dlt.config.get("sources.matomo.site_ids")
    now = to_utc(args.now)
    try:
        client = preflight.check_client(str(url), str(token), args.timeout)
    except MatomoError as err:
        raise UserError(str(err)) from None
    verdicts = preflight.run_checks(client, [int(s) for s in site_ids or []] or None, now)
    verdicts += _warehouse_verdicts()
    for verdict in verdicts:
        sys.stdout.write(verdict.line() + "\n")
    code = preflight.exit_code(verdicts)
    sys.stdout.write("all checks passed\n" if code == 0 else "some checks did not pass\n")
    return code


def _warehouse_verdicts() -> list[preflight.Verdict]:
    """PostgreSQL: can we connect? (A DuckDB file is created by the first run.)"""
    wh = warehouse.configured(settings.DEFAULT_DUCKDB_PATH)
    if wh.kind != "postgres":
        return []
    try:
        with wh.connect(read_only=True) as con:
            version = con.execute("select current_setting('server_version')").fetchone()[0]
    except UserError as err:
        return [preflight.Verdict("warehouse", preflight.FAIL, str(err))]
    return [preflight.Verdict("warehouse", preflight.OK, f"{wh} (PostgreSQL {version})")]
