"""Guards of the HTTP client and the day plans, on the recording served by the fake Matomo:
dates capped to the site's life, redirects never followed (the token stays home), and a
circuit breaker that stops a source whose calls keep failing."""

from __future__ import annotations

import contextlib
import datetime as dt
import http.server
import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.cli import main
from pipelines.commands.status import source_states
from pipelines.dates import parse_date
from pipelines.matomo import live
from pipelines.matomo.client import MatomoError
from pipelines.matomo.live.days import plan_days
from pipelines.matomo.reports import schedule
from pipelines.matomo.sites import Site
from pipelines.recording import RecordingServer, bundled_recording_dir, load_recording
from pipelines.recording.recording import Recording
from pipelines.runner import LoadOptions, load
from tests.conftest import TOKEN

R = ["--start-date", "2026-10-05", "--end-date", "2026-10-11", "--now", "2026-10-13T12:00:00Z"]
FAST = {
    "SOURCES__MATOMO__API_TOKEN": TOKEN,
    "SOURCES__MATOMO__BACKOFF_BASE": "0.01",
    "SOURCES__MATOMO__MAX_RETRIES": "3",
    "SOURCES__MATOMO__REQUEST_TIMEOUT": "5",
    "SOURCES__MATOMO__REPORT_PERIODS": '["day"]',
}


@pytest.fixture(scope="module")
def recording() -> Recording:
    return load_recording(bundled_recording_dir())


@pytest.fixture(autouse=True)
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in FAST.items():
        monkeypatch.setenv(key, value)


@pytest.fixture(scope="module")
def sites(recorded_calls: list[dict[str, Any]]) -> dict[int, Site]:
    """The recorded SitesManager.getSiteFromId answers (with their ts_created)."""
    rows = [
        json.loads(c["body"])
        for c in recorded_calls
        if c["method"] == "SitesManager.getSiteFromId" and c["http_status"] == 200
    ]
    return {int(r["idsite"]): Site.from_api(r) for r in rows}


def _cli(db: Path, url: str, *args: str) -> int:
    return main(["run", "--no-transform", "--url", url, "--duckdb", str(db), *args])


def _report_state(db: Path) -> dict[str, Any]:
    with duckdb.connect(str(db), read_only=True) as con:
        return source_states(con).get("matomo_reports", {}).get("reports", {})


def _report_loads(db: Path) -> set[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return set(
            con.execute(
                "select id_site, method, period, date::varchar, report_params, row_count "
                "from matomo_raw.report_loads"
            ).fetchall()
        )


# ------------------------------------------------------------------ 1. dates within the site's life


def test_creation_date_is_the_local_date_of_ts_created(sites: dict[int, Site]) -> None:
    # ts_created "2026-01-01 00:00:00" is UTC: New York's 31 December, Kolkata's 1 January
    assert sites[1].raw["ts_created"] == sites[2].raw["ts_created"] == "2026-01-01 00:00:00"
    assert (sites[1].timezone, sites[1].created) == ("America/New_York", dt.date(2025, 12, 31))
    assert (sites[2].timezone, sites[2].created) == ("Asia/Kolkata", dt.date(2026, 1, 1))


def test_live_days_stay_within_the_sites_life(
    sites: dict[int, Site], caplog: pytest.LogCaptureFixture
) -> None:
    now = parse_date("2026-10-13")
    with caplog.at_level(logging.WARNING):
        plan = plan_days(
            sites[1],
            start_date=dt.date(1900, 1, 1),
            last_final_day=None,
            end_date=dt.date(2099, 12, 31),
            now=dt.datetime(2026, 10, 13, 12, tzinfo=dt.UTC),
        )
    assert plan.days[0] == sites[1].created and plan.days[-1] == now  # NY: 08:00 on the 13th
    warned = [r.getMessage() for r in caplog.records]
    assert warned == [
        "site 1: Live end date 2099-12-31 is after the site's today (2026-10-13, "
        "America/New_York); loading to 2026-10-13",
        "site 1: Live start date 1900-01-01 is before the site was created (2025-12-31, "
        "ts_created); loading from 2025-12-31",
    ]


def test_report_days_end_at_the_sites_yesterday(
    sites: dict[int, Site], caplog: pytest.LogCaptureFixture
) -> None:
    plan = schedule.build_plan(
        start_date="2026-10-05",
        end_date="2099-12-31",
        report_periods=["day", "week", "month"],
        now="2026-10-13T12:00:00Z",
    )
    with caplog.at_level(logging.WARNING):
        start, end = schedule.site_range(plan, sites[2])
    assert (start, end) == (dt.date(2026, 10, 5), dt.date(2026, 10, 12))
    jobs, reach = schedule.plan_jobs(plan.specs, plan.periods, {}, start, end, 3)
    assert max(job.date for job in jobs) <= end and set(reach.values()) == {end}
    assert (
        len(caplog.records) == 1
        and "reports end date 2099-12-31 is after the site's "
        "yesterday (2026-10-12, Asia/Kolkata); loading to 2026-10-12"
        in caplog.text
    )


def test_a_future_end_date_does_not_poison_the_report_state(
    recording: Recording,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A run on 10-06 asking up to 10-31 loads to each site's yesterday only; the next run
    (no --start-date: from the state) loads 10-06..10-11, as a single clean run does."""
    monkeypatch.setenv("SOURCES__MATOMO__REPORT_LOOKBACK_DAYS", "0")
    monkeypatch.setenv("SOURCES__MATOMO__START_DATE", "2026-10-05")
    db, clean = tmp_path / "w.duckdb", tmp_path / "clean.duckdb"
    with RecordingServer(recording, token=TOKEN) as server, caplog.at_level(logging.WARNING):
        future = ["--end-date", "2026-10-31", "--now", "2026-10-06T12:00:00Z"]
        assert _cli(db, server.url, "--only", "reports", *future) == 0
        state = _report_state(db)
        normal = ["--end-date", "2026-10-11", "--now", "2026-10-13T12:00:00Z"]
        assert _cli(db, server.url, "--only", "reports", *normal) == 0
        assert _cli(clean, server.url, "--only", "reports", *R) == 0
    reached = {
        day for site in state.values() for periods in site.values() for day in periods.values()
    }
    assert reached == {"2026-10-05"}  # both sites' yesterday on 10-06, not 10-31
    assert caplog.text.count("reports end date 2026-10-31 is after the site's yesterday") == 2
    assert _report_loads(db) == _report_loads(clean)
    assert any(row[-1] > 0 and row[3] > "2026-10-05" for row in _report_loads(db))


# ------------------------------------------------------------------ 2. redirects


class _Spy(http.server.ThreadingHTTPServer):
    """A local HTTP server that records what it receives and answers `status` (+ Location)."""

    def __init__(self, status: int = 200, location: str | None = None) -> None:
        self.status, self.location, self.received = status, location, []
        spy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                spy.received.append((self.command, self.path, self.rfile.read(length)))
                self.send_response(spy.status)
                if spy.location:
                    self.send_header("Location", spy.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = _any

            def log_message(self, format: str, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @contextlib.contextmanager
    def running(self) -> Iterator[str]:
        thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        thread.start()
        try:
            yield f"http://127.0.0.1:{self.server_address[1]}/"
        finally:
            self.shutdown()
            self.server_close()


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_not_followed_and_the_token_stays_home(
    status: int, recording: Recording, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The URL answers a redirect to another origin: the token is not sent there (307/308
    would re-POST it; 301/302 used to drop it and end in a misleading "view access" error);
    the run stops with one line naming the new location."""
    other = _Spy()
    with other.running() as other_url, RecordingServer(recording, token=TOKEN) as matomo:
        # 307/308 to a recorder on another origin; 301/302 to the real (fake) Matomo
        target = (
            other_url.replace("127.0.0.1", "localhost") if status in (307, 308) else matomo.url
        ) + "index.php"
        front = _Spy(status, target)
        with front.running() as front_url:
            code = _cli(tmp_path / "w.duckdb", front_url, *R)
        assert matomo.total_requests() == 0
    assert other.received == []  # nothing at all, so no token
    assert len(front.received) == 1  # not asked again
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert code == 2 and len(lines) == 1, err
    assert f"redirects to {target} (HTTP {status}); set sources.matomo.url to it" in lines[0]
    assert TOKEN not in err
    assert not (tmp_path / "w.duckdb").exists() or not _report_state(tmp_path / "w.duckdb")


# ------------------------------------------------------------------ 3. circuit breaker


def test_a_persistent_bulk_failure_stops_the_reports_with_one_line(
    recording: Recording, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "w.duckdb"
    fault = "http_503:method=API.getBulkRequest:times=0"
    started = time.monotonic()
    with (
        RecordingServer(recording, token=TOKEN, faults=[fault]) as server,
        caplog.at_level(logging.INFO),
    ):
        code = _cli(db, server.url, "--only", "reports", *R)
        bulk_calls = server.request_counts()["API.getBulkRequest"]
    seconds = time.monotonic() - started
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert code == 1 and seconds < 30
    assert bulk_calls == 5 * 4  # 5 calls of 1 + 3 retries each, then nothing more
    assert len(errors) <= 3, errors
    stop = [m for m in errors if "stopped Reporting API" in m]
    assert len(stop) == 1 and stop[0].startswith(
        "Matomo: stopped Reporting API after 5 consecutive failures (HTTP 503 from "
    )
    assert (
        "on API.getBulkRequest); " in stop[0]
        and " requests of site 1 and 1 more site(s) not attempted; re-run when Matomo is healthy"
        in stop[0]
    )
    assert not any(_report_state(db).values())  # no report of any site advanced


def test_a_failed_live_day_stops_the_other_fetches_at_once(
    recording: Recording, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every Live call after the first few fails: once one day gives up, the other workers
    (in their own retries, or about to start a day) send (almost) nothing more."""
    monkeypatch.setenv("SOURCES__MATOMO__LIVE_PAGE_SIZE", "20")
    monkeypatch.setenv("SOURCES__MATOMO__BACKOFF_BASE", "0.2")
    gave_up: list[float] = []
    fetch = live.fetch_day_pages

    def spy(*args: Any, **kwargs: Any) -> Iterator[Any]:
        try:
            yield from fetch(*args, **kwargs)
        except MatomoError as err:
            if "gave up" in str(err):
                gave_up.append(time.time())
            raise

    monkeypatch.setattr(live, "fetch_day_pages", spy)
    options = LoadOptions(
        url=None,
        api_token=TOKEN,
        start_date="2026-10-05",
        end_date="2026-10-11",
        now="2026-10-13T12:00:00Z",
        reports=False,
    )
    with RecordingServer(
        recording, token=TOKEN, faults=["http_503:method=Live.*:after=8:times=0"]
    ) as server:
        options.url = server.url
        with pytest.raises(MatomoError, match="gave up after 4 attempts"):
            load(tmp_path / "w.duckdb", options)
        time.sleep(1.0)  # anything still running would call meanwhile
        live_calls = [
            e["time"] for e in server.access_log if e["api_method"] == "Live.getLastVisitsDetails"
        ]
    assert gave_up
    later = [t for t in live_calls if t > min(gave_up)]
    assert len(later) <= 3, len(later)  # at most the other workers' requests in flight
