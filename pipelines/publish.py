"""Publish the marts to a separate DuckDB file for BI tools and analysts.

DuckDB lets one process write a file, and a process reading it blocks that writer. So readers
never open the warehouse: after each successful build `publish(warehouse)` copies the schema
`matomo` (every table and view, materialised as tables) and `matomo_audit` (if present) into
`<warehouse stem>_bi.duckdb` beside it. The copy is written to a temporary file in the same
folder and moved onto the published path with `os.replace`, which is atomic: a reader sees
either the old file or the new one, never a half-written one. A connection opened before the
replace keeps reading the old file (its inode lives while it is open); a new connection sees the
new data. The published file is made read-only (mode 0444): readers connect read-only.

PostgreSQL needs none of this: readers query the warehouse itself. dbt replaces a table by
building it under a temporary name and renaming it in one transaction, and PostgreSQL's MVCC
lets a reader's query see the old table until that transaction commits, then the new one: never
a half-built mart. For PostgreSQL `run` publishes nothing.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import duckdb

from pipelines import warehouse

log = logging.getLogger("matomo_warehouse")

PUBLISHED_SCHEMAS = ("matomo", "matomo_audit")
PUBLISHED_SUFFIX = "_bi"
READ_ONLY_MODE = 0o444

# Every table and non-internal view of the published schemas, with its comment.
RELATIONS_SQL = """
select schema_name, table_name, comment from duckdb_tables()
where database_name = $catalog and schema_name in (select unnest($schemas::varchar[]))
union all
select schema_name, view_name, comment from duckdb_views()
where database_name = $catalog and schema_name in (select unnest($schemas::varchar[]))
  and not internal
order by 1, 2
"""
COLUMN_COMMENTS_SQL = """
select schema_name, table_name, column_name, comment from duckdb_columns()
where database_name = $catalog and schema_name in (select unnest($schemas::varchar[]))
  and comment is not null and comment <> ''
order by all
"""


def published_path(duckdb_path: str | Path) -> Path:
    """`matomo_warehouse.duckdb` -> `matomo_warehouse_bi.duckdb`, in the same folder.

    DuckDB names a file's catalog after its stem; the stem ends in `_bi`, so it can never be a
    published schema name and `matomo.fct_visits` stays unambiguous for readers."""
    path = Path(duckdb_path).expanduser().resolve()
    return path.with_name(f"{path.stem}{PUBLISHED_SUFFIX}{path.suffix}")


def run(target: str | Path | warehouse.Warehouse) -> int:
    """`publish` for the commands: 0 when published, 1 (logged) when it failed; the marts in
    the warehouse are fine either way and readers keep the previously published file.
    PostgreSQL: nothing to publish (readers query the warehouse), 0."""
    wh = warehouse.resolve(target)
    if not isinstance(wh, warehouse.DuckDbWarehouse):
        log.debug("%s: readers query the warehouse itself; nothing to publish", wh)
        return 0
    duckdb_path = wh.path
    try:
        publish(duckdb_path)
    except (duckdb.Error, OSError, ValueError) as err:
        log.error("publishing the marts for readers failed: %s", err)
        return 1
    return 0


def publish(duckdb_path: str | Path) -> Path:
    """Copy the marts of `duckdb_path` to `published_path(duckdb_path)`, atomically.

    Returns the published path. Raises ValueError when the warehouse has no `matomo` schema
    (nothing built yet); the previously published file, if any, is then left as it was."""
    started = time.monotonic()
    source = Path(duckdb_path).expanduser().resolve()
    target = published_path(source)
    _remove_abandoned_temps(target)
    temp = _temp_path(target, os.getpid())
    try:
        count = _copy(source, temp)
        os.chmod(temp, READ_ONLY_MODE)
        _fsync(temp)
        _remove_stale_wal(target)
        os.replace(temp, target)
    finally:
        _remove(temp)
    _fsync(target.parent)
    log.info("published %d tables to %s in %.1fs", count, target, time.monotonic() - started)
    return target


def _copy(source: Path, temp: Path) -> int:
    """Write every published relation of `source` into the new file `temp`; returns how many.

    One in-memory connection attaches the warehouse read-only (the copy never takes its write
    lock) and the new file read-write, and copies in one transaction. The warehouse is attached
    under its usual catalog name, its file's stem: dbt's views name their tables through it."""
    catalogs = (source.stem, published_path(source).stem)
    with duckdb.connect(":memory:") as con:
        con.execute(f"attach {_literal(str(source))} as {_ident(catalogs[0])} (read_only)")
        con.execute(f"attach {_literal(str(temp))} as {_ident(catalogs[1])}")
        params = {"catalog": catalogs[0], "schemas": list(PUBLISHED_SCHEMAS)}
        relations = con.execute(RELATIONS_SQL, params).fetchall()
        if not any(schema == "matomo" for schema, _, _ in relations):
            raise ValueError(f"no marts (schema matomo) in {source}: run the dbt transform first")
        columns = con.execute(COLUMN_COMMENTS_SQL, params).fetchall()
        con.execute("begin")
        con.execute(";\n".join(_copy_statements(catalogs, relations, columns)))
        con.execute("commit")
        con.execute(f"detach {_ident(catalogs[1])}")  # checkpoints: complete file, no WAL left
    return len(relations)


def _copy_statements(
    catalogs: tuple[str, str], relations: list[tuple], columns: list[tuple]
) -> list[str]:
    """SQL creating the schemas, the tables (views materialised) and their comments."""
    src, dst = (_ident(catalog) for catalog in catalogs)
    statements = [
        f"create schema {dst}.{_ident(schema)}"
        for schema in sorted({schema for schema, _, _ in relations})
    ]
    for schema, name, comment in relations:
        table = f"{_ident(schema)}.{_ident(name)}"
        statements.append(f"create table {dst}.{table} as select * from {src}.{table}")
        if comment:
            statements.append(f"comment on table {dst}.{table} is {_literal(comment)}")
    for schema, name, column, comment in columns:
        target = f"{dst}.{_ident(schema)}.{_ident(name)}.{_ident(column)}"
        statements.append(f"comment on column {target} is {_literal(comment)}")
    return statements


def _temp_path(target: Path, pid: int) -> Path:
    """`.matomo_warehouse_bi.<pid>.tmp.duckdb`: hidden, same folder, git-ignored like *.duckdb."""
    return target.with_name(f".{target.stem}.{pid}.tmp{target.suffix}")


def _remove_abandoned_temps(target: Path) -> None:
    """Temporary files of publishes that were killed (their process is gone) or of this one."""
    for temp in target.parent.glob(f".{target.stem}.*.tmp{target.suffix}"):
        pid = temp.name[len(target.stem) + 2 :].split(".")[0]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            _remove(temp)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _remove_stale_wal(target: Path) -> None:
    """A WAL beside the published file (someone opened it read-write) belongs to the old file;
    DuckDB would replay it onto the new one."""
    wal = target.with_name(target.name + ".wal")
    if wal.exists():
        log.warning("removing %s: the published file is for read-only connections", wal)
        wal.unlink()


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    """Flush a file's (or a folder's, for the rename) data to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
