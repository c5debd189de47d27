"""The API token travels only in POST bodies: never in a URL, a log line (all loggers at DEBUG,
dlt's, urllib3's and requests' included), an error message, dlt state, load packages, traces
or any DuckDB table; checked after a run with faults (retries and a failing report) in which
the token came from the environment, as in production."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.cli import main
from pipelines.commands.status import source_states
from pipelines.recording import RecordingServer, bundled_recording_dir

SECRET = "s3cr3t-9f8e7d6c5b4a-token"  # distinctive, so any copy is found
FAULTS = [
    "http_503:method=Live.*:after=2:times=2",
    "reset:method=Live.*:after=6",
    "http_429:method=API.getBulkRequest:after=1:retry_after=0",
    "truncated:method=SitesManager.getSiteFromId",
    "bulk_sub_error:method=Referrers.getAll",  # a report that fails: exit 1, logged
]
NOISY = ("", "dlt", "urllib3", "requests", "pipelines", "matomo_warehouse")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("secrets")
    db = root / "w.duckdb"
    handler = _Collect()
    with (
        pytest.MonkeyPatch.context() as mp,
        RecordingServer(bundled_recording_dir(), token=SECRET, faults=FAULTS) as server,
    ):
        mp.setenv("SOURCES__MATOMO__API_TOKEN", SECRET)
        mp.setenv("SOURCES__MATOMO__BACKOFF_BASE", "0.01")
        mp.setenv("RUNTIME__LOG_LEVEL", "DEBUG")
        loggers = [logging.getLogger(name) for name in NOISY]
        levels = [lg.level for lg in loggers]
        for lg in loggers:
            lg.setLevel(logging.DEBUG)
        logging.getLogger().addHandler(handler)
        try:
            code = main(
                [
                    "-vv",
                    "run",
                    "--no-transform",
                    "--url",
                    server.url,
                    "--duckdb",
                    str(db),
                    "--start-date",
                    "2026-10-05",
                    "--end-date",
                    "2026-10-11",
                    "--now",
                    "2026-11-26T00:00:00Z",
                    "--site",
                    "1",
                ]
            )
        finally:
            logging.getLogger().removeHandler(handler)
            for lg, level in zip(loggers, levels, strict=True):
                lg.setLevel(level)
        yield {
            "code": code,
            "db": db,
            "root": root,
            "server": server,
            "logs": handler.lines,
            "fired": server.fault_plan.fired_counts(),
        }


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.lines.append(f"{record.name}: {text}")


def test_the_run_hit_every_fault_and_reported_the_failing_report(run: dict) -> None:
    assert run["code"] == 1
    assert all(n > 0 for _, n in run["fired"]), run["fired"]
    assert any("retrying in" in line for line in run["logs"])
    assert any("Simulated failure" in line for line in run["logs"])
    assert len(run["logs"]) > 100  # DEBUG logging of every library was on


def test_token_never_in_a_url(run: dict) -> None:
    log = run["server"].access_log
    assert log and all(entry["http_method"] == "POST" for entry in log)
    assert all("token_auth" not in entry["query"] for entry in log)
    assert SECRET not in repr(log)
    assert not [e for e in log if e["status"] in (400, 401)]  # it was accepted: in the body


def test_token_never_logged(run: dict, capsys: pytest.CaptureFixture[str]) -> None:
    hits = [line for line in run["logs"] if SECRET in line]
    assert hits == []
    captured = capsys.readouterr()
    assert SECRET not in captured.out + captured.err


def test_token_not_in_any_file_of_the_pipeline(run: dict) -> None:
    """dlt's working dir (state.json, schemas, load packages, trace.pickle), the lock file,
    and the raw bytes of the DuckDB file."""
    files = [p for p in run["root"].rglob("*") if p.is_file()]
    assert any(p.name == "trace.pickle" for p in files)
    assert any("load" in p.parts for p in files)
    assert [str(p) for p in files if SECRET.encode() in p.read_bytes()] == []


def test_token_not_in_any_duckdb_table_nor_the_state(run: dict) -> None:
    with duckdb.connect(str(run["db"]), read_only=True) as con:
        columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where data_type in ('VARCHAR', 'JSON') or data_type like 'STRUCT%'"
        ).fetchall()
        hits = [
            (s, t, c)
            for s, t, c in columns
            if con.execute(
                f'select count(*) from "{s}"."{t}" where "{c}"::varchar like ?', [f"%{SECRET}%"]
            ).fetchone()[0]
        ]
        state = source_states(con)
    assert columns and hits == []
    assert state and SECRET not in repr(state)


def test_token_not_in_error_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that fails on a persistent fault: the message names the call, not the form."""
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", SECRET)
    monkeypatch.setenv("SOURCES__MATOMO__MAX_RETRIES", "1")
    monkeypatch.setenv("SOURCES__MATOMO__BACKOFF_BASE", "0.01")
    with RecordingServer(
        bundled_recording_dir(), token=SECRET, faults=["http_500:times=0:method=Live.*"]
    ) as server:
        code = main(
            [
                "run",
                "--no-transform",
                "--only",
                "live",
                "--url",
                server.url,
                "--duckdb",
                str(tmp_path / "w.duckdb"),
                "--start-date",
                "2026-10-05",
                "--end-date",
                "2026-10-05",
                "--now",
                "2026-11-26T00:00:00Z",
            ]
        )
    err = capsys.readouterr().err
    assert code == 2 and "error: Matomo Live.getLastVisitsDetails site=" in err
    assert SECRET not in err
