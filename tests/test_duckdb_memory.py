"""`[warehouse] duckdb_memory_limit`: DuckDB's memory limit reaches the loader's connection
and dbt's environment; a bad value is one clear line before anything is written; a load that
runs out of memory says what to do and loses nothing (the re-run finishes it)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import warehouse
from pipelines.cli import main
from pipelines.matomo import settings
from pipelines.recording import RecordingServer
from pipelines.runner import pipeline_for
from tests.conftest import TOKEN
from tests.test_bad_config import fails_cleanly, run_cli

KEY_ENV = "WAREHOUSE__DUCKDB_MEMORY_LIMIT"


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
    monkeypatch.setenv("SOURCES__MATOMO__MAX_RETRIES", "1")
    monkeypatch.setenv("SOURCES__MATOMO__BACKOFF_BASE", "0.01")
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.delenv("LOAD__WORKERS", raising=False)


def reported(db: Path, setting: str) -> str:
    """What the loader's DuckDB connection (dlt's, from the destination) reports."""
    with pipeline_for(db).sql_client() as client:
        return str(client.execute_sql(f"select current_setting('{setting}')")[0][0])


def duckdb_says(limit: str) -> str:
    """How DuckDB itself shows `limit` (e.g. '300MB' -> '286.1 MiB')."""
    with duckdb.connect() as con:
        con.execute("SET memory_limit = ?", [limit])
        return str(con.execute("select current_setting('memory_limit')").fetchone()[0])


def test_loader_connection_and_dbt_get_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.duckdb"
    assert reported(db, "memory_limit") == duckdb_says(settings.DEFAULT_DUCKDB_MEMORY_LIMIT)
    assert reported(db, "threads") == "1"
    defaults = warehouse.DuckDbWarehouse(db).dbt_env()
    assert defaults[warehouse.MEMORY_LIMIT_ENV] == settings.DEFAULT_DBT_MEMORY_LIMIT  # unset
    monkeypatch.setenv(KEY_ENV, "300MB")
    assert reported(db, "memory_limit") == duckdb_says("300MB") != duckdb_says("256MB")
    wh = warehouse.DuckDbWarehouse(db)
    assert wh.dbt_env()[warehouse.MEMORY_LIMIT_ENV] == "300MB"
    monkeypatch.setenv(KEY_ENV, "")  # DuckDB's own default: nothing set, nothing exported
    assert warehouse.MEMORY_LIMIT_ENV not in warehouse.DuckDbWarehouse(db).dbt_env()
    with duckdb.connect() as con:
        default = con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert reported(db, "memory_limit") == default


def test_duckdb_loads_one_job_at_a_time_unless_configured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    pipeline_for(tmp_path / "w.duckdb")
    assert os.environ["LOAD__WORKERS"] == "1"
    monkeypatch.setenv("LOAD__WORKERS", "3")  # the user's setting wins
    pipeline_for(tmp_path / "w.duckdb")
    assert os.environ["LOAD__WORKERS"] == "3"


@pytest.mark.parametrize("value", ["lots", "512", "80%"])
def test_bad_limit_is_one_line_before_anything_is_written(
    value: str,
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(KEY_ENV, value)
    db = tmp_path / "w.duckdb"
    assert main(["status", "--duckdb", str(db)]) == 2
    capsys.readouterr()
    line = fails_cleanly(run_cli(db, server.url), db, capsys)
    assert f"warehouse.duckdb_memory_limit {value!r} is not a memory size" in line


def test_out_of_memory_says_what_to_do_and_the_rerun_loses_nothing(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "w.duckdb"
    monkeypatch.setenv(KEY_ENV, "1MB")
    assert main(run_cli(db, server.url)) == 2
    errors = [line for line in capsys.readouterr().err.splitlines() if "error:" in line]
    assert len(errors) == 1
    assert "DuckDB ran out of memory under warehouse.duckdb_memory_limit" in errors[0]
    monkeypatch.setenv(KEY_ENV, "256MB")
    assert main(run_cli(db, server.url)) == 0
    reference = tmp_path / "ref.duckdb"
    assert main(run_cli(reference, server.url)) == 0
    with duckdb.connect() as con:
        con.execute(f"ATTACH '{db}' AS a (READ_ONLY)")
        con.execute(f"ATTACH '{reference}' AS b (READ_ONLY)")
        for table in ("visits", "visit_actions", "ecommerce_items"):
            counts = [
                con.execute(f"select count(*) from {c}.matomo_raw.{table}").fetchone()[0]
                for c in ("a", "b")
            ]
            assert counts[0] == counts[1] > 0, table
            missing = con.execute(
                f"select count(*) from (select id_site, id_visit from b.matomo_raw.{table} "
                f"except all select id_site, id_visit from a.matomo_raw.{table})"
            ).fetchone()[0]
            assert missing == 0, table


def test_dbt_out_of_memory_says_which_key_to_raise(caplog: pytest.LogCaptureFixture) -> None:
    """A model failing with DuckDB's out-of-memory error gets one line naming the key."""
    from types import SimpleNamespace

    from pipelines import transform

    node = SimpleNamespace(resource_type="model", name="metrics_pages")
    failed = SimpleNamespace(
        node=node,
        status="error",
        message="Out of Memory Error: failed to allocate data of size 16.0 MiB (953.6 MiB used)",
    )
    result = SimpleNamespace(result=[failed], success=False, exception=None)
    with caplog.at_level("ERROR", logger="matomo_warehouse"):
        assert transform._report(result, 1.0) == 1
    lines = [r.getMessage() for r in caplog.records]
    assert "model metrics_pages: Out of Memory Error" in lines[0]
    assert lines[-1] == (
        "dbt ran out of DuckDB memory (dbt's default 1GB): raise "
        "warehouse.duckdb_memory_limit, e.g. WAREHOUSE__DUCKDB_MEMORY_LIMIT=4GB"
    )
