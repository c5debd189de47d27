"""The warehouse: DuckDB (a file, the default) or PostgreSQL (`warehouse.destination`).

One place knows how to reach each: the dlt destination the loader writes to, the dbt target
(`profiles.yml` reads the environment `dbt_env()` sets), a DB-API connection for the Python code
that reads the warehouse (freshness, reconcile, status), and the local folder of the dlt working
dir, dbt's target/ and the run lock. PostgreSQL credentials are dlt's own
(`[destination.postgres] credentials` in .dlt/secrets.toml or DESTINATION__POSTGRES__CREDENTIALS):
one place to configure. SQL given to `connect()` uses `?` placeholders on both.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt

from pipelines.errors import UserError
from pipelines.matomo import settings

DESTINATION_KEY = "warehouse.destination"  # env WAREHOUSE__DESTINATION
DESTINATIONS = ("duckdb", "postgres")
DBT_TARGET_ENV = "MATOMO_DBT_TARGET"
DUCKDB_ENV = "MATOMO_DUCKDB_PATH"
# DuckDB's memory limit for the loader and dbt (spills to `<file>.tmp` beside the warehouse)
MEMORY_LIMIT_KEY = "warehouse.duckdb_memory_limit"  # env WAREHOUSE__DUCKDB_MEMORY_LIMIT
MEMORY_LIMIT_ENV = "MATOMO_DUCKDB_MEMORY_LIMIT"  # what dbt's profiles.yml reads

# DuckDB names a file's catalog after its stem; these would clash with our schemas.
RESERVED_STEMS = frozenset({"matomo", settings.RAW_SCHEMA, "matomo_staging", "matomo_intermediate"})


class Warehouse:
    """What every warehouse offers; `folder`/`stem` place its local files."""

    kind = ""
    folder: Path
    stem: str
    # dlt's file format for the load; None = the destination's default
    loader_file_format: str | None = None
    # dlt's parallel load jobs unless `[load] workers` is configured
    load_workers = 4

    def local_dir(self, suffix: str) -> Path:
        """`.<stem>.<suffix>` in the folder: the dlt working dir (dlt), dbt's files (dbt)."""
        return self.folder / f".{self.stem}.{suffix}"

    @property
    def lock_path(self) -> Path:
        return self.folder / f".{self.stem}.lock"

    def destination(self) -> Any:
        raise NotImplementedError

    def connect(self, read_only: bool = False) -> contextlib.AbstractContextManager[Any]:
        raise NotImplementedError

    def dbt_env(self) -> dict[str, str]:
        raise NotImplementedError


class DuckDbWarehouse(Warehouse):
    kind = "duckdb"
    # parallel copies into one DuckDB each hold their own buffers and gain nothing on a file
    load_workers = 1

    def __init__(self, path: str | Path):
        self.path = warehouse_path(path)
        self.folder, self.stem = self.path.parent, self.path.stem
        self.memory_limit, self.dbt_memory_limit = duckdb_memory_limits()

    def __str__(self) -> str:
        return str(self.path)

    @property
    def lock_path(self) -> Path:
        return self.folder / f".{self.path.name}.lock"

    def destination(self) -> Any:
        from dlt.destinations.impl.duckdb.configuration import DuckDbCredentials

        credentials = DuckDbCredentials(str(self.path))
        credentials.global_config = dict(settings.DUCKDB_LOAD_CONFIG)
        if self.memory_limit:
            credentials.global_config["memory_limit"] = self.memory_limit
        return dlt.destinations.duckdb(credentials)

    @contextlib.contextmanager
    def connect(self, read_only: bool = False) -> Iterator[Any]:
        import duckdb

        with duckdb.connect(str(self.path), read_only=read_only) as con:
            yield con

    def dbt_env(self) -> dict[str, str]:
        env = {DBT_TARGET_ENV: "dev", DUCKDB_ENV: str(self.path)}
        if self.dbt_memory_limit:
            env[MEMORY_LIMIT_ENV] = self.dbt_memory_limit
        return env


def duckdb_memory_limits() -> tuple[str | None, str | None]:
    """DuckDB's memory limit for (the loader, dbt): `warehouse.duckdb_memory_limit` for both;
    unset, the defaults of each (`settings.DEFAULT_DUCKDB_MEMORY_LIMIT` / `_DBT_`: dbt's
    count(distinct) and windows do not spill)."""
    value = dlt.config.get(MEMORY_LIMIT_KEY)
    if value is None:
        return settings.DEFAULT_DUCKDB_MEMORY_LIMIT, settings.DEFAULT_DBT_MEMORY_LIMIT
    limit = duckdb_memory_limit(str(value))
    return limit, limit


def duckdb_memory_limit(value: str) -> str | None:
    """`value` as DuckDB reads it ("256MB", "2GB", "1.5GiB"; "-1" = no limit); None ("") =
    DuckDB's own default (80% of RAM). A value DuckDB refuses is one clear error before
    anything runs."""
    text = value.strip()
    if not text:
        return None
    import duckdb

    with duckdb.connect() as con:
        try:
            con.execute("SET memory_limit = ?", [text])
        except duckdb.Error:
            raise UserError(
                f"warehouse.duckdb_memory_limit {text!r} is not a memory size; "
                'use a number with a unit, e.g. "256MB" or "2GB" ("" = DuckDB\'s default)'
            ) from None
    return text


def warehouse_path(duckdb_path: str | Path) -> Path:
    """The DuckDB file, resolved, its folder created; refuses names that clash with schemas."""
    path = Path(duckdb_path).expanduser().resolve()
    if path.stem in RESERVED_STEMS:
        raise UserError(
            f"DuckDB file {path.name!r} would make a catalog named {path.stem!r}, which clashes "
            "with the schema of that name; use another file name, e.g. matomo_warehouse.duckdb"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def resolve(target: str | Path | Warehouse) -> Warehouse:
    """A warehouse as given, or the DuckDB file at a path."""
    return target if isinstance(target, Warehouse) else DuckDbWarehouse(target)


def configured(duckdb_path: str | Path) -> Warehouse:
    """The warehouse the configuration names: `warehouse.destination` (default duckdb, the
    file `duckdb_path`); PostgreSQL keeps its local files beside where that file would be."""
    name = str(dlt.config.get(DESTINATION_KEY) or "duckdb").strip().lower()
    if name not in DESTINATIONS:
        raise UserError(
            f"warehouse.destination {name!r} is not supported; "
            f"use one of: {', '.join(DESTINATIONS)}"
        )
    if name == "duckdb":
        return DuckDbWarehouse(duckdb_path)
    from pipelines.warehouse_postgres import PostgresWarehouse

    return PostgresWarehouse(Path(duckdb_path).expanduser().resolve().parent)
