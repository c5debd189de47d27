"""`publish`: the marts copied to a read-only DuckDB file that readers can hold open.

The warehouse is the bundled real recording loaded and built by `demo` (once per module).
Readers and writers that must not share a process (DuckDB's file locks are per process) run
as subprocesses."""

from __future__ import annotations

import json
import logging
import re
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines import publish as publish_module
from pipelines import workflow
from pipelines.publish import PUBLISHED_SCHEMAS, publish, published_path

# A reader that opens the file read-only once, then counts rows every 10 ms, one JSON line each,
# until the stop file appears.
READER = """
import json, os, sys, time, duckdb
path, sql, stop = sys.argv[1:4]
con = duckdb.connect(path, read_only=True)
while not os.path.exists(stop):
    try:
        print(json.dumps({"t": time.time(), "n": con.execute(sql).fetchone()[0]}), flush=True)
    except Exception as err:
        print(json.dumps({"t": time.time(), "error": repr(err)}), flush=True)
    time.sleep(0.01)
"""
# A writer that holds the warehouse open read-write in an open transaction until the stop file.
WRITER = """
import os, sys, time, duckdb
path, stop = sys.argv[1:3]
con = duckdb.connect(path)
con.execute("begin")
con.execute("delete from matomo.fct_visits where rowid < 10")
print("writing", flush=True)
while not os.path.exists(stop):
    time.sleep(0.01)
con.execute("rollback")
"""
COUNT_VISITS = "select count(*) from matomo.fct_visits"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("publish") / "matomo_warehouse.duckdb"
    assert workflow.demo(path) == 0  # load, dbt build, reconcile: what a refresh publishes
    with duckdb.connect(str(path)) as con:  # views are published too (as tables); like dbt's,
        con.execute(  # this one names its table through the warehouse's catalog
            "create or replace view matomo.v_fct_visits as "
            "select * from matomo_warehouse.matomo.fct_visits"
        )
    return path


@pytest.fixture(scope="module")
def published(warehouse: Path) -> Path:
    return publish(warehouse)


def _relations(con: duckdb.DuckDBPyConnection, schema: str) -> dict[str, str]:
    """name -> table type of every relation of a schema of the connection's own catalog."""
    rows = con.execute(
        "select table_name, table_type from information_schema.tables "
        "where table_schema = ? and table_catalog = current_database()",
        [schema],
    ).fetchall()
    return dict(rows)


def _shape(con: duckdb.DuckDBPyConnection, schema: str, name: str) -> tuple:
    """(row count, [(column, type, comment)]) of one relation."""
    count = con.execute(f'select count(*) from {schema}."{name}"').fetchone()[0]
    columns = con.execute(
        "select column_name, data_type, comment from duckdb_columns() "
        "where schema_name = ? and table_name = ? and database_name = current_database() "
        "order by column_index",
        [schema, name],
    ).fetchall()
    return count, columns


def test_published_file_has_every_mart(warehouse: Path, published: Path) -> None:
    assert published == warehouse.with_name("matomo_warehouse_bi.duckdb")
    assert stat.S_IMODE(published.stat().st_mode) == 0o444
    leftovers = [p.name for p in warehouse.parent.iterdir() if ".tmp" in p.name or ".wal" in p.name]
    assert leftovers == []  # no temporary file or WAL left behind
    with (
        duckdb.connect(str(warehouse), read_only=True) as src,
        duckdb.connect(str(published), read_only=True) as dst,
    ):
        compared = 0
        for schema in PUBLISHED_SCHEMAS:
            expected = _relations(src, schema)
            assert set(_relations(dst, schema)) == set(expected), schema
            assert set(_relations(dst, schema).values()) <= {"BASE TABLE"}  # views materialised
            for name in expected:
                assert _shape(dst, schema, name) == _shape(src, schema, name), (schema, name)
                compared += 1
        assert {"fct_visits", "v_fct_visits", "dim_sites"} <= set(_relations(dst, "matomo"))
        # the reconciliation: matomo_audit.reconciliation (or matomo.reconciliation before it)
        assert any("reconciliation" in _relations(dst, s) for s in PUBLISHED_SCHEMAS)
        assert dst.execute(COUNT_VISITS).fetchone()[0] > 0
        comments = "select count(comment) from {} where schema_name = 'matomo'"
        tables, views = comments.format("duckdb_tables()"), comments.format("duckdb_views()")
        # views (metrics_ecommerce) are published as tables, with their comments
        src_count = src.execute(tables).fetchone()[0] + src.execute(views).fetchone()[0]
        assert dst.execute(tables).fetchone()[0] == src_count
    assert compared >= 19


def test_publish_logs_one_line(warehouse: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="matomo_warehouse"):
        path = publish(warehouse)
    with duckdb.connect(str(path), read_only=True) as con:
        tables = con.execute("select count(*) from duckdb_tables()").fetchone()[0]
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("published ")]
    assert len(lines) == 1
    assert re.fullmatch(
        rf"published {tables} tables to {re.escape(str(path))} in \d+\.\ds", lines[0]
    )


@pytest.fixture()
def second_warehouse(warehouse: Path, tmp_path: Path) -> Path:
    """A copy of the built warehouse (the module's one stays as demo built it)."""
    path = tmp_path / "matomo_warehouse.duckdb"
    shutil.copy(warehouse, path)
    return path


def _spawn(script: str, *args: Path | str, out: Path) -> subprocess.Popen:
    with open(out, "w") as handle:
        return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], stdout=handle)


def _lines(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_text().splitlines() if line.endswith("}")]


def _wait_for(out: Path, after: float, timeout: float = 60.0) -> None:
    """Until the reader has answered a query started after `after` (time.time())."""
    deadline = time.monotonic() + timeout
    while not any(line["t"] > after for line in _lines(out)):
        assert time.monotonic() < deadline, f"reader silent since {after}: {out.read_text()}"
        time.sleep(0.02)


@pytest.fixture()
def stop_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "stop"
    yield path
    path.touch()  # ends any helper process a failed test left running


def test_reader_keeps_old_file_new_reader_sees_new_data(
    second_warehouse: Path, tmp_path: Path, stop_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = publish(second_warehouse)
    with duckdb.connect(str(second_warehouse)) as con:
        before = con.execute(COUNT_VISITS).fetchone()[0]
    out = tmp_path / "reader.jsonl"
    reader = _spawn(READER, target, COUNT_VISITS, stop_file, out=out)
    _wait_for(out, 0)

    # The refresh writes the warehouse while the reader holds the published file.
    with duckdb.connect(str(second_warehouse)) as con:
        con.execute(
            "delete from matomo.fct_visits "
            "where rowid in (select rowid from matomo.fct_visits limit 100)"
        )
    real_copy = publish_module._copy

    def copy_then_wait(source: Path, temp: Path) -> int:
        count = real_copy(source, temp)
        _wait_for(out, time.time())  # the reader answers mid-publish, new file already written
        with duckdb.connect(str(target), read_only=True) as meanwhile:  # not a partial file
            assert meanwhile.execute(COUNT_VISITS).fetchone()[0] == before
        return count

    monkeypatch.setattr(publish_module, "_copy", copy_then_wait)
    assert publish(second_warehouse) == target
    _wait_for(out, time.time())  # and after the replace
    stop_file.touch()
    assert reader.wait(timeout=60) == 0

    answers = _lines(out)
    assert len(answers) >= 3
    assert all(a.get("n") == before for a in answers), answers  # the old file, no error
    with duckdb.connect(str(target), read_only=True) as fresh:
        assert fresh.execute(COUNT_VISITS).fetchone()[0] == before - 100


def test_published_file_readable_while_warehouse_is_written(
    warehouse: Path, published: Path, tmp_path: Path, stop_file: Path
) -> None:
    out = tmp_path / "writer.out"
    writer = _spawn(WRITER, warehouse, stop_file, out=out)
    deadline = time.monotonic() + 60
    while out.read_text() != "writing\n":
        assert writer.poll() is None and time.monotonic() < deadline, out.read_text()
        time.sleep(0.02)
    try:
        with pytest.raises(duckdb.IOException, match="lock"):  # the problem publish solves
            duckdb.connect(str(warehouse), read_only=True)
        with duckdb.connect(str(published), read_only=True) as con:
            assert con.execute(COUNT_VISITS).fetchone()[0] > 0
    finally:
        stop_file.touch()
        assert writer.wait(timeout=60) == 0


def test_nothing_built_publishes_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(ValueError, match="no marts"):
        publish(empty)
    assert publish_module.run(empty) == 1
    assert "publishing the marts for readers failed: no marts" in caplog.text
    assert not published_path(empty).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["empty.duckdb"]


def test_publish_removes_temp_files_of_killed_publishes(warehouse: Path) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    target = published_path(warehouse)
    abandoned = publish_module._temp_path(target, finished.pid)
    abandoned.write_bytes(b"what a publish killed mid-copy left")
    publish(warehouse)
    assert not abandoned.exists()


def test_reader_held_across_a_refresh(
    second_warehouse: Path, tmp_path: Path, stop_file: Path
) -> None:
    """A BI reader holds the published file while a whole refresh (load, dbt, reconcile,
    publish) runs: the refresh exits 0, the reader keeps answering from the old file, and a
    reconnect sees the refreshed marts."""
    with duckdb.connect(str(second_warehouse)) as con:  # marts that the refresh will repair
        full = con.execute(COUNT_VISITS).fetchone()[0]
        con.execute(
            "delete from matomo.fct_visits "
            "where rowid in (select rowid from matomo.fct_visits limit 100)"
        )
    target = publish(second_warehouse)
    out = tmp_path / "reader.jsonl"
    reader = _spawn(READER, target, COUNT_VISITS, stop_file, out=out)
    _wait_for(out, 0)

    assert workflow.demo(second_warehouse) == 0  # re-reads the recording: dbt rebuilds
    _wait_for(out, time.time())
    stop_file.touch()
    assert reader.wait(timeout=60) == 0
    assert all(a.get("n") == full - 100 for a in _lines(out))  # old file, never an error
    with duckdb.connect(str(target), read_only=True) as fresh:
        assert fresh.execute(COUNT_VISITS).fetchone()[0] == full
