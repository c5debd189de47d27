"""A run killed with SIGKILL at any point, then re-run, leaves the same tables as a run that was
never interrupted: no duplicates, no gaps, and the saved state never ahead of the loaded data.
Two runs at once on one DuckDB file: the second one refuses to start (exit 2), nothing breaks.

The killed runs are real `matomo-warehouse run --no-transform --only live` processes against a
recording server in this process. Kill points are made deterministic with a `slow` fault (the
run is waiting for Matomo's answer) or with a hook in dlt's load step that parks the process
at a known point (after some load jobs ran; after the visits were appended but before their
job was recorded as done, so dlt runs it again; after all ran, before the package is
completed).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.cli import main
from pipelines.commands.status import source_states
from pipelines.recording import RecordingServer, bundled_recording_dir, load_recording
from pipelines.recording.recording import Recording
from pipelines.runner import LoadOptions, load
from tests.conftest import TOKEN
from tests.test_faults import Snapshot, diff, snapshot

START, END, NOW = "2026-10-05", "2026-10-11", "2026-11-26T00:00:00Z"
REPO = Path(__file__).resolve().parents[1]

# Runs the CLI in a child process; ATOMICITY_POINT parks it where the test wants to kill it
# and announces it by creating the ATOMICITY_MARKER file.
CHILD = r"""
import os, sys, time
point, marker = os.environ.get("ATOMICITY_POINT", ""), os.environ.get("ATOMICITY_MARKER", "")

def park():
    open(marker, "w").close()
    time.sleep(120)

if point == "load-mid":  # some load jobs have run, others not
    from dlt.load.load import Load
    run_job, done = Load.w_run_job, []
    def w_run_job(self, *args, **kwargs):
        result = run_job(self, *args, **kwargs)
        done.append(1)
        if len(done) >= 3:
            park()
        return result
    Load.w_run_job = w_run_job
elif point == "load-copied":  # visits appended (committed), its job not recorded as done
    from dlt.destinations.impl.duckdb.duck import DuckDbCopyJob
    copy_rows = DuckDbCopyJob.run
    def run(self):
        copy_rows(self)
        if self.load_table_name == "visits":
            park()
    DuckDbCopyJob.run = run
elif point == "load-end":  # every job ran, the package is not marked complete
    from dlt.load.load import Load
    def complete_package(self, *args, **kwargs):
        park()
    Load.complete_package = complete_package

from pipelines.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def recording() -> Recording:
    return load_recording(bundled_recording_dir())


@pytest.fixture(scope="module")
def clean(recording: Recording, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    db = tmp_path_factory.mktemp("clean") / "w.duckdb"
    with RecordingServer(recording, token=TOKEN) as server:
        assert live_load(db, server.url).ok
    return snapshot(db)


def live_load(db: Path, url: str) -> Any:
    return load(
        db,
        LoadOptions(
            url=url, api_token=TOKEN, start_date=START, end_date=END, now=NOW, reports=False
        ),
    )


def cli_args(url: str, db: Path) -> list[str]:
    return [
        "run",
        "--no-transform",
        "--only",
        "live",
        "--url",
        url,
        "--start-date",
        START,
        "--end-date",
        END,
        "--now",
        NOW,
        "--duckdb",
        str(db),
    ]


@contextlib.contextmanager
def child_run(url: str, db: Path, point: str = "") -> Iterator[tuple[subprocess.Popen, Path]]:
    marker = db.parent / "parked"
    env = {
        **os.environ,
        "SOURCES__MATOMO__API_TOKEN": TOKEN,
        "ATOMICITY_POINT": point,
        "ATOMICITY_MARKER": str(marker),
        "SOURCES__MATOMO__BACKOFF_BASE": "0.01",
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, *cli_args(url, db)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield proc, marker
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def wait_for(condition: Any, proc: subprocess.Popen, what: str, limit_s: float = 90) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"the run ended (exit {proc.returncode}) before {what}: {err[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def assert_state_not_ahead(db: Path) -> None:
    """Each site's committed last_final_day has its visits loaded (or there is no state)."""
    if not db.exists():
        return
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'matomo_raw'"
            ).fetchall()
        }
        if "_dlt_pipeline_state" not in tables:
            return
        live_state = source_states(con).get("matomo", {}).get("live", {})
        loaded = (
            dict(
                con.execute(
                    "select id_site::varchar, max(visit_date)::varchar from matomo_raw.visits "
                    "group by 1"
                ).fetchall()
            )
            if "visits" in tables
            else {}
        )
    for site, entry in live_state.items():
        assert entry["last_final_day"] <= loaded.get(site, ""), (site, entry, loaded)


@pytest.mark.parametrize("point", ["extract", "load-mid", "load-copied", "load-end"])
def test_killed_run_then_rerun_equals_an_uninterrupted_run(
    point: str,
    clean: Snapshot,
    recording: Recording,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    db = tmp_path / "w.duckdb"
    # extract: the 7th Live request hangs; the run is killed while it waits for the answer
    faults = ["slow:method=Live.*:after=6:seconds=60"] if point == "extract" else []
    with RecordingServer(recording, token=TOKEN, faults=faults) as server:
        with child_run(server.url, db, "" if point == "extract" else point) as (proc, marker):
            if point == "extract":
                wait_for(lambda: server.fault_plan.fired_counts()[0][1] > 0, proc, "the slow call")
            else:
                wait_for(marker.exists, proc, f"the {point} hook")
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        assert_state_not_ahead(db)
        # the re-run, as the scheduler would start it (no --start-date: continue from state)
        assert live_load(db, server.url).ok
    assert_state_not_ahead(db)
    assert diff(snapshot(db), clean) == {}
    if point == "load-copied":  # the appended rows were there: removed, then loaded once
        assert "removed 1345 row(s) of visits its replay writes again" in caplog.text


def test_second_concurrent_run_is_refused_and_nothing_breaks(
    clean: Snapshot, recording: Recording, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    # the first run holds the lock while its 1st Live request takes 3 s
    server = RecordingServer(recording, token=TOKEN, faults=["slow:method=Live.*:seconds=3"])
    with server, child_run(server.url, db) as (proc, _):
        wait_for(lambda: server.fault_plan.fired_counts()[0][1] > 0, proc, "the slow call")
        os.environ["SOURCES__MATOMO__API_TOKEN"] = TOKEN
        try:
            code = main(cli_args(server.url, db))
        finally:
            del os.environ["SOURCES__MATOMO__API_TOKEN"]
        err = capsys.readouterr().err
        assert code == 2
        assert f"error: another matomo-warehouse run is using {db.resolve()}" in err
        assert "nothing was written by this one" in err
        proc.wait(timeout=120)
        assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert diff(snapshot(db), clean) == {}
