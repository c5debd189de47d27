"""PostgreSQL as the warehouse (`warehouse.destination = "postgres"`); see `pipelines.warehouse`.

Credentials are dlt's: `[destination.postgres] credentials = "postgresql://user:pw@host:5432/db"`
in .dlt/secrets.toml, or DESTINATION__POSTGRES__CREDENTIALS (a Unix socket folder as the host,
percent-encoded: `postgresql://user@%2Frun%2Fpostgresql/db`). The dlt loader, dbt (target
`postgres` of profiles.yml) and the Python readers all connect with them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import dlt

from pipelines.errors import UserError, first_line
from pipelines.warehouse import DBT_TARGET_ENV, Warehouse

PASSWORD_ENV = "DBT_ENV_SECRET_MATOMO_PG_PASSWORD"  # DBT_ENV_SECRET_: dbt keeps it out of logs


class PostgresWarehouse(Warehouse):
    kind = "postgres"
    # dlt loads arrow tables (the Live tables) into PostgreSQL as CSV by default, with
    # FORCE_NULL on every nullable column: an empty string would arrive as NULL. INSERT keeps it.
    loader_file_format = "insert_values"

    def __init__(self, folder: Path):
        self.credentials = _credentials()
        self.folder = folder
        self.stem = f"postgres_{self.credentials.database}"

    def __str__(self) -> str:
        c = self.credentials
        return f"postgresql://{c.username}@{unquote(c.host)}:{c.port}/{c.database}"

    def destination(self) -> Any:
        return dlt.destinations.postgres(credentials=self.credentials)

    def connect_args(self) -> dict[str, Any]:
        c = self.credentials
        return {
            "host": unquote(c.host),
            "port": c.port,
            "user": c.username,
            "password": c.password or "",
            "dbname": c.database,
            "connect_timeout": c.connect_timeout,
        }

    @contextlib.contextmanager
    def connect(self, read_only: bool = False) -> Iterator[PgConnection]:
        import psycopg2

        try:
            raw = psycopg2.connect(**self.connect_args())
        except psycopg2.OperationalError as err:
            raise UserError(
                f"cannot connect to PostgreSQL {self}: {first_line(err)}; check "
                "[destination.postgres] credentials"
            ) from None
        raw.set_session(readonly=read_only)
        try:
            yield PgConnection(raw)
            raw.commit()
        finally:
            raw.close()

    def dbt_env(self) -> dict[str, str]:
        args = self.connect_args()
        return {
            DBT_TARGET_ENV: "postgres",
            "MATOMO_PG_HOST": str(args["host"]),
            "MATOMO_PG_PORT": str(args["port"]),
            "MATOMO_PG_USER": str(args["user"]),
            "MATOMO_PG_DATABASE": str(args["dbname"]),
            PASSWORD_ENV: str(args["password"]),
        }


class PgConnection:
    """psycopg2 behind DuckDB's connection API: `execute(sql, params)` with `?` placeholders
    returns a cursor (`fetchone`, `fetchall`); `sql(sql)` is `execute` without parameters."""

    def __init__(self, raw: Any):
        self.raw = raw

    def execute(self, sql: str, params: Any = ()) -> Any:
        cursor = self.raw.cursor()
        cursor.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params or ()))
        return cursor

    def sql(self, sql: str) -> Any:
        return self.execute(sql)


def _credentials() -> Any:
    from dlt.common.configuration import resolve_configuration
    from dlt.common.configuration.exceptions import ConfigFieldMissingException
    from dlt.destinations.impl.postgres.configuration import PostgresCredentials

    try:
        return resolve_configuration(PostgresCredentials(), sections=("destination", "postgres"))
    except ConfigFieldMissingException:
        raise UserError(
            "warehouse.destination is postgres but no PostgreSQL credentials are set: set "
            "[destination.postgres] credentials in .dlt/secrets.toml or "
            "DESTINATION__POSTGRES__CREDENTIALS (postgresql://user:password@host:5432/database)"
        ) from None
