"""Loads of days never read before append the Live rows instead of merging them (DuckDB,
`live.days.load_plans`): the same rows as a merge-only load of the same real recording, in
chunks, through refreshes that re-read days, and with a visit Matomo lists under two days."""

from __future__ import annotations

import copy
import dataclasses
import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines import leftovers
from pipelines.matomo.live import days
from pipelines.recording import RecordingServer
from pipelines.runner import LoadOptions, load
from tests.conftest import TOKEN

START = "2026-10-05"
LIVE_TABLES = ("visits", "visit_actions", "ecommerce_items")
# 14:00Z on 10-11: 10-11 is today for both sites (New York, Kolkata); 06:00Z on 10-12: 10-11
# is final, 10-12 today; 11-26: every day final
NOWS = ("2026-10-11T14:00:00Z", "2026-10-12T06:00:00Z", "2026-11-26T00:00:00Z")
MOVED_FROM, MOVED_TO = "2026-10-06", "2026-10-07"  # site 1, see `moved_visit_recording`


def run_live(db: Path, url: str, now: str, **overrides: Any) -> None:
    options = LoadOptions(
        url=url, api_token=TOKEN, start_date=START, now=now, reports=False, **overrides
    )
    assert load(db, options).ok


@pytest.fixture()
def merge_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Loads as before this change: every load merges."""
    original = days.load_plans
    monkeypatch.setattr(days, "load_plans", lambda plans, state, _: original(plans, state, False))
    yield


@pytest.fixture(autouse=True)
def chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loads of ~300 visits (the recording has 1,345) and pages of 50 visits."""
    monkeypatch.setenv("SOURCES__MATOMO__VISITS_PER_LOAD", "300")
    monkeypatch.setenv("SOURCES__MATOMO__LIVE_PAGE_SIZE", "50")


def live_rows_differ(a: Path, b: Path) -> dict[str, int]:
    """Rows of the Live tables in one warehouse and not the other (multisets, every column
    but dlt's load and row ids), per table; {} when equal."""
    out = {}
    with duckdb.connect() as con:
        con.execute(f"attach '{a}' as a (read_only)")
        con.execute(f"attach '{b}' as b (read_only)")
        for table in LIVE_TABLES:
            cols = [
                f'"{name}"'
                for (name,) in con.execute(
                    "select column_name from information_schema.columns where table_catalog = 'a'"
                    " and table_schema = 'matomo_raw' and table_name = ? order by ordinal_position",
                    [table],
                ).fetchall()
                if name not in ("_dlt_load_id", "_dlt_id")
            ]
            select = ", ".join(cols)
            n = con.execute(
                f"""select count(*) from (
                (select {select} from a.matomo_raw.{table} except all
                 select {select} from b.matomo_raw.{table}) union all
                (select {select} from b.matomo_raw.{table} except all
                 select {select} from a.matomo_raw.{table}))"""
            ).fetchone()[0]
            if n:
                out[table] = n
    return out


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


def duplicate_keys(db: Path) -> dict[str, int]:
    keys = {
        "visits": "id_site, id_visit",
        "visit_actions": "id_site, id_visit, position",
        "ecommerce_items": "id_site, id_visit, position, item_position",
    }
    return {
        t: n
        for t, k in keys.items()
        if (n := query(db, f"select count(*) - count(distinct ({k})) from matomo_raw.{t}")[0][0])
    }


def staged_days(db: Path) -> set[str]:
    """Days of the rows the last merge put through the staging dataset."""
    tables = {r[0] for r in query(db, "select schema_name from information_schema.schemata")}
    if "matomo_raw_staging" not in tables:
        return set()
    return {
        str(d) for (d,) in query(db, "select distinct visit_date from matomo_raw_staging.visits")
    }


@pytest.fixture(scope="module")
def merged(tmp_path_factory: pytest.TempPathFactory, recording_dir: Path) -> list[Path]:
    """The merge-only warehouse after each run of `NOWS` (copies), the last one forced."""
    return _sequence(tmp_path_factory.mktemp("merged"), recording_dir, merge=True)


def _sequence(folder: Path, recording: Path, merge: bool) -> list[Path]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCES__MATOMO__VISITS_PER_LOAD", "300")
        mp.setenv("SOURCES__MATOMO__LIVE_PAGE_SIZE", "50")
        if merge:
            original = days.load_plans
            mp.setattr(days, "load_plans", lambda p, s, _: original(p, s, False))
        db, copies = folder / "w.duckdb", []
        with RecordingServer(recording, token=TOKEN) as server:
            for n, now in enumerate(NOWS):
                run_live(db, server.url, now, force_start=n == len(NOWS) - 1)
                copies.append(shutil.copy(db, folder / f"after-{n}.duckdb"))
    return [Path(c) for c in copies]


def test_backfill_in_chunks_appends_and_refreshes_merge_with_the_same_rows(
    tmp_path: Path, recording_dir: Path, merged: list[Path]
) -> None:
    appended = _sequence(tmp_path, recording_dir, merge=False)
    # 1st run: 10-05..10-10 final and new: appended, in several loads; 10-11 (today) merged
    assert query(appended[0], "select count(*) from matomo_raw._dlt_loads")[0][0] > 2
    assert staged_days(appended[0]) == {"2026-10-11"}
    assert staged_days(merged[0]) > {"2026-10-11"}  # its last load merged more days
    for mine, theirs in zip(appended, merged, strict=True):
        assert duplicate_keys(mine) == {}
        assert live_rows_differ(mine, theirs) == {}
    # 2nd run re-reads 10-11 and reads 10-12 (today): merged; the forced re-read too
    assert query(appended[1], "select count(*) from matomo_raw.visits")[0][0] == 1345


def test_state_says_when_a_site_may_append() -> None:
    from pipelines.matomo.sites import Site

    site = Site(id=1, name="s", timezone="UTC", currency="EUR", ecommerce=False, raw={})
    state: dict[str, Any] = {}
    plan = days.DayPlan(site=site, days=_days(5, 6, 7), final=(True, True, False))
    reads, append = days.load_plans([plan], state, True)
    assert append and reads[0].days == _days(5, 6)  # not-final 10-07 left for a later load
    assert days.load_plans([plan], state, False) == ([plan], False)  # PostgreSQL
    today = days.DayPlan(site=dataclasses.replace(site, id=2), days=_days(7), final=(False,))
    reads, append = days.load_plans([plan, today], state, True)
    assert append and reads[1].days == ()  # site 2 waits until site 1's final days are read
    assert days.load_plans([today], state, True) == ([today], False)  # only not-final left
    days.record_day(state, site, _days(5)[0], True)
    days.record_day(state, site, _days(6)[0], True)
    assert state["1"]["settled"] == {"through": "2026-10-06", "timezone": "UTC"}
    later = days.DayPlan(site=site, days=_days(7), final=(True,))
    assert days.load_plans([later], state, True)[1]  # a new final day
    again = days.DayPlan(site=site, days=_days(6, 7), final=(True, True))
    assert not days.load_plans([again], state, True)[1]  # re-reads 10-06: merge
    moved = dataclasses.replace(site, timezone="Asia/Kolkata")
    assert not days.load_plans([days.DayPlan(moved, _days(7), (True,))], state, True)[1]
    days.record_day(state, site, _days(7)[0], False)  # a day read not final: merge for good
    assert "settled" not in state["1"]
    assert not days.load_plans([days.DayPlan(site, _days(8), (True,))], state, True)[1]


def _days(*numbers: int) -> tuple[Any, ...]:
    import datetime as dt

    return tuple(dt.date(2026, 10, n) for n in numbers)


def moved_visit_recording(target: Path, recording: Path) -> tuple[Path, int, int]:
    """The recording with site 1's last visit of `MOVED_FROM` also listed under `MOVED_TO`
    with one more action (as if Matomo changed it after its day was final). Returns the
    folder, the visit id and its number of actions in the later listing."""
    with gzip.open(recording / "calls.jsonl.gz", "rt") as handle:
        calls = [json.loads(line) for line in handle]

    def day_list(call: dict[str, Any], day: str) -> bool:
        p = call["params"]
        return (
            call["method"] == "Live.getLastVisitsDetails"
            and p.get("idSite") == "1"
            and p.get("date") == day
            and call["http_status"] == 200
        )

    asc = next(
        c for c in calls if day_list(c, MOVED_FROM) and c["params"]["filter_sort_order"] == "asc"
    )
    visit = copy.deepcopy(json.loads(asc["body"])[-1])
    action = copy.deepcopy(visit["actionDetails"][-1])
    action["timestamp"] += 60
    visit["actionDetails"].append(action)
    for call in calls:
        if day_list(call, MOVED_TO):
            visits = json.loads(call["body"])
            first = min(v["lastActionTimestamp"] for v in visits)
            visit["lastActionTimestamp"] = first - 1  # just after midnight: still MOVED_TO
            ascending = call["params"]["filter_sort_order"] == "asc"
            call["body"] = json.dumps([visit, *visits] if ascending else [*visits, visit])
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(recording / "manifest.json", target / "manifest.json")
    with gzip.open(target / "calls.jsonl.gz", "wt") as out:
        for call in calls:
            out.write(json.dumps(call) + "\n")
    return target, int(visit["idVisit"]), len(visit["actionDetails"])


def test_a_visit_listed_under_two_days_is_loaded_once(
    tmp_path: Path, recording_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder, id_visit, n_actions = moved_visit_recording(tmp_path / "rec", recording_dir)
    final = NOWS[-1]
    one = f"from matomo_raw.visits where id_site = 1 and id_visit = {id_visit}"
    with RecordingServer(folder, token=TOKEN) as server:
        # in one appending load: the first listing is kept, the repeat counted as a duplicate
        run_live(tmp_path / "one.duckdb", server.url, final, end_date="2026-10-11")
        assert duplicate_keys(tmp_path / "one.duckdb") == {}
        assert query(tmp_path / "one.duckdb", f"select visit_date::varchar {one}") == [
            (MOVED_FROM,)
        ]
        dups = "select sum(duplicate_visits) from matomo_raw.load_audit where id_site = 1"
        assert query(tmp_path / "one.duckdb", dups) == [(1,)]
        # across loads: the later load's listing replaces the earlier one, as a merge does,
        # also when the run died right after its load (the next run's start does it)
        two = tmp_path / "two.duckdb"
        run_live(two, server.url, final, end_date=MOVED_FROM)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(leftovers, "drop_superseded", lambda pipeline: None)
            run_live(two, server.url, final, end_date=MOVED_TO)  # killed after its load
        assert duplicate_keys(two)["visit_actions"] == n_actions - 1  # and its visit row
        run_live(two, server.url, final, end_date="2026-10-11")
    assert duplicate_keys(two) == {}
    assert query(two, f"select visit_date::varchar {one}") == [(MOVED_TO,)]
    actions = "select count(*) from matomo_raw.visit_actions where id_site = 1 and id_visit = "
    assert query(two, f"{actions}{id_visit}") == [(n_actions,)]
    assert "replaced by load" in caplog.text
