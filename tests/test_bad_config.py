"""Bad configuration: each mistake gives one clear `error: ...` line on stderr and a non-zero exit
from the CLI, before anything is written to the warehouse."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.cli import main
from pipelines.recording import RecordingServer, bundled_recording_dir, load_recording
from pipelines.recording.dispatch import Answer
from pipelines.recording.recording import Recording
from tests.conftest import TOKEN
from tests.test_faults import _html_site

START, END, NOW = "2026-10-05", "2026-10-11", "2026-11-26T00:00:00Z"
LIVE_DISABLED = (
    "Visits log is deactivated globally. A user with super user access can enable this feature "
    "in the general settings."
)


@pytest.fixture(scope="module")
def recording() -> Recording:
    return load_recording(bundled_recording_dir())


@pytest.fixture()
def server(recording: Recording) -> Iterator[RecordingServer]:
    with RecordingServer(recording, token=TOKEN) as srv:
        yield srv


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
    monkeypatch.setenv("SOURCES__MATOMO__MAX_RETRIES", "1")
    monkeypatch.setenv("SOURCES__MATOMO__BACKOFF_BASE", "0.01")
    monkeypatch.setenv("SOURCES__MATOMO__REQUEST_TIMEOUT", "5")


def run_cli(db: Path, url: str, *extra: str, dates: bool = True) -> list[str]:
    args = ["run", "--no-transform", "--url", url, "--duckdb", str(db), "--now", NOW, *extra]
    if dates:
        args += ["--start-date", START, "--end-date", END]
    return args


def fails_cleanly(args: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI; assert a non-zero exit, one `error:` line and an untouched warehouse."""
    try:
        code = main(args)
    except SystemExit as exit_:  # argparse rejects the arguments
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code != 0
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    assert TOKEN not in err
    assert data_tables(db) == []
    return errors[0]


def data_tables(db: Path) -> list[str]:
    if not db.exists():
        return []
    with duckdb.connect(str(db), read_only=True) as con:
        return [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = "
                "'matomo_raw' and table_name not like '\\_dlt%' escape '\\'"
            ).fetchall()
        ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_missing_token(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("SOURCES__MATOMO__API_TOKEN")
    line = fails_cleanly(run_cli(tmp_path / "w.duckdb", server.url), tmp_path / "w.duckdb", capsys)
    assert "api_token" in line and "SOURCES__MATOMO__API_TOKEN" in line
    assert server.total_requests() == 0


def test_empty_token(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", "  ")
    line = fails_cleanly(run_cli(tmp_path / "w.duckdb", server.url), tmp_path / "w.duckdb", capsys)
    assert "api_token" in line
    assert server.total_requests() == 0


def test_wrong_token(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", "not-the-token")
    line = fails_cleanly(run_cli(tmp_path / "w.duckdb", server.url), tmp_path / "w.duckdb", capsys)
    assert "Unable to authenticate with the provided token" in line
    assert "(HTTP 401); check sources.matomo.api_token" in line
    assert server.total_requests() == 1  # not retried


@pytest.mark.parametrize(
    ("url", "cause"),
    [
        (f"http://127.0.0.1:{free_port()}/", "(connection refused); check sources.matomo.url"),
        ("http://matomo.invalid/", "(DNS lookup failed); check sources.matomo.url"),
        ("ftp://matomo.example.com/", "is not an http(s) URL; set sources.matomo.url"),
    ],
    ids=["connection_refused", "dns_failure", "not_http"],
)
def test_wrong_url(
    url: str, cause: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = fails_cleanly(run_cli(tmp_path / "w.duckdb", url), tmp_path / "w.duckdb", capsys)
    assert cause in line


def test_url_of_a_web_page_that_is_not_matomo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _html_site() as url:
        line = fails_cleanly(run_cli(tmp_path / "w.duckdb", url), tmp_path / "w.duckdb", capsys)
    assert "answered non-JSON (Welcome to nginx!" in line and "a Matomo server?" in line


@pytest.mark.parametrize("site", ["99999", "3"])
def test_unknown_or_forbidden_site(
    site: str, tmp_path: Path, server: RecordingServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    line = fails_cleanly(run_cli(db, server.url, "--site", site), db, capsys)
    assert f"SitesManager.getSiteFromId site={site}: " in line
    assert f"website id was set to '{site}'" in line


def test_live_api_disabled(
    tmp_path: Path, server: RecordingServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Matomo's own message when the visits log is disabled (plugins/Live/Live.php)."""
    answer = server.dispatcher.answer

    def live_disabled(params: Any, auth: str, **kw: Any) -> Answer:
        if params.get("method") == "Live.getLastVisitsDetails" and auth == "valid":
            return Answer.error(LIVE_DISABLED)
        return answer(params, auth, **kw)

    server.dispatcher.answer = live_disabled  # type: ignore[method-assign]
    db = tmp_path / "w.duckdb"
    line = fails_cleanly(run_cli(db, server.url, "--only", "live"), db, capsys)
    assert "Matomo Live.getLastVisitsDetails site=" in line
    assert " period=day date=2026-10-" in line
    assert "Visits log is deactivated globally" in line


def test_unknown_report_method(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(
        "SOURCES__MATOMO__EXTRA_REPORTS", json.dumps([{"method": "VisitsSummary.getNoSuchMethod"}])
    )
    db = tmp_path / "w.duckdb"
    line = fails_cleanly(run_cli(db, server.url), db, capsys)
    assert "VisitsSummary.getNoSuchMethod not offered by this Matomo" in line
    assert "extra_reports" in line
    assert "Live.getLastVisitsDetails" not in server.request_counts()


def test_malformed_report_entry(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__EXTRA_REPORTS", json.dumps([{"method": "nodot"}]))
    db = tmp_path / "w.duckdb"
    line = fails_cleanly(run_cli(db, server.url), db, capsys)
    assert "'nodot' is not of the form Module.action" in line


def test_malformed_start_date_argument(
    tmp_path: Path, server: RecordingServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    args = run_cli(db, server.url, "--start-date", "2026-13-45", dates=False)
    line = fails_cleanly(args, db, capsys)
    assert "'2026-13-45' is not a date; use YYYY-MM-DD" in line
    assert server.total_requests() == 0


def test_malformed_start_date_in_config(
    tmp_path: Path,
    server: RecordingServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SOURCES__MATOMO__START_DATE", "05/10/2026")
    db = tmp_path / "w.duckdb"
    line = fails_cleanly(run_cli(db, server.url, dates=False), db, capsys)
    assert "start_date '05/10/2026' is not a date" in line
    assert server.total_requests() == 0


def test_end_before_start(
    tmp_path: Path, server: RecordingServer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "w.duckdb"
    args = run_cli(db, server.url, "--start-date", END, "--end-date", START, dates=False)
    line = fails_cleanly(args, db, capsys)
    assert f"--end-date {START} is before --start-date {END}" in line
