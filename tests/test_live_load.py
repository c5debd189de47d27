"""The Live source end to end over HTTP against the recording server (a real Matomo's answers)."""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines.matomo.client import MatomoClient
from pipelines.runner import LoadOptions, load
from tests.conftest import TOKEN

START, END = "2026-10-05", "2026-10-11"
AFTER_ALL_FINAL = "2026-11-26T00:00:00Z"


@pytest.fixture()
def live_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every Live.getLastVisitsDetails call the pipeline makes (params as sent)."""
    calls: list[dict[str, Any]] = []
    original = MatomoClient.call

    def spy(self: MatomoClient, method: str, params: Any = None) -> Any:
        if method == "Live.getLastVisitsDetails":
            calls.append(dict(params or {}))
        return original(self, method, params)

    monkeypatch.setattr(MatomoClient, "call", spy)
    return calls


@pytest.fixture(autouse=True)
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 7 visits, so every day is read over many pages."""
    monkeypatch.setenv("SOURCES__MATOMO__LIVE_PAGE_SIZE", "7")


def run_live(db: Path, server: Any, **overrides: Any) -> Any:
    options = LoadOptions(
        url=server.url,
        api_token=TOKEN,
        start_date=START,
        end_date=END,
        now=AFTER_ALL_FINAL,
        reports=False,
    )
    for key, value in overrides.items():
        setattr(options, key, value)
    return load(db, options)


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


def expected_counts(day_lists: dict) -> tuple[dict, dict]:
    visits = {(site, day): len(vs) for (site, day), vs in day_lists.items()}
    actions = {
        (site, day): sum(len(v["actionDetails"]) for v in vs)
        for (site, day), vs in day_lists.items()
    }
    return visits, actions


def test_every_site_day_has_the_recorded_visits_and_actions(
    tmp_path: Path, server: Any, recorded_day_lists: dict
) -> None:
    db = tmp_path / "w.duckdb"
    result = run_live(db, server)
    assert result.ok
    want_visits, want_actions = expected_counts(recorded_day_lists)
    got_visits = {
        (s, d.isoformat()): n
        for s, d, n in query(
            db, "select id_site, visit_date, count(*) from matomo_raw.visits group by all"
        )
    }
    got_actions = {
        (s, d.isoformat()): n
        for s, d, n in query(
            db,
            """
        select v.id_site, v.visit_date, count(*) from matomo_raw.visit_actions a
        join matomo_raw.visits v using (id_site, id_visit) group by all""",
        )
    }
    assert got_visits == want_visits
    assert got_actions == want_actions
    items = sum(
        len(a.get("itemDetails") or [])
        for vs in recorded_day_lists.values()
        for v in vs
        for a in v["actionDetails"]
    )
    assert query(db, "select count(*) from matomo_raw.ecommerce_items")[0][0] == items
    assert query(db, "select count(*) from matomo_raw.sites")[0][0] == 2
    assert query(db, "select count(*) from matomo_raw.load_audit where visits > 0")[0][0] == 14


def test_money_is_decimal_and_never_split_into_variant_columns(
    tmp_path: Path, server: Any, recorded_day_lists: dict
) -> None:
    db = tmp_path / "w.duckdb"
    run_live(db, server)
    columns = query(
        db,
        """select table_name, column_name, data_type
        from information_schema.columns where table_schema = 'matomo_raw'""",
    )
    assert not [c for c in columns if "__v_" in c[1]]
    types = {(t, c): d for t, c, d in columns}
    assert types[("visit_actions", "revenue")].startswith("DECIMAL")
    assert types[("ecommerce_items", "price")].startswith("DECIMAL")
    assert types[("visits", "visit_date")] == "DATE"
    want = sum(
        round(a["revenue"] * 100)
        for vs in recorded_day_lists.values()
        for v in vs
        for a in v["actionDetails"]
        if a["type"] == "ecommerceOrder"
    )
    got = query(
        db,
        """select sum(revenue) * 100 from matomo_raw.visit_actions
                       where type = 'ecommerceOrder'""",
    )[0][0]
    assert int(got) == want


def test_rerun_adds_nothing_and_reads_no_final_day_again(
    tmp_path: Path, server: Any, live_calls: list
) -> None:
    db = tmp_path / "w.duckdb"
    run_live(db, server)
    before = query(db, "select count(*), sum(hash(id_site, id_visit)) from matomo_raw.visits")
    actions_before = query(db, "select count(*) from matomo_raw.visit_actions")
    live_calls.clear()
    run_live(db, server)
    assert live_calls == []  # every day was final and is in the state
    run_live(db, server, force_start=True)  # an explicit re-read replaces, never duplicates
    assert live_calls
    assert (
        query(db, "select count(*), sum(hash(id_site, id_visit)) from matomo_raw.visits") == before
    )
    assert query(db, "select count(*) from matomo_raw.visit_actions") == actions_before


def test_later_now_rereads_only_days_that_were_not_final(
    tmp_path: Path, server: Any, live_calls: list, recorded_day_lists: dict
) -> None:
    db = tmp_path / "w.duckdb"
    # 14:00Z on 10-11: 10:00 in New York, 19:30 in Kolkata: 10-11 is today for both sites.
    run_live(db, server, end_date=None, now="2026-10-11T14:00:00Z")
    first = Counter((c["idSite"], c["date"]) for c in live_calls)
    assert {d for _, d in first} == {f"2026-10-{d:02d}" for d in range(5, 12)}
    live_calls.clear()
    # 06:00Z on 10-12: 02:00 in New York, 11:30 in Kolkata: 10-11 is final, 10-12 is today.
    run_live(db, server, end_date=None, now="2026-10-12T06:00:00Z")
    second = {(c["idSite"], c["date"]) for c in live_calls}
    assert second == {(s, d) for s in (1, 2) for d in ("2026-10-11", "2026-10-12")}
    want, _ = expected_counts(recorded_day_lists)
    got = dict(
        ((s, d.isoformat()), n)
        for s, d, n in query(
            db, "select id_site, visit_date, count(*) from matomo_raw.visits group by all"
        )
    )
    assert got == want  # the re-read day replaced, not duplicated
    audit = query(
        db,
        """select id_site, visit_date, is_final from matomo_raw.load_audit
                         where visit_date = '2026-10-11' order by _dlt_load_id, id_site""",
    )
    assert [r[2] for r in audit] == [False, False, True, True]


def test_site_added_later_is_backfilled_without_touching_the_others(
    tmp_path: Path, server: Any, live_calls: list, recorded_day_lists: dict
) -> None:
    db = tmp_path / "w.duckdb"
    run_live(db, server, site_ids=[1])
    assert {c["idSite"] for c in live_calls} == {1}
    live_calls.clear()
    run_live(db, server, site_ids=[1, 2])
    assert {c["idSite"] for c in live_calls} == {2}
    want, _ = expected_counts(recorded_day_lists)
    assert query(db, "select count(*) from matomo_raw.visits")[0][0] == sum(want.values())


def test_token_never_leaves_the_post_body(
    tmp_path: Path, server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "w.duckdb"
    with caplog.at_level(logging.DEBUG):
        run_live(db, server)
    assert server.access_log
    assert all("token_auth" not in entry["query"] for entry in server.access_log)
    assert all(entry["status"] == 200 for entry in server.access_log)
    assert TOKEN not in caplog.text
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.suffix != ".duckdb":
            assert TOKEN.encode() not in path.read_bytes(), path
    text_columns = query(
        db,
        """select table_name, column_name from information_schema.columns
        where table_schema = 'matomo_raw' and data_type in ('VARCHAR', 'JSON')""",
    )
    hits = [
        (t, c)
        for t, c in text_columns
        if query(
            db, f'select count(*) from matomo_raw."{t}" where "{c}"::varchar like \'%{TOKEN}%\''
        )[0][0]
    ]
    assert hits == []


def test_refresh_skips_dbt_when_nothing_new_was_loaded(
    tmp_path: Path, server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipelines import workflow

    builds: list[str] = []
    monkeypatch.setattr(
        workflow, "_transform_and_reconcile", lambda path, select: builds.append(str(path)) or 0
    )
    db = tmp_path / "w.duckdb"
    options = LoadOptions(
        url=server.url,
        api_token=TOKEN,
        start_date=START,
        end_date=END,
        now=AFTER_ALL_FINAL,
        reports=False,
    )
    assert workflow.refresh(db, options) == 0
    assert workflow.refresh(db, options) == 0  # every day final and loaded: nothing new
    assert len(builds) == 1
    options.force_start = True  # re-reads rows: the marts are rebuilt
    assert workflow.refresh(db, options) == 0
    assert len(builds) == 2


def test_a_long_backfill_loads_in_chunks_with_the_same_result(
    tmp_path: Path, server: Any, monkeypatch: pytest.MonkeyPatch, recorded_day_lists: dict
) -> None:
    limit = 300
    monkeypatch.setenv("SOURCES__MATOMO__VISITS_PER_LOAD", str(limit))
    db = tmp_path / "w.duckdb"
    run_live(db, server, force_start=True)
    want, _ = expected_counts(recorded_day_lists)
    loads, in_load = 1, 0  # a load ends at the first day boundary past `limit` visits
    for n in [want[key] for key in sorted(want)][:-1]:
        in_load += n
        if in_load >= limit:
            loads, in_load = loads + 1, 0
    assert loads > 1
    assert query(db, "select count(*) from matomo_raw._dlt_loads")[0][0] == loads
    # each day read whole exactly once (a day prefetched past the end of a load is dropped
    # unread and fetched again by the next load)
    audits = query(
        db, "select id_site, visit_date, count(*) from matomo_raw.load_audit group by all"
    )
    assert len(audits) == 14 and {n for _, _, n in audits} == {1}
    got = {
        (s, d.isoformat()): n
        for s, d, n in query(
            db, "select id_site, visit_date, count(*) from matomo_raw.visits group by all"
        )
    }
    assert got == want
