"""The recording server: replay, Live emulation against every recorded Live call, bulk,
auth, errors and fault injection, over real HTTP on a free local port."""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from pipelines.commands import serve_recording
from pipelines.recording import (
    Fault,
    RecordingServer,
    bundled_recording_dir,
    load_recording,
    parse_fault,
)
from pipelines.recording.recording import RecordedCall, Recording

TOKEN = "recording-token"
LIVE = "Live.getLastVisitsDetails"


# ------------------------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def recording() -> Recording:
    return load_recording(bundled_recording_dir())


@pytest.fixture(scope="module")
def server(recording: Recording) -> Iterator[RecordingServer]:
    with RecordingServer(recording) as srv:
        yield srv


@pytest.fixture(scope="module")
def emulating(recording: Recording) -> Iterator[RecordingServer]:
    """Answers Live from the emulator even for calls that were recorded exactly."""
    with RecordingServer(recording, prefer_emulation=True) as srv:
        yield srv


def post(
    srv: RecordingServer,
    params: Mapping[str, str],
    *,
    token: str | None = TOKEN,
    query_token: str | None = None,
    timeout: float = 10,
) -> requests.Response:
    """POST like the pipeline's client: module/method/format in the URL, the rest in the body."""
    query = {k: params[k] for k in ("module", "method", "format") if k in params}
    query.setdefault("module", "API")
    query.setdefault("format", "json")
    if query_token is not None:
        query["token_auth"] = query_token
    form = {k: v for k, v in params.items() if k not in query}
    if token is not None:
        form["token_auth"] = token
    return requests.post(srv.url + "index.php", params=query, data=form, timeout=timeout)


def live_params(**extra: str) -> dict[str, str]:
    return {"module": "API", "method": LIVE, "format": "json", "idSite": "1", **extra}


def recorded(recording: Recording, group: str | None = None, method: str | None = None):
    return [
        c
        for c in recording.calls
        if (group is None or c.group == group) and (method is None or c.method == method)
    ]


def last_source(srv: RecordingServer) -> str:
    return srv.access_log[-1]["source"]


def _live_calls() -> list[RecordedCall]:
    return [c for c in load_recording(bundled_recording_dir()).calls if c.method == LIVE]


LIVE_CALLS = _live_calls()


# ------------------------------------------------------------------------------- loading


def test_load_recording_indexes_calls_sites_and_groups(recording: Recording) -> None:
    assert len(recording.calls) == 909
    assert set(recording.sites) == {1, 2}
    groups = {c.group for c in recording.calls}
    assert {"live", "live-sample", "error", "bulk", "format-sample"} <= groups
    call = recording.calls[10]
    assert recording.lookup({**call.params, "token_auth": "ignored"}) is call
    assert recording.lookup(call.params, "invalid") is None
    assert {c.auth for c in recorded(recording, "error")} == {"valid", "invalid", "none"}


def test_bundled_recording_dir_points_at_the_fixture() -> None:
    path = bundled_recording_dir()
    assert (path / "calls.jsonl.gz").is_file()
    assert path.name == "public"


# ------------------------------------------------------------------------- Live emulation


def test_every_recorded_live_call_is_in_the_test_matrix(recording: Recording) -> None:
    groups = {c.group for c in LIVE_CALLS}
    assert groups == {"live", "live-sample", "error"}
    assert len(recorded(recording, "live-sample")) == 18
    assert any("minTimestamp" in c.params for c in LIVE_CALLS)
    assert any(c.params.get("segment") == "visitConverted==1" for c in LIVE_CALLS)


@pytest.mark.parametrize(
    "call",
    LIVE_CALLS,
    ids=[
        f"{c.line}-{c.group}-site{c.params['idSite']}-{c.params['period']}-{c.params['date']}-"
        + "-".join(
            f"{k}={c.params[k]}"
            for k in (
                "filter_limit",
                "filter_offset",
                "filter_sort_order",
                "minTimestamp",
                "doNotFetchActions",
                "segment",
            )
            if k in c.params
        )
        for c in LIVE_CALLS
    ],
)
def test_live_emulation_equals_the_recorded_answer(
    emulating: RecordingServer, call: RecordedCall
) -> None:
    response = post(emulating, call.params)
    assert last_source(emulating) == "emulated"  # computed, not replayed
    assert response.status_code == call.http_status
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json() == json.loads(call.body)
    # the visits keep Matomo's own JSON text, so even the bytes match
    assert response.content == call.body.encode()


def test_live_paging_stitches_to_the_full_day(
    emulating: RecordingServer, recording: Recording
) -> None:
    full = json.loads(recording.lookup(live_params(
        date="2026-10-06", period="day", filter_limit="-1", filter_sort_order="asc"
    )).body)  # fmt: skip
    pages: list[dict[str, Any]] = []
    for offset in range(0, len(full) + 7, 7):
        page = post(
            emulating,
            live_params(
                period="day",
                date="2026-10-06",
                filter_limit="7",
                filter_offset=str(offset),
                filter_sort_order="asc",
                format_metrics="0",
            ),
        ).json()
        assert len(page) <= 7
        pages.extend(page)
    assert pages == full
    # 2026-10-06 holds the recording's only lastActionTimestamp tie (idVisit 234 and 235):
    # Matomo 5.0.2 returns them in idVisit order in both directions.
    tie = [v["idVisit"] for v in full if v["lastActionTimestamp"] == 1791309727]
    assert tie == [234, 235]


def test_live_without_filter_limit_returns_ten_visits_newest_first(
    server: RecordingServer, recording: Recording
) -> None:
    full = json.loads(
        recording.lookup(
            live_params(
                period="day", date="2026-10-10", filter_limit="-1", filter_sort_order="desc"
            )
        ).body
    )
    got = post(server, live_params(period="day", date="2026-10-10")).json()
    assert [v["idVisit"] for v in got] == [v["idVisit"] for v in full[:10]]


def test_live_min_timestamp_is_strictly_greater(server: RecordingServer) -> None:
    day = post(server, live_params(period="day", date="2026-10-09", filter_limit="-1")).json()
    pivot = day[len(day) // 2]["lastActionTimestamp"]
    got = post(
        server,
        live_params(period="day", date="2026-10-09", filter_limit="-1", minTimestamp=str(pivot)),
    ).json()
    assert got
    assert all(v["lastActionTimestamp"] > pivot for v in got)
    assert len(got) == sum(1 for v in day if v["lastActionTimestamp"] > pivot)


def test_live_range_week_and_unrecorded_day(server: RecordingServer, recording: Recording) -> None:
    whole = recording.lookup(live_params(
        period="range", date="2026-10-05,2026-10-11", filter_limit="-1", filter_sort_order="desc"
    ))  # fmt: skip
    assert whole is not None
    week = post(server, live_params(period="week", date="2026-10-07", filter_limit="-1"))
    assert week.json() == json.loads(whole.body)  # Monday 10-05 to Sunday 10-11
    two_days = post(
        server,
        live_params(period="range", date="2026-10-05,2026-10-06", filter_limit="-1"),
    ).json()
    assert len(two_days) == 113 + 124  # VisitsSummary nb_visits of those days
    assert post(server, live_params(period="day", date="2026-09-01")).json() == []


def test_live_unknown_site_names_the_id(server: RecordingServer) -> None:
    response = post(server, live_params(idSite="7", period="day", date="2026-10-05"))
    assert response.status_code == 200
    assert response.json() == {
        "result": "error",
        "message": "An unexpected website was found in the request: website id was set to '7' .",
    }


# --------------------------------------------------------------------- replay and errors


def test_report_call_is_replayed_byte_for_byte(
    server: RecordingServer, recording: Recording
) -> None:
    call = next(
        c for c in recorded(recording, "report") if c.method == "Actions.getPageUrls" and c.body
    )
    response = post(server, call.params)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.content == call.body.encode()
    assert last_source(server) == "replay"


def test_bulk_sample_equals_its_recording(server: RecordingServer, recording: Recording) -> None:
    (call,) = recorded(recording, "bulk")
    response = post(server, call.params)
    assert response.content == call.body.encode()


def test_bulk_dispatches_each_sub_request(server: RecordingServer, recording: Recording) -> None:
    (call,) = recorded(recording, "bulk")
    expected = json.loads(call.body)
    params = {
        "module": "API",
        "method": "API.getBulkRequest",
        "format": "json",
        "urls[0]": call.params["urls[2]"],
        "urls[1]": call.params["urls[0]"],
        "urls[2]": "method=Live.getLastVisitsDetails&idSite=2&period=day&date=2026-10-08"
        "&filter_limit=5&filter_offset=5&filter_sort_order=desc",
        "urls[3]": "method=VisitsSummary.get&idSite=1&period=day&date=2026-10-05&flat=7",
        "urls[4]": call.params["urls[1]"],
    }
    got = post(server, params).json()
    live_page = next(
        c for c in recorded(recording, "live-sample")
        if c.params["idSite"] == "2" and c.params.get("filter_offset") == "5"
        and c.params.get("filter_sort_order") == "desc"
    )  # fmt: skip
    assert len(got) == 5
    assert got[0] == expected[2]
    assert got[1] == expected[0]
    assert got[2] == json.loads(live_page.body)
    assert got[3]["result"] == "error"
    assert "The recording has no answer for VisitsSummary.get" in got[3]["message"]
    assert got[4] == expected[1]


def test_wrong_or_missing_token_answers_the_recorded_401(
    server: RecordingServer, recording: Recording
) -> None:
    bodies = {c.auth: c.body for c in recorded(recording, "error") if c.http_status == 401}
    params = {"module": "API", "method": "VisitsSummary.get", "format": "json",
              "idSite": "1", "period": "day", "date": "2026-10-05"}  # fmt: skip
    wrong = post(server, params, token="not-the-token")
    assert wrong.status_code == 401
    assert wrong.content == bodies["invalid"].encode()
    missing = post(server, params, token=None)
    assert missing.status_code == 401
    assert missing.content == bodies["none"].encode()
    other_call = post(server, live_params(period="day", date="2026-10-05"), token="nope")
    assert other_call.status_code == 401
    assert other_call.json()["result"] == "error"


def test_token_in_the_url_is_refused(server: RecordingServer) -> None:
    response = post(server, live_params(period="day", date="2026-10-05"), query_token=TOKEN)
    assert response.status_code == 400
    assert response.json() == {
        "result": "error",
        "message": "token_auth must be sent in the POST body, not in the URL",
    }
    entry = server.access_log[-1]
    assert entry["status"] == 400
    assert TOKEN not in entry["query"]  # the access log redacts it


def test_unrecorded_call_gets_a_clear_error(server: RecordingServer) -> None:
    params = {"module": "API", "method": "Referrers.getAll", "format": "json",
              "idSite": "1", "period": "year", "date": "2026-01-01"}  # fmt: skip
    response = post(server, params)
    assert response.status_code == 200
    body = response.json()
    assert body["result"] == "error"
    assert body["message"].startswith("The recording has no answer for Referrers.getAll ")
    assert "period=year" in body["message"]


def test_recorded_error_samples_are_replayed(server: RecordingServer, recording: Recording) -> None:
    for call in recorded(recording, "error"):
        if call.auth != "valid":
            continue
        response = post(server, call.params)
        assert (response.status_code, response.content) == (call.http_status, call.body.encode())


def test_access_log_and_counts_never_hold_the_post_body(recording: Recording) -> None:
    with RecordingServer(recording, token="s3cret-token") as srv:
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(
                pool.map(
                    lambda i: post(
                        srv, live_params(period="day", date=f"2026-10-0{5 + i % 5}"),
                        token="s3cret-token",
                    ).status_code,
                    range(40),
                )
            )  # fmt: skip
        assert statuses == [200] * 40
        assert srv.request_counts() == {LIVE: 40}
        assert len(srv.access_log) == 40
        assert "s3cret-token" not in repr(srv.access_log)
        assert "idSite" not in repr(srv.access_log)  # body params are not logged
        assert {e["http_method"] for e in srv.access_log} == {"POST"}


def test_any_recording_directory_works(tmp_path: Path) -> None:
    visits = [
        {"idSite": 3, "idVisit": 11, "lastActionTimestamp": 100, "actionDetails": [{"a": 1}]},
        {"idSite": 3, "idVisit": 10, "lastActionTimestamp": 50, "actionDetails": []},
    ]
    lines = [
        {"method": "API.getMatomoVersion", "params": {"format": "json", "method":
         "API.getMatomoVersion", "module": "API"}, "http_status": 200, "auth": "valid",
         "body": '{"value":"5.0.2"}'},
        {"method": LIVE, "params": {"date": "2026-01-02", "filter_limit": "-1", "format": "json",
         "idSite": "3", "method": LIVE, "module": "API", "period": "day"},
         "http_status": 200, "auth": "valid", "body": json.dumps(visits)},
    ]  # fmt: skip
    with gzip.open(tmp_path / "calls.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(line) + "\n" for line in lines)
    with RecordingServer(tmp_path) as srv:
        version = post(srv, {"module": "API", "method": "API.getMatomoVersion", "format": "json"})
        assert version.json() == {"value": "5.0.2"}
        asc = post(
            srv,
            {"method": LIVE, "idSite": "3", "period": "day", "date": "2026-01-02",
             "filter_sort_order": "asc", "doNotFetchActions": "1"},
        ).json()  # fmt: skip
        assert [v["idVisit"] for v in asc] == [10, 11]
        assert all(v["actionDetails"] == [] for v in asc)


# ---------------------------------------------------------------------------------- faults


def version_params() -> dict[str, str]:
    return {"module": "API", "method": "API.getMatomoVersion", "format": "json"}


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_fault_http_5xx_then_recovers(recording: Recording, status: int) -> None:
    with RecordingServer(recording, faults=[f"http_{status}"]) as srv:
        first = post(srv, version_params())
        assert first.status_code == status
        assert first.headers["Content-Type"].startswith("text/html")
        assert str(status) in first.text
        second = post(srv, version_params())
        assert second.status_code == 200
        assert second.json() == {"value": "5.0.2"}


def test_fault_http_429_has_retry_after(recording: Recording) -> None:
    with RecordingServer(recording, faults=["http_429:times=2:retry_after=7"]) as srv:
        answers = [post(srv, version_params()) for _ in range(3)]
        assert [r.status_code for r in answers] == [429, 429, 200]
        assert answers[0].headers["Retry-After"] == "7"


def test_fault_slow_delays_then_answers_normally(recording: Recording) -> None:
    with RecordingServer(recording, faults=["slow:seconds=0.3"]) as srv:
        started = time.monotonic()
        response = post(srv, version_params())
        elapsed = time.monotonic() - started
        assert response.json() == {"value": "5.0.2"}
        assert elapsed >= 0.3  # a lower bound only: sleep never returns early
        assert srv.access_log[-1]["fault"] == "slow"


def test_fault_reset_closes_the_connection(recording: Recording) -> None:
    with RecordingServer(recording, faults=["reset:times=2"]) as srv:
        for _ in range(2):
            with pytest.raises(requests.ConnectionError):
                post(srv, version_params())
        assert post(srv, version_params()).json() == {"value": "5.0.2"}
        assert [e["fault"] for e in srv.access_log] == ["reset", "reset", None]


def test_fault_truncated_cuts_the_body_in_half(recording: Recording) -> None:
    call = recording.calls[10]
    with RecordingServer(recording, faults=["truncated"]) as srv:
        response = post(srv, call.params)
        full = call.body.encode()
        assert response.status_code == 200
        assert response.content == full[: len(full) // 2]
        with pytest.raises(ValueError):
            response.json()
        assert post(srv, call.params).content == full


def test_fault_html_200_is_a_php_fatal_error(recording: Recording) -> None:
    with RecordingServer(recording, faults=["html_200"]) as srv:
        response = post(srv, version_params())
        assert response.status_code == 200
        assert "<b>Fatal error</b>" in response.text
        with pytest.raises(ValueError):
            response.json()


def test_fault_empty_body(recording: Recording) -> None:
    with RecordingServer(recording, faults=["empty:times=1"]) as srv:
        response = post(srv, version_params())
        assert (response.status_code, response.content) == (200, b"")


def test_fault_bulk_sub_error_replaces_one_sub_result(recording: Recording) -> None:
    (call,) = recorded(recording, "bulk")
    expected = json.loads(call.body)
    with RecordingServer(recording, faults=["bulk_sub_error:method=Actions.*"]) as srv:
        got = post(srv, call.params).json()
        assert got[0] == expected[0]
        assert got[1]["result"] == "error"
        assert got[1]["message"].startswith("Simulated failure")
        assert got[2] == expected[2]
        assert post(srv, call.params).json() == expected  # times=1: the next one is clean
        # a non-bulk request neither fires nor uses it up
        assert post(srv, version_params()).status_code == 200


def test_fault_method_after_and_times_select_requests(recording: Recording) -> None:
    live = live_params(period="day", date="2026-10-05", filter_limit="1")
    with RecordingServer(recording, faults=["http_503:method=Live.*:after=1:times=2"]) as srv:
        statuses = [
            post(srv, version_params()).status_code,
            post(srv, live).status_code,
            post(srv, live).status_code,
            post(srv, version_params()).status_code,
            post(srv, live).status_code,
            post(srv, live).status_code,
        ]
        assert statuses == [200, 200, 503, 200, 503, 200]
        assert srv.fault_plan.fired_counts() == [("http_503:times=2:after=1:method=Live.*", 2)]


def test_fault_times_zero_fires_every_time_and_latency_applies(recording: Recording) -> None:
    with RecordingServer(recording, faults=["http_502:times=0"], latency_s=0.01) as srv:
        assert [post(srv, version_params()).status_code for _ in range(4)] == [502] * 4
        assert srv.request_counts() == {"API.getMatomoVersion": 4}


# ----------------------------------------------------------------------------- fault specs


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("http_503:times=3", Fault("http_503", times=3)),
        ("http_429:times=2:retry_after=1", Fault("http_429", times=2, retry_after=1)),
        ("slow:times=1:seconds=5", Fault("slow", times=1, seconds=5.0)),
        ("reset:times=2", Fault("reset", times=2)),
        ("truncated:times=1", Fault("truncated")),
        ("html_200:times=1", Fault("html_200")),
        ("empty:times=1", Fault("empty")),
        ("bulk_sub_error:times=1", Fault("bulk_sub_error")),
        ("http_500", Fault("http_500")),
        ("http_504:method=Live.*:after=4:times=0", Fault("http_504", 0, 4, "Live.*")),
    ],
)
def test_parse_fault(spec: str, expected: Fault) -> None:
    fault = parse_fault(spec)
    assert fault == expected
    assert parse_fault(fault.spec()) == fault


@pytest.mark.parametrize(
    "spec",
    ["", "teapot", "http_503:times=x", "http_503:times", "slow:retry_after=1",
     "http_503:seconds=2", "reset:color=red", "http_503:times=-1", "http_503:times=1:times=2"],
)  # fmt: skip
def test_parse_fault_rejects_bad_specs(spec: str) -> None:
    with pytest.raises(ValueError, match=r"fault|empty"):
        parse_fault(spec)


def test_cli_parses_serve_recording_arguments() -> None:
    parser = argparse.ArgumentParser(prog="matomo-warehouse")
    sub = parser.add_subparsers(dest="command")
    serve_recording.register(sub)
    args = parser.parse_args(
        ["serve-recording", "/tmp/rec", "--port", "8765", "--fault", "http_503:times=3",
         "--fault", "reset:method=Live.*", "--latency-ms", "25", "--token", "t"]
    )  # fmt: skip
    assert args.func is serve_recording.run
    assert (args.directory, args.port, args.token, args.latency_ms) == (
        Path("/tmp/rec"), 8765, "t", 25.0
    )  # fmt: skip
    assert args.faults == ["http_503:times=3", "reset:method=Live.*"]
    with pytest.raises(SystemExit):
        parser.parse_args(["serve-recording", "--fault", "http_999"])
    assert parser.parse_args(["serve-recording"]).directory is None
    assert "fault specs" in sub.choices["serve-recording"].epilog


def test_other_paths_and_formats_are_refused_clearly(server: RecordingServer) -> None:
    assert requests.get(server.url + "wp-admin", timeout=10).status_code == 404
    xml = post(server, {**version_params(), "format": "xml"})
    assert (
        xml.json()["message"] == "The recording server only answers format=json (got format='xml')"
    )
    # GET with the token in the body is not possible, so a GET is unauthenticated
    response = requests.get(server.url, params=version_params(), timeout=10)
    assert response.status_code == 401
