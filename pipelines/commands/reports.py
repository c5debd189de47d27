"""`matomo-warehouse reports`: the effective report catalogue, or what the server offers."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import dlt

from pipelines.errors import UserError
from pipelines.matomo.client import MatomoClient
from pipelines.matomo.reports import catalogue
from pipelines.matomo.sites import list_site_ids

log = logging.getLogger(__name__)

HELP = """\
--list      print the effective report catalogue ([sources.matomo] reports / extra_reports,
            or the built-in default) and the raw table each report loads into.
--discover  ask Matomo which reports it offers (API.getReportMetadata): module, action,
            name, category; reports in the effective catalogue are marked with '*'. Add a
            line for any of them to `extra_reports` in .dlt/config.toml to load it.
"""


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "reports",
        help="list the report catalogue or discover the reports a Matomo offers",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--list", action="store_true", help="print the effective catalogue")
    what.add_argument("--discover", action="store_true", help="list the server's reports")
    parser.add_argument("--site", type=int, metavar="N", help="only this site (--discover)")
    parser.add_argument(
        "--date",
        default="yesterday",
        metavar="YYYY-MM-DD",
        help="day whose report metadata is asked for (--discover; default: yesterday)",
    )
    parser.add_argument("--url", help="Matomo base URL (default: sources.matomo.url)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    specs = configured_catalogue()
    if args.list:
        _write(catalogue.catalogue_lines(specs))
        return 0
    client = _client(args.url)
    site_ids = [args.site] if args.site else list_site_ids(client)
    methods = {spec.method for spec in specs}
    for site_id in site_ids:
        params = {"idSite": site_id, "period": "day", "date": args.date}
        metadata = client.call("API.getReportMetadata", params) or []
        _write(discover_lines(site_id, metadata, methods))
    return 0


def configured_catalogue() -> list[catalogue.ReportSpec]:
    """The catalogue the source would use with the current configuration."""
    return catalogue.parse_catalogue(
        dlt.config.get("sources.matomo.reports"), dlt.config.get("sources.matomo.extra_reports")
    )


def discover_lines(
    site_id: int, metadata: Iterable[Mapping[str, Any]], methods: set[str]
) -> list[str]:
    """`site  *  Module.action  [params]  category / name` per report the server offers."""
    lines = []
    for report in metadata:
        method = f"{report.get('module')}.{report.get('action')}"
        mark = "*" if method in methods else " "
        extra = report.get("parameters") or {}
        params = " " + "&".join(f"{k}={v}" for k, v in sorted(extra.items())) if extra else ""
        lines.append(
            f"{site_id}\t{mark} {method}{params}\t{report.get('category')} / {report.get('name')}"
        )
    return lines


def _client(url: str | None) -> MatomoClient:
    url = url or dlt.config.get("sources.matomo.url")
    if not url:
        raise UserError("no Matomo URL: set sources.matomo.url or pass --url")
    token = dlt.secrets.get("sources.matomo.api_token")
    return MatomoClient(str(url), str(token or ""))


def _write(lines: Iterable[str]) -> None:
    sys.stdout.write("".join(f"{line}\n" for line in lines))
