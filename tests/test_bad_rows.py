"""Bad Live values: a mutated copy of the real recording (tests/bad_rows_recording.py) is served
by the fake Matomo and refreshed once (load + dbt + reconciliation); the bad values go to
matomo_raw.quarantine, the rest of the day loads and the marts build."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from pipelines import workflow
from pipelines.commands.status import status_lines
from pipelines.matomo.live import arrow
from tests.bad_rows_recording import DAY, DROPPED, SITE, WORMHOLE_VISIT, write_mutated_recording

NULL, REPAIRED, DROPPED_VISIT = "loaded as NULL", "loaded repaired", "visit not loaded"


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """One refresh of the mutated recording: exit code, warehouse path, log records."""
    folder = tmp_path_factory.mktemp("bad_rows")
    recording = write_mutated_recording(folder / "recording")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append  # type: ignore[method-assign]
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        code = workflow.demo(folder / "w.duckdb", recording=recording)
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    yield {"code": code, "db": folder / "w.duckdb", "records": records}


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql).fetchall()


def _order_position(recorded_day_lists: dict) -> int:
    visit = next(v for v in recorded_day_lists[(SITE, DAY)] if v["idVisit"] == 280)
    types = [a["type"] for a in visit["actionDetails"]]
    return types.index("ecommerceOrder") + 1


def test_bad_values_are_quarantined_and_the_rest_of_the_day_loads(
    refreshed: dict[str, Any], recorded_day_lists: dict
) -> None:
    assert refreshed["code"] == 0
    db = refreshed["db"]
    order = _order_position(recorded_day_lists)
    got = set(
        query(
            db,
            """select id_visit, position, item_position, table_name, field, raw_value, outcome
               from matomo_raw.quarantine""",
        )
    )
    assert got == {
        (309, None, None, "visits", "visit_duration", "long", NULL),
        (308, 1, None, "visit_actions", "time_spent", "twenty", NULL),
        (280, order, None, "visit_actions", "revenue", "n/a", NULL),
        (280, order, 1, "ecommerce_items", "quantity", "one", NULL),
        (280, order, 1, "ecommerce_items", "price", "twenty-four", NULL),
        (306, None, None, "visits", "latitude", "north", NULL),
        (305, None, None, "visits", "actions", "5.5", NULL),  # not truncated to 5
        (304, 1, None, "visit_actions", "page_title", "Shoes \ufffd sale", REPAIRED),
        (None, None, None, "visits", "id_visit", got_missing_id(db), DROPPED_VISIT),
        (302, None, None, "visits", "last_action_timestamp", "4102444800", DROPPED_VISIT),
        (301, 1, None, "visit_actions", "timestamp", str(2**62), DROPPED_VISIT),
    }
    joined = """select count(*) from matomo_raw.quarantine q join matomo_raw.load_audit a
                using (id_site, visit_date, loaded_at) where q._dlt_load_id is not null"""
    assert query(db, joined) == [(len(got),)]  # one row per value, keyed to its audit row
    visits = dict(
        query(
            db,
            """select id_visit, struct_pack(visit_duration, actions, latitude)
               from matomo_raw.visits where id_site = 1 and visit_date = '2026-10-06'""",
        )
    )
    recorded = {v["idVisit"] for v in recorded_day_lists[(SITE, DAY)]}
    assert set(visits) == recorded - DROPPED
    assert visits[309]["visit_duration"] is None and visits[305]["actions"] is None
    assert visits[306]["latitude"] is None and visits[308]["actions"] is not None
    title = query(db, "select page_title from matomo_raw.visit_actions where id_visit = 304")
    assert ("Shoes \ufffd sale",) in title
    others = query(
        db, "select count(*) from matomo_raw.quarantine where visit_date <> '2026-10-06'"
    )
    assert others == [(0,)]


def got_missing_id(db: Path) -> str:
    """The raw value of the visit without idVisit: what identifies it (site, visitor, time)."""
    (raw,) = query(db, "select raw_value from matomo_raw.quarantine where id_visit is null")[0]
    assert '"idSite": 1' in raw and "lastActionTimestamp" in raw
    return raw


def test_each_day_logs_one_warning_and_the_audit_status_and_summary_count(
    refreshed: dict[str, Any],
) -> None:
    records = refreshed["records"]
    warnings = [
        r.getMessage()
        for r in records
        if r.levelno == logging.WARNING and "quarantined" in r.getMessage()
    ]
    assert len(warnings) == 1 and warnings[0].startswith("site 1 2026-10-06: 11 value(s)")
    assert any("; 11 value(s) quarantined" in r.getMessage() for r in records)
    audit = query(
        refreshed["db"],
        "select id_site, visit_date, quarantined_values from matomo_raw.load_audit",
    )
    assert {(s, d): n for s, d, n in audit if n} == {(1, dt.date(2026, 10, 6)): 11}
    with duckdb.connect(str(refreshed["db"]), read_only=True) as con:
        lines = status_lines(con)
    assert "  quarantined: 11 value(s) on 1 day(s) (see matomo_raw.quarantine)" in lines


def test_an_unknown_action_type_loads_as_other_and_warns_with_its_rows(
    refreshed: dict[str, Any],
) -> None:
    db = refreshed["db"]
    assert (
        query(
            db, f"select type from matomo_raw.visit_actions where id_visit = {WORMHOLE_VISIT}"
        ).count(("wormhole",))
        == 1
    )
    assert query(
        db,
        f"""select action_type from matomo.fct_actions
            where visit_id = {WORMHOLE_VISIT} and action_position = 2""",
    ) == [("other",)]
    stored = query(db, "select * from matomo_audit.unknown_action_types")
    assert stored == [(SITE, WORMHOLE_VISIT, 2, "wormhole")]
    assert any(
        r.levelno == logging.WARNING and "unknown_action_types" in r.getMessage()
        for r in refreshed["records"]
    )


def test_reconciliation_explains_the_quarantined_day_only(refreshed: dict[str, Any]) -> None:
    rows = query(
        refreshed["db"],
        """select site_id, period, date, status, count(*) from matomo_audit.reconciliation
           where status not in ('match', 'explained_truncated_others') group by all""",
    )
    quarantined = {(s, p, d) for s, p, d, status, _ in rows if status == "explained_quarantined"}
    assert (SITE, "day", dt.date(2026, 10, 6)) in quarantined
    assert {s for s, _, _ in quarantined} == {SITE}
    assert all(
        d == dt.date(2026, 10, 6) or p != "day" for _, p, d in quarantined
    )  # weeks / months holding that day
    assert not [r for r in rows if r[3] in ("mismatch", "missing_in_mart", "missing_in_matomo")]


def test_the_bulk_path_flags_what_arrow_would_truncate() -> None:
    bad: list[Any] = []
    column = {"data_type": "bigint"}
    assert arrow.arrow_column([1, "2", 3.0, 5.5, 2**64], column, bad).to_pylist() == [
        1,
        2,
        3,
        None,
        None,
    ]
    assert [(i, reason) for i, _, reason in bad] == [(3, "not an integer"), (4, "out of range")]
    clean: list[Any] = []
    assert arrow.arrow_column([1, None, 3], column, clean).to_pylist() == [1, None, 3]
    money = arrow.arrow_column([609.1099999999999, "x"], {"data_type": "decimal"}, clean)
    assert str(money[0].as_py()) == "609.110000000" and money[1].as_py() is None
    assert [reason for _, _, reason in clean] == ["not a number"]


def test_text_json_and_timestamps_that_cannot_be_stored_are_flagged() -> None:
    bad: list[Any] = []
    json_column = arrow.arrow_column([["a\ud800"], None, {"k": 1}], {"data_type": "json"}, bad)
    assert json_column.to_pylist() == ['["a\ufffd"]', None, '{"k":1}']
    stamps = arrow.arrow_column(["2026-10-05 10:00:00", "soon"], {"data_type": "timestamp"}, bad)
    assert stamps[1].as_py() is None
    assert [(i, reason) for i, _, reason in bad] == [
        (0, "invalid unicode (lone surrogate) replaced by U+FFFD"),
        (1, "not a timestamp"),
    ]
