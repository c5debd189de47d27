"""The synthetic scale recording: real visit shapes, consistent clones, lazy serving."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests

from bench.synthetic import generate, iter_calls
from pipelines.recording import RecordingServer, load_recording
from pipelines.recording.synthetic_reader import LazyLiveStore, split_visits

TIMEZONES = {1: "America/New_York", 2: "Asia/Kolkata", 3: "America/New_York"}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    summary = generate(out, visits=3000, sites=3, days=6)
    assert summary.visits == 3000
    return out


def _day_lists(directory: Path) -> list[tuple[dict, list[dict]]]:
    return [
        (call["params"], json.loads(call["body"]))
        for call in iter_calls(directory)
        if call["method"] == "Live.getLastVisitsDetails"
    ]


def test_recording_has_the_recorded_shape(synthetic: Path) -> None:
    manifest = json.loads((synthetic / "manifest.json").read_text())
    assert manifest["format"] == "matomo-api-recording/1"
    assert [s["idsite"] for s in manifest["sites"]] == [1, 2, 3]
    methods = [c["method"] for c in iter_calls(synthetic)]
    assert "SitesManager.getSitesWithAtLeastViewAccess" in methods
    assert methods.count("SitesManager.getSiteFromId") == 3
    assert methods.count("Goals.getGoals") == 3
    assert methods.count("Live.getLastVisitsDetails") == 3 * 6
    with gzip.open(synthetic / "calls.jsonl.gz", "rt") as fh:  # one valid gzip stream
        assert sum(1 for _ in fh) == len(manifest["calls"])
    for params, _ in _day_lists(synthetic):
        assert params["filter_limit"] == "-1" and params["period"] == "day"


def test_clones_are_consistent_real_visits(synthetic: Path) -> None:
    ids: set[int] = set()
    orders: set[tuple[int, str]] = set()
    total = 0
    for params, visits in _day_lists(synthetic):
        site = int(params["idSite"])
        zone = ZoneInfo(TIMEZONES[site])
        keys = [(v["lastActionTimestamp"], v["idVisit"]) for v in visits]
        assert keys == sorted(keys)
        for visit in visits:
            total += 1
            assert visit["idSite"] == site
            assert visit["idVisit"] not in ids
            ids.add(visit["idVisit"])
            last = dt.datetime.fromtimestamp(visit["lastActionTimestamp"], zone)
            assert last.date().isoformat() == params["date"]
            utc = dt.datetime.fromtimestamp(visit["lastActionTimestamp"], dt.UTC)
            assert visit["lastActionDateTime"] == utc.strftime("%Y-%m-%d %H:%M:%S")
            assert visit["serverDatePretty"] == (f"{last:%A}, {last:%B} {last.day}, {last.year}")
            first = visit["firstActionTimestamp"]
            assert first <= visit["lastActionTimestamp"] == visit["serverTimestamp"]
            offset = int(last.utcoffset().total_seconds())  # type: ignore[union-attr]
            for action in visit["actionDetails"]:
                # actionDetails timestamps are local wall clock written as UTC
                assert first + offset - 1 <= action["timestamp"]
                assert action["timestamp"] <= visit["lastActionTimestamp"] + offset + 1
                if action.get("orderId"):
                    assert (site, action["orderId"]) not in orders
                    orders.add((site, action["orderId"]))
    assert total == 3000
    assert orders, "the clones include ecommerce orders"


def test_lazy_store_serves_pages_like_the_emulator(synthetic: Path) -> None:
    recording = load_recording(synthetic)
    assert isinstance(recording.live, LazyLiveStore)
    params, visits = _day_lists(synthetic)[0]
    with RecordingServer(recording, token="t") as server:
        pages = []
        offset = 0
        while True:
            response = requests.post(
                server.url,
                data={
                    "module": "API",
                    "method": "Live.getLastVisitsDetails",
                    "format": "json",
                    "idSite": params["idSite"],
                    "period": "day",
                    "date": params["date"],
                    "filter_limit": 100,
                    "filter_offset": offset,
                    "filter_sort_order": "asc",
                    "token_auth": "t",
                },
                timeout=30,
            )
            page = response.json()
            pages.extend(page)
            if len(page) < 100:
                break
            offset += 100
    assert pages == visits


def test_split_visits_matches_a_full_parse(synthetic: Path) -> None:
    _, visits = _day_lists(synthetic)[1]
    body = next(
        c["body"] for c in iter_calls(synthetic) if c["method"] == "Live.getLastVisitsDetails"
    )
    fast = split_visits(body)
    parsed = json.loads(body)
    assert [json.loads(v.text) for v in fast] == parsed
    assert [(v.id_visit, v.last_action_ts) for v in fast] == [
        (p["idVisit"], p["lastActionTimestamp"]) for p in parsed
    ]
    assert split_visits("[]") == []
    assert len(visits) > 0
