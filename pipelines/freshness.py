"""Which dbt models a refresh must build, derived from what was loaded since the last build.

dlt stamps every loaded row with its load id (`_dlt_load_id`; completed loads are listed in
`matomo_raw._dlt_loads`). After each successful build the refresh records, in
`matomo_audit.dbt_builds`, the newest completed load id the build read. A later refresh looks
for raw rows of newer loads: none -> dbt is skipped; only Reporting API rows -> only the models
that read them (the reconciliation); anything else -> the whole project. A run killed after its
load but before (or during) dbt recorded nothing, so the next run builds what it loaded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines import runner, warehouse
from pipelines.matomo import settings
from pipelines.warehouse import Warehouse

log = logging.getLogger("matomo_warehouse")

BUILDS_SCHEMA = "matomo_audit"
BUILDS_TABLE = f"{BUILDS_SCHEMA}.dbt_builds"
# Reloaded whole by every Live run: their rows alone do not make the marts stale (site and goal
# settings are metadata; changing them needs `transform --full-refresh`).
REPEATED_TABLES = runner.REPEATED_TABLES
# report_<module>_<action> and report_loads: read only by the models of REPORT_SELECTION
REPORT_PREFIX = "report_"
REPORT_SELECTION = "stg_matomo__report_rows+ stg_matomo__report_loads+"


@dataclass(frozen=True)
class BuildPlan:
    """What to build now: `select` None = everything; `needed` False = nothing."""

    load_id: str | None  # the newest completed load: what a build now reflects
    needed: bool
    select: str | None = None
    reason: str = ""


def plan(target: str | Path | Warehouse) -> BuildPlan:
    """The build this refresh needs, from the load ids the last recorded build has not seen."""
    with warehouse.resolve(target).connect() as con:
        newest = _newest_load(con)
        built = _built_load(con)
        if built is None:
            return BuildPlan(newest, True, None, "no successful build recorded")
        changed = _changed_tables(con, built)
    if not changed:
        return BuildPlan(newest, False, None, "nothing new loaded since the last build")
    if all(t.startswith(REPORT_PREFIX) for t in changed):
        return BuildPlan(newest, True, REPORT_SELECTION, "only report rows changed")
    names = sorted(changed, key=lambda t: (t.startswith(REPORT_PREFIX), t))
    shown = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "")
    return BuildPlan(newest, True, None, f"new rows in {len(names)} raw table(s) ({shown})")


def record(target: str | Path | Warehouse, build: BuildPlan) -> None:
    """Note that the marts now reflect every load up to `build.load_id`."""
    with warehouse.resolve(target).connect() as con:
        _ensure_table(con)
        con.execute(
            f"insert into {BUILDS_TABLE} values (?, now(), ?)",
            [build.load_id or "", build.select or "*"],
        )


def forget(target: str | Path | Warehouse) -> None:
    """Mark the marts as not known to be current: the next refresh builds everything."""
    with warehouse.resolve(target).connect() as con:
        _ensure_table(con)
        con.execute(f"delete from {BUILDS_TABLE}")


def _ensure_table(con: Any) -> None:
    con.execute(f"create schema if not exists {BUILDS_SCHEMA}")
    con.execute(
        f"create table if not exists {BUILDS_TABLE} "
        "(load_id varchar not null, built_at timestamptz not null, selection varchar not null)"
    )
    con.execute(
        f"comment on table {BUILDS_TABLE} is 'successful dbt builds of the refresh: the newest "
        "dlt load id (matomo_raw._dlt_loads) each one read, and its dbt selection (* = all)'"
    )


def _exists(con: Any, schema: str, table: str) -> bool:
    sql = "select count(*) from information_schema.tables where table_schema = ? and table_name = ?"
    row = con.execute(sql, [schema, table]).fetchone()
    return bool(row and row[0])


def _newest_load(con: Any) -> str | None:
    if not _exists(con, settings.RAW_SCHEMA, "_dlt_loads"):
        return None
    row = con.execute(
        f"select max(load_id) from {settings.RAW_SCHEMA}._dlt_loads where status = 0"
    ).fetchone()
    return row[0] if row else None


def _built_load(con: Any) -> str | None:
    if not _exists(con, BUILDS_SCHEMA, "dbt_builds"):
        return None
    row = con.execute(f"select max(load_id) from {BUILDS_TABLE}").fetchone()
    return row[0] if row else None


def _changed_tables(con: Any, built: str) -> list[str]:
    """Raw tables with rows written by a load newer than `built` (REPEATED_TABLES aside)."""
    tables = [
        name
        for (name,) in con.execute(
            "select table_name from information_schema.columns "
            "where table_schema = ? and column_name = '_dlt_load_id'",
            [settings.RAW_SCHEMA],
        ).fetchall()
        if name not in REPEATED_TABLES and not name.startswith("_dlt")
    ]
    return [
        name
        for name in tables
        if con.execute(
            f'select exists (select 1 from {settings.RAW_SCHEMA}."{name}" where _dlt_load_id > ?)',
            [built],
        ).fetchone()[0]
    ]
