"""`matomo-warehouse status`: what a warehouse holds, per site, read from the warehouse."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from typing import Any

import duckdb

from pipelines.commands._common import add_duckdb_argument, existing_warehouse
from pipelines.errors import UserError, explain, first_line
from pipelines.matomo import settings
from pipelines.matomo.live.days import LIVE_OFF_KEY

log = logging.getLogger(__name__)

HELP = """\
Print, per site: the last final day of Live visits loaded (the saved state, as committed to
DuckDB together with the data; "Live disabled" when Matomo's visitor log is off for the site),
visit and action counts, the last successful load, and the
anomalies recorded in matomo_raw.load_audit (duplicate visits dropped across pages, visits of
another day, visits with truncated actions) and the values quarantined (matomo_raw.quarantine);
then each report table with its last date.
Read-only: opens the warehouse read-only and never contacts Matomo.
"""

RAW = settings.RAW_SCHEMA


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "status",
        help="show what the warehouse holds: last day per site, counts, anomalies",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_duckdb_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    wh = existing_warehouse(args.duckdb)
    try:
        with wh.connect(read_only=True) as con:
            lines = status_lines(con)
    except duckdb.Error as err:
        raise explain(err) or UserError(f"cannot open {wh}: {first_line(err)}") from None
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def status_lines(con: Any) -> list[str]:
    tables = _tables(con)
    if "_dlt_loads" not in tables:
        return [f"no data loaded yet (no {RAW} tables)"]
    state = source_states(con)
    live_state = state.get("matomo", {}).get("live", {})
    lines = []
    last = con.sql(f"select max(inserted_at) from {RAW}._dlt_loads where status = 0").fetchone()
    lines.append(f"last load: {last[0] if last and last[0] else 'never'}")
    counts = _per_site(con, tables)
    site_ids = sorted({*counts, *(int(s) for s in live_state if s.isdigit())})
    names = _site_names(con, tables)
    for site_id in site_ids:
        c = counts.get(site_id, {})
        site_state = live_state.get(str(site_id), {})
        last_final = f"last final day {site_state.get('last_final_day', 'none')}"
        if site_state.get(LIVE_OFF_KEY):
            last_final = "Live disabled (visitor log off in Matomo; reports only)"
        lines.append(
            f"site {site_id}{' ' + repr(names[site_id]) if site_id in names else ''}: "
            f"{last_final}; visits {c.get('visits', 0)} "
            f"({c.get('first_day') or '-'}..{c.get('last_day') or '-'}), "
            f"actions {c.get('actions', 0)}"
        )
        lines.extend(f"  anomaly: {a}" for a in _anomalies(con, tables, site_id))
        lines.extend(_quarantined(con, tables, site_id))
    lines.extend(_report_lines(con, tables))
    return lines


def _tables(con: Any) -> set[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ?", [RAW]
    ).fetchall()
    return {r[0] for r in rows}


def source_states(con: Any) -> dict[str, Any]:
    """The `sources` part of the newest pipeline state committed to DuckDB: like dlt, only a
    state whose load completed (in `_dlt_loads` with status 0) counts; a run killed during its
    load step may have written its state row already."""
    from dlt.pipeline.state_sync import decompress_state

    tables = _tables(con)
    if not {"_dlt_pipeline_state", "_dlt_loads"} <= tables:
        return {}
    row = con.execute(
        f"""select s.state from {RAW}._dlt_pipeline_state s
            join {RAW}._dlt_loads l on l.load_id = s._dlt_load_id
            where s.pipeline_name = ? and l.status = 0
            order by l.load_id desc, s.version desc limit 1""",
        [settings.PIPELINE_NAME],
    ).fetchone()
    if not row:
        return {}
    state = decompress_state(row[0])
    sources = state.get("sources", {})
    return json.loads(json.dumps(sources, default=str))


def _per_site(con: Any, tables: set[str]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    if "visits" in tables:
        for site, n, first, last in con.sql(
            f"select id_site, count(*), min(visit_date), max(visit_date) from {RAW}.visits "
            "group by id_site"
        ).fetchall():
            out.setdefault(int(site), {}).update(visits=n, first_day=first, last_day=last)
    if "visit_actions" in tables:
        for site, n in con.sql(
            f"select id_site, count(*) from {RAW}.visit_actions group by id_site"
        ).fetchall():
            out.setdefault(int(site), {})["actions"] = n
    return out


def _site_names(con: Any, tables: set[str]) -> dict[int, str]:
    if "sites" not in tables:
        return {}
    return {int(i): str(n) for i, n in con.sql(f"select idsite, name from {RAW}.sites").fetchall()}


def _anomalies(con: Any, tables: set[str], site_id: int) -> list[str]:
    if "load_audit" not in tables:
        return []
    rows = con.execute(
        f"""select visit_date, max(duplicate_visits), max(other_day_visits),
                   max(truncated_visits)
            from {RAW}.load_audit where id_site = ?
              and (duplicate_visits > 0 or other_day_visits > 0 or truncated_visits > 0)
            group by visit_date order by visit_date""",
        [site_id],
    ).fetchall()
    out = []
    for day, dup, other, trunc in rows:
        parts = [
            f"{n} {what}"
            for n, what in (
                (dup, "duplicate visit(s) dropped"),
                (other, "visit(s) of another day"),
                (trunc, "visit(s) with truncated actions"),
            )
            if n
        ]
        out.append(f"{day}: {', '.join(parts)}")
    return out


def _quarantined(con: Any, tables: set[str], site_id: int) -> list[str]:
    """Values the latest read of each day quarantined (load_audit.quarantined_values)."""
    if "quarantine" not in tables:
        return []
    n, days = con.execute(
        f"""select sum(quarantined_values), count(*) from (
              select quarantined_values,
                     row_number() over (partition by visit_date order by loaded_at desc) as nth
              from {RAW}.load_audit where id_site = ?
            ) as latest where nth = 1 and quarantined_values > 0""",
        [site_id],
    ).fetchone() or (0, 0)
    if not n:
        return []
    return [f"  quarantined: {n} value(s) on {days} day(s) (see {RAW}.quarantine)"]


def _report_lines(con: Any, tables: set[str]) -> list[str]:
    report_tables = sorted(t for t in tables if t.startswith("report_") and t != "report_loads")
    if not report_tables:
        return ["reports: none loaded"]
    lines = [f"reports: {len(report_tables)} tables"]
    for table in report_tables:
        rows = con.sql(
            f'select period, max(date), count(*) from {RAW}."{table}" group by period '
            "order by period"
        ).fetchall()
        detail = ", ".join(f"{period} to {last} ({n} rows)" for period, last, n in rows)
        lines.append(f"  {table}: {detail or 'empty'}")
    return lines
