"""Every injected fault kind against a full load of the recording (Live + Reporting API).

A run with faults either ends with tables equal to a clean run's (row counts and content
checksums of every raw table, without dlt's bookkeeping columns and load timestamps), or fails
with a clear one-line message, and then a clean re-run makes the tables equal. Plus the HTTP
client's retry rules, checked request by request.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.matomo import client as client_module
from pipelines.matomo.client import ClientConfig, MatomoClient, MatomoError
from pipelines.recording import RecordingServer, bundled_recording_dir, load_recording
from pipelines.recording.recording import Recording
from pipelines.runner import LoadOptions, LoadResult, load
from tests.conftest import TOKEN

START, END, NOW = "2026-10-05", "2026-10-11", "2026-11-26T00:00:00Z"
RAW = "matomo_raw"
# dlt bookkeeping and the time of the load: differ between two loads of the same data.
IGNORED_COLUMNS = frozenset({"_dlt_load_id", "_dlt_id", "loaded_at"})
FAST_RETRIES = {
    "SOURCES__MATOMO__BACKOFF_BASE": "0.01",
    "SOURCES__MATOMO__REQUEST_TIMEOUT": "3",
    "SOURCES__MATOMO__MAX_RETRIES": "3",
}

Snapshot = dict[str, tuple[int, str]]


# ------------------------------------------------------------------------------- helpers


def snapshot(db: Path) -> Snapshot:
    """table -> (row count, sha256 of its sorted rows) for every data table of matomo_raw."""
    out: Snapshot = {}
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = ? "
                "and table_name not like '\\_dlt%' escape '\\' order by 1",
                [RAW],
            ).fetchall()
        ]
        for table in tables:
            columns = [
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns where table_schema = ? "
                    "and table_name = ? order by column_name",
                    [RAW, table],
                ).fetchall()
                if r[0] not in IGNORED_COLUMNS
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'select {select} from {RAW}."{table}"').fetchall()
            digest = hashlib.sha256(repr(columns).encode())
            for line in sorted(repr(row) for row in rows):
                digest.update(line.encode())
            out[table] = (len(rows), digest.hexdigest())
    return out


def diff(got: Snapshot, want: Snapshot) -> dict[str, Any]:
    """Tables whose count or checksum differ (empty when equal)."""
    tables = sorted({*got, *want})
    return {t: (got.get(t), want.get(t)) for t in tables if got.get(t) != want.get(t)}


def full_load(db: Path, url: str, **overrides: Any) -> LoadResult:
    """Both sources, every recorded day of both sites; reports for period=day only (week and
    month take the same code paths and would double the run time)."""
    options = LoadOptions(
        url=url, api_token=TOKEN, start_date=START, end_date=END, now=NOW, report_periods=["day"]
    )
    for key, value in overrides.items():
        setattr(options, key, value)
    return load(db, options)


@pytest.fixture(scope="module")
def recording() -> Recording:
    return load_recording(bundled_recording_dir())


@pytest.fixture(scope="module", autouse=True)
def fast_retries() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        for key, value in FAST_RETRIES.items():
            mp.setenv(key, value)
        yield


@pytest.fixture(scope="module")
def clean(recording: Recording, tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    """The tables of an uninterrupted, fault-free load (computed once per module)."""
    db = tmp_path_factory.mktemp("clean") / "w.duckdb"
    with RecordingServer(recording, token=TOKEN) as server:
        result = full_load(db, server.url)
    assert result.ok, result.failures
    snap = snapshot(db)
    assert {"visits", "visit_actions", "ecommerce_items", "load_audit", "report_loads"} <= set(snap)
    assert any(t.startswith("report_") and t != "report_loads" for t in snap)
    return snap


# ------------------------------------------------------------------- the fault matrix

# Transient faults, several per run (each on its own calls): the client retries them and the
# load ends equal to the clean one. Every spec must fire at least once.
RETRIED = {
    "http_5xx": [
        "http_500:method=SitesManager.getSiteFromId",
        "http_502:method=Goals.getGoals:after=1",
        "http_503:method=Live.*:after=3:times=2",
        "http_504:method=API.getBulkRequest:after=4",
        "http_500:method=API.getReportMetadata",
        "http_429:method=Live.*:after=2:retry_after=1",
        "http_429:method=API.getBulkRequest:after=1:times=2:retry_after=0",
    ],
    "transport_and_bodies": [
        "slow:method=Live.*:after=5:seconds=5",  # > request_timeout (3 s): a timeout
        "reset:method=API.getBulkRequest:after=2",
        "reset:method=Live.*:after=7",
        "truncated:method=Live.*:after=1",
        "truncated:method=API.getBulkRequest:after=6",
        "html_200:method=API.getBulkRequest:after=3",
        "html_200:method=Live.*:after=9",
        "empty:method=Goals.getGoals",
        "empty:method=SitesManager.getSitesWithAtLeastViewAccess",
    ],
}


@pytest.mark.parametrize("group", sorted(RETRIED))
def test_transient_faults_are_retried_and_change_nothing(
    group: str,
    clean: Snapshot,
    recording: Recording,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    db = tmp_path / "w.duckdb"
    with (
        RecordingServer(recording, token=TOKEN, faults=RETRIED[group]) as server,
        caplog.at_level(logging.WARNING, logger="pipelines.matomo.client"),
    ):
        result = full_load(db, server.url)
        fired = server.fault_plan.fired_counts()
    assert result.ok, result.failures
    assert [spec for spec, n in fired if n == 0] == []  # every fault was hit
    retries = [r.getMessage() for r in caplog.records if "retrying in" in r.getMessage()]
    assert len(retries) >= len(fired)
    assert diff(snapshot(db), clean) == {}


def test_failed_report_requests_are_reported_and_a_rerun_repairs(
    clean: Snapshot, recording: Recording, tmp_path: Path
) -> None:
    """bulk_sub_error (one report answers an error inside a bulk call) and a bulk call that
    keeps failing: the run loads everything else, reports the failures (exit 1 from the CLI),
    keeps their state back; the next run fetches them."""
    db = tmp_path / "w.duckdb"
    faults = [
        "bulk_sub_error:method=Referrers.getAll:times=2",
        "http_500:method=API.getBulkRequest:after=8:times=4",  # 1 + 3 retries: given up
    ]
    with RecordingServer(recording, token=TOKEN, faults=faults) as server:
        result = full_load(db, server.url)
        assert all(n for _, n in server.fault_plan.fired_counts())
    assert not result.ok
    messages = [str(f) for f in result.failures]
    assert any(
        "Simulated failure" in m and m.startswith("Matomo Referrers.getAll site=") for m in messages
    )
    assert any("HTTP 500" in m and "gave up after 4 attempts" in m for m in messages)
    assert all("\n" not in m for m in messages)
    partial = snapshot(db)
    assert diff(partial, clean)  # something is missing ...
    for table in ("visits", "visit_actions", "ecommerce_items", "sites", "goals"):
        assert partial[table] == clean[table]  # ... but only reports
    with RecordingServer(recording, token=TOKEN) as server:
        assert full_load(db, server.url).ok
    assert diff(snapshot(db), clean) == {}


def test_a_live_fault_that_persists_fails_the_run_cleanly_and_a_rerun_repairs(
    clean: Snapshot, recording: Recording, tmp_path: Path
) -> None:
    db = tmp_path / "w.duckdb"
    fault = "http_503:method=Live.*:after=4:times=0"
    expected = "HTTP 503 from http://127.0.0.1:{port}/index.php (gave up after 4 attempts)"
    with RecordingServer(recording, token=TOKEN, faults=[fault]) as server:
        with pytest.raises(MatomoError) as caught:
            full_load(db, server.url)
        port = server.port
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("Matomo Live.getLastVisitsDetails site=")
    assert " period=day date=2026-10-" in message
    assert expected.format(port=port) in message
    assert TOKEN not in message
    assert not snapshot(db).get("visits")  # nothing of the failed run was loaded
    with RecordingServer(recording, token=TOKEN) as server:
        assert full_load(db, server.url).ok
    assert diff(snapshot(db), clean) == {}


# ------------------------------------------------------------------- client rules, per request


@pytest.fixture()
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays the client sleeps between attempts (not actually slept)."""
    delays: list[float] = []
    monkeypatch.setattr(time, "sleep", delays.append)  # the rate limiter
    monkeypatch.setattr(client_module, "_sleep", lambda seconds, _halted: delays.append(seconds))
    return delays


def _client(server: RecordingServer, **config: Any) -> MatomoClient:
    settings = {"timeout_s": 2.0, "max_retries": 4, "backoff_base_s": 1.0, **config}
    return MatomoClient(server.url, TOKEN, ClientConfig(**settings))


SUMMARY = {
    "idSite": 1,
    "period": "day",
    "date": "2026-10-05",
    "filter_limit": -1,
    "format_metrics": 0,
}


def test_retry_after_is_honoured_and_backoff_grows_with_jitter(
    recording: Recording, sleeps: list[float]
) -> None:
    faults = ["http_429:times=1:retry_after=7", "http_503:times=4"]
    with RecordingServer(recording, token=TOKEN, faults=faults) as server:
        with pytest.raises(MatomoError) as caught:
            _client(server).call("VisitsSummary.get", SUMMARY)
        assert server.total_requests() == 5  # 1 + max_retries
    assert sleeps[0] == 7  # Retry-After, not the backoff
    for attempt, delay in enumerate(sleeps[1:], start=1):  # base 1 s: [2^n/2, 2^n]
        assert 2**attempt / 2 <= delay <= 2**attempt
    assert "VisitsSummary.get site=1 period=day date=2026-10-05: HTTP 503" in str(caught.value)


@pytest.mark.parametrize("fault", ["truncated", "html_200", "empty", "reset", "http_502"])
def test_garbage_and_broken_answers_are_retried(
    fault: str, recording: Recording, sleeps: list[float]
) -> None:
    with RecordingServer(recording, token=TOKEN, faults=[f"{fault}:times=2"]) as server:
        body = _client(server).call("VisitsSummary.get", SUMMARY)
        assert server.total_requests() == 3
    assert isinstance(body, dict) and int(body["nb_visits"]) > 0
    assert len(sleeps) == 2


def test_a_php_error_page_that_persists_gives_up_with_what_it_said(
    recording: Recording, sleeps: list[float]
) -> None:
    with (
        RecordingServer(recording, token=TOKEN, faults=["html_200:times=0"]) as server,
        pytest.raises(MatomoError) as caught,
    ):
        _client(server, max_retries=2).call("VisitsSummary.get", SUMMARY)
    message = str(caught.value)
    assert message.startswith(
        "Matomo VisitsSummary.get site=1 period=day date=2026-10-05: answered a PHP error page "
        "(Fatal error: Allowed memory size of 134217728 bytes exhausted"
    )
    assert message.endswith("(gave up after 3 attempts)")


def test_a_web_page_that_is_not_matomo_fails_fast(sleeps: list[float]) -> None:
    with _html_site() as url, pytest.raises(MatomoError) as caught:
        MatomoClient(url, TOKEN).call("API.getMatomoVersion")
    assert "answered non-JSON (Welcome to nginx!" in str(caught.value)
    assert "is http://127.0.0.1:" in str(caught.value) and "a Matomo server?" in str(caught.value)
    assert not sleeps


@contextlib.contextmanager
def _html_site() -> Iterator[str]:
    """A tiny web server answering every request with an HTML page (not Matomo)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def _page(self) -> None:
            body = b"<html><head><title>Welcome to nginx!</title></head><body>hi</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _page

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_slow_answer_times_out_and_is_retried(recording: Recording) -> None:
    with RecordingServer(recording, token=TOKEN, faults=["slow:times=1:seconds=2"]) as server:
        client = _client(server, timeout_s=0.5, backoff_base_s=0.01)
        assert int(client.call("VisitsSummary.get", SUMMARY)["nb_visits"]) > 0


@pytest.mark.parametrize(
    ("params", "cause"),
    [
        (
            {"idSite": 99999, "period": "day", "date": "2026-10-05"},
            "An unexpected website was found in the request",
        ),
        ({"idSite": 1, "period": "day", "date": "2026-13-45"}, "Date format must be: YYYY-MM-DD"),
    ],
)
def test_matomo_errors_fail_fast_with_one_line(
    params: dict, cause: str, recording: Recording, sleeps: list[float]
) -> None:
    with RecordingServer(recording, token=TOKEN) as server:
        with pytest.raises(MatomoError) as caught:
            _client(server).call("VisitsSummary.get", params)
        assert server.total_requests() == 1
    message = str(caught.value)
    assert message.startswith(
        f"Matomo VisitsSummary.get site={params['idSite']} period=day "
        f"date={params['date']}: {cause}"
    )
    assert "\n" not in message and not sleeps


def test_wrong_token_fails_fast(recording: Recording, sleeps: list[float]) -> None:
    with RecordingServer(recording, token="the-right-one") as server:
        with pytest.raises(MatomoError) as caught:
            _client(server).call("VisitsSummary.get", SUMMARY)
        assert server.total_requests() == 1
    assert "Unable to authenticate with the provided token" in str(caught.value)
    assert "(HTTP 401); check sources.matomo.api_token" in str(caught.value)
    assert caught.value.status == 401 and not sleeps


def test_rate_limit_spaces_requests(recording: Recording, sleeps: list[float]) -> None:
    with RecordingServer(recording, token=TOKEN) as server:
        client = _client(server, max_requests_per_second=2.0)
        for _ in range(4):
            client.call("API.getMatomoVersion")
    # sleeps are not slept here: each request waits for a slot 0.5 s after the previous one's
    assert len(sleeps) == 3
    assert sleeps == sorted(sleeps) and sleeps[-1] > 1.0


def test_bulk_error_names_sites_and_dates(recording: Recording, sleeps: list[float]) -> None:
    subs = [
        {"method": "VisitsSummary.get", "idSite": 1, "period": "day", "date": d}
        for d in ("2026-10-05", "2026-10-06")
    ]
    with (
        RecordingServer(recording, token=TOKEN, faults=["http_500:times=0"]) as server,
        pytest.raises(MatomoError) as caught,
    ):
        _client(server, max_retries=1).bulk(subs)
    assert str(caught.value).startswith(
        "Matomo API.getBulkRequest site=1 period=day date=2026-10-05..2026-10-06: HTTP 500"
    )


# ------------------------------------------------------------------- data guards


def test_a_visit_repeated_across_pages_is_recorded_and_loaded_once(
    recording: Recording,
    recorded_day_lists: dict,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Offset paging of a day that gains visits meanwhile repeats a visit at the start of the
    next page. Simulated: every page after the first starts one visit early."""
    from pipelines.recording.dispatch import Answer

    page_size = 50
    monkeypatch.setenv("SOURCES__MATOMO__LIVE_PAGE_SIZE", str(page_size))
    db = tmp_path / "w.duckdb"
    with (
        RecordingServer(recording, token=TOKEN) as server,
        caplog.at_level(logging.WARNING, logger="pipelines.matomo.live"),
    ):
        answer = server.dispatcher.answer

        def shifted(params: Any, auth: str, **kw: Any) -> Answer:
            offset = int(params.get("filter_offset") or 0)
            if params.get("method") == "Live.getLastVisitsDetails" and offset > 0:
                params = {**params, "filter_offset": str(offset - 1)}
            return answer(params, auth, **kw)

        server.dispatcher.answer = shifted  # type: ignore[method-assign]
        assert full_load(db, server.url, reports=False).ok
    with duckdb.connect(str(db), read_only=True) as con:
        visits = dict(
            ((s, d.isoformat()), n)
            for s, d, n in con.execute(
                "select id_site, visit_date, count(*) from matomo_raw.visits group by all"
            ).fetchall()
        )
        distinct = con.execute(
            "select count(distinct (id_site, id_visit)), count(*) from matomo_raw.visits"
        ).fetchone()
        audit = {
            (s, d.isoformat()): (pages, dup)
            for s, d, pages, dup in con.execute(
                "select id_site, visit_date, pages, duplicate_visits from matomo_raw.load_audit"
            ).fetchall()
        }
    assert visits == {key: len(day) for key, day in recorded_day_lists.items()}
    assert distinct[0] == distinct[1]  # loaded once
    multi_page = {key: a for key, a in audit.items() if a[0] > 1}
    assert multi_page  # the recording has days of more than one page of 50
    # offsets 0, 50, 100 are served from 0, 49, 99: pages 1 and 2 share one visit
    assert {k: a for k, a in multi_page.items() if a[1] != 1} == {}
    assert all(dup == 0 for pages, dup in audit.values() if pages == 1)
    warned = [
        r.getMessage() for r in caplog.records if "duplicate visit(s) dropped" in r.getMessage()
    ]
    assert len(warned) == len(multi_page)
