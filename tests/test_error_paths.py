"""Error paths keep their promise: one `error:` line naming the cause and what to do, the
documented exit code, nothing created or half-written.

Against the bundled real recording served over HTTP; a DuckDB file held by another process,
a read-only folder and Ctrl-C use real subprocesses.
"""

from __future__ import annotations

import errno
import gzip
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.cli import main
from pipelines.errors import explain
from pipelines.recording import RecordingServer, bundled_recording_dir
from pipelines.runner import LoadOptions, load
from tests.conftest import TOKEN
from tests.test_faults import Snapshot, diff, snapshot

START, END, NOW = "2026-10-05", "2026-10-11", "2026-11-26T00:00:00Z"
REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "pipelines.cli"]


def run_args(url: str, db: Path, *extra: str) -> list[str]:
    dates = ["--start-date", START, "--end-date", END, "--now", NOW]
    return ["run", "--no-transform", "--url", url, "--duckdb", str(db), *dates, *extra]


@pytest.fixture()
def token_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)


def child_env() -> dict[str, str]:
    return {**os.environ, "SOURCES__MATOMO__API_TOKEN": TOKEN, "SOURCES__MATOMO__BACKOFF_BASE": "0"}


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error:")]


# ------------------------------------------------------------------ a DuckDB file held open


@pytest.fixture()
def held(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A warehouse file another process (a BI tool, a notebook) holds open read-write."""
    db = tmp_path / "matomo_warehouse.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "ready"
        yield db, holder.pid
    finally:
        holder.kill()
        holder.wait(timeout=30)


HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); \
time.sleep(120)"


def test_locked_warehouse_names_the_holder_and_the_bi_file(
    held: tuple[Path, int],
    server: RecordingServer,
    token_env: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, pid = held
    want = re.compile(
        rf"error: matomo_warehouse\.duckdb is locked by another process \(PID {pid}: .+\); "
        r"BI tools should read matomo_warehouse_bi\.duckdb \(see README: BI tools\); "
        r"stop that process or wait, then re-run"
    )
    for args in (
        run_args(server.url, db, "--only", "live", "--site", "1"),
        ["reconcile", "--duckdb", str(db)],
        ["status", "--duckdb", str(db)],
        ["transform", "--duckdb", str(db)],
    ):
        assert main(args) == 2, args
        err = capsys.readouterr().err
        assert "with exception:" not in err and "Traceback" not in err
        assert [line for line in error_lines(err) if want.fullmatch(line)], (args, err)


# ------------------------------------------------------------------ unwritable folder, full disk


def test_read_only_folder_is_one_line_exit_2(server: RecordingServer, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    # root ignores file modes: drop the capabilities that let it (util-linux setpriv)
    as_user = (
        ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]
        if os.geteuid() == 0
        else []
    )
    assert not as_user or shutil.which("setpriv"), "running as root needs setpriv"
    # the lock file is the first thing written; a missing sub-folder is made first
    for db, written in (
        (folder / "w.duckdb", folder / ".w.duckdb.lock"),
        (folder / "a" / "w.duckdb", folder / "a"),
    ):
        done = subprocess.run(
            [*as_user, *CLI, "-q", *run_args(server.url, db, "--only", "live")],
            cwd=REPO,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2, done.stderr
        assert done.stderr.splitlines() == [
            f"error: cannot write {written}: Permission denied; make its folder writable for "
            "this user or use another --duckdb path"
        ]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("cause", "line"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "/srv/w.duckdb.wal"),
            "no space left on the device of /srv/w.duckdb.wal; free some space, then re-run "
            "(the next run finishes or redoes this one's load)",
        ),
        (
            OSError(errno.EROFS, "Read-only file system", "/mnt/ro/.w.duckdb.lock"),
            "/mnt/ro/.w.duckdb.lock is on a read-only file system; use a writable folder for "
            "--duckdb",
        ),
        (
            duckdb.IOException(
                'IO Error: Could not write file "/srv/w.duckdb.wal": No space left on device'
            ),
            "no space left on the device of /srv/w.duckdb.wal; free some space, then re-run "
            "(the next run finishes or redoes this one's load)",
        ),
    ],
)
def test_disk_errors_are_one_line(cause: Exception, line: str) -> None:
    """A full disk is not cheap to make here: the messages for the errors it raises."""
    try:
        try:
            raise cause
        except Exception as exc:
            raise RuntimeError("Pipeline execution failed at `step=load` with exception:") from exc
    except RuntimeError as wrapped:
        assert str(explain(wrapped)) == line


# ------------------------------------------------------------------ Ctrl-C


@pytest.fixture(scope="module")
def clean_live(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    db = tmp_path_factory.mktemp("clean") / "w.duckdb"
    with RecordingServer(bundled_recording_dir(), token=TOKEN) as srv:
        options = LoadOptions(
            url=srv.url, api_token=TOKEN, start_date=START, end_date=END, now=NOW, reports=False
        )
        assert load(db, options).ok
    return snapshot(db)


# Ctrl-C in dlt's load step: the child sends itself SIGINT after its 3rd load job
INTERRUPT_IN_LOAD = r"""
import os, signal, sys
from dlt.load.load import Load
run_job, done = Load.w_run_job, []
def w_run_job(self, *args, **kwargs):
    result = run_job(self, *args, **kwargs)
    done.append(1)
    if len(done) == 3:
        os.kill(os.getpid(), signal.SIGINT)
    return result
Load.w_run_job = w_run_job
from pipelines.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("step", ["extract", "load"])
def test_ctrl_c_exits_130_and_the_rerun_equals_an_uninterrupted_run(
    step: str, clean_live: Snapshot, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    latency = 0.05 if step == "extract" else 0.0  # slow answers: a run still extracting
    with RecordingServer(bundled_recording_dir(), token=TOKEN, latency_s=latency) as srv:
        program = [*CLI] if step == "extract" else [sys.executable, "-c", INTERRUPT_IN_LOAD]
        proc = subprocess.Popen(
            [*program, *run_args(srv.url, db, "--only", "live")],
            cwd=REPO,
            env=child_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        if step == "extract":  # while it waits for Matomo's answers
            deadline = time.monotonic() + 60
            while srv.request_counts().get("Live.getLastVisitsDetails", 0) < 4:
                assert proc.poll() is None and time.monotonic() < deadline, "never reached Live"
                time.sleep(0.01)
            proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=90)
        assert proc.returncode == 130, err
        assert error_lines(err) == ["error: interrupted; re-run to continue"]
        assert "Traceback" not in err
    with RecordingServer(bundled_recording_dir(), token=TOKEN) as srv:
        # as the scheduler re-runs it: start_date as configured, the saved state wins
        options = LoadOptions(
            url=srv.url, api_token=TOKEN, start_date=START, end_date=END, now=NOW, reports=False
        )
        assert load(db, options).ok
    assert diff(snapshot(db), clean_live) == {}


# ------------------------------------------------------------------ bad input


def test_transform_select_matching_nothing_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    assert main(["transform", "--duckdb", str(db), "--select", "no_such_model"]) == 2
    assert error_lines(capsys.readouterr().err) == [
        "error: --select matched no dbt node: no_such_model"
    ]


@pytest.mark.parametrize("command", ["status", "reconcile", "transform"])
def test_commands_on_a_missing_warehouse_create_nothing(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "nothing.duckdb"
    assert main([command, "--duckdb", str(db)]) == 2
    assert error_lines(capsys.readouterr().err) == [
        f"error: no warehouse at {db}; run `matomo-warehouse run` first"
    ]
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------ many failed report requests


SHAPES = REPO.parent / "shared" / "matomo-recordings" / "public-shapes"


@pytest.fixture(scope="module")
def events_disabled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled recording with every Events.* answer replaced by the answer Matomo gave with
    the Events plugin deactivated (public-shapes, scenario events-plugin-deactivated)."""
    with gzip.open(SHAPES / "calls.jsonl.gz", "rt") as handle:
        calls = (json.loads(line) for line in handle)
        body = next(
            c["body"]
            for c in calls
            if c.get("scenario") == "events-plugin-deactivated"
            and c["method"].startswith("Events.")
        )
    folder = tmp_path_factory.mktemp("events-disabled")
    shutil.copy(bundled_recording_dir() / "manifest.json", folder)
    with (
        gzip.open(bundled_recording_dir() / "calls.jsonl.gz", "rt") as src,
        gzip.open(folder / "calls.jsonl.gz", "wt") as dst,
    ):
        for line in src:
            call = json.loads(line)
            if call["method"].startswith("Events."):
                call["body"] = body
            dst.write(json.dumps(call) + "\n")
    return folder


def test_failed_report_requests_are_summarised(
    events_disabled: Path, tmp_path: Path, token_env: None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="matomo_warehouse")
    with RecordingServer(events_disabled, token=TOKEN) as srv:
        args = run_args(srv.url, tmp_path / "w.duckdb", "--only", "reports", "--site", "1")
        assert main(args) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    total = re.fullmatch(
        r"(\d+) report failure\(s\); their state did not advance, re-run to retry",
        errors[-1],
    )
    assert total, errors
    line = re.compile(
        r"(Events\.get\w+): The plugin Events is not enabled\. .+ — (\d+) requests, site 1, "
        r"(\d{4}-\d\d-\d\d)\.\.(\d{4}-\d\d-\d\d)"
    )
    groups = [line.fullmatch(e) for e in errors[:-1]]
    assert all(groups), errors
    methods = sorted(g[1] for g in groups)
    assert methods == ["Events.getAction", "Events.getCategory", "Events.getName"], errors
    assert sum(int(g[2]) for g in groups) == int(total[1])
    assert all(g[3] <= START and g[4] == END for g in groups)
    loaded = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("loaded "))
    tables = loaded.split(": ", 1)[1]  # after `loaded PATH in Ns`
    assert len(tables) < 200 and re.search(r" and \d+ more$", tables), loaded
