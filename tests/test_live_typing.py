"""The bulk typing of Live rows (arrow reads plain fields from the dicts, casts decimals and
timestamps in bulk) gives the same tables and the same quarantine rows as typing every value
one by one, on the real recorded visits and on mutated copies holding values that must be
quarantined or that only the per-value path can type."""

from __future__ import annotations

import copy
import datetime as dt
import random
from collections.abc import Callable
from typing import Any

import pyarrow.compute as pc
import pytest

from pipelines.matomo.live import arrays, arrow, fields
from pipelines.matomo.live.audit import DayAudit, screen_page
from tests.bad_rows_recording import MUTATIONS, SITE

TIMEZONES = {1: "America/New_York", 2: "Asia/Kolkata"}
NOW = dt.datetime(2026, 10, 13, 12, tzinfo=dt.UTC)
ORDER_VISIT = 280  # a recorded visit of site 1 with an ecommerce order


def _order(key: str, value: Any) -> Callable[[dict], None]:
    def mutate(visit: dict) -> None:
        next(a for a in visit["actionDetails"] if a["type"] == "ecommerceOrder")[key] = value

    return mutate


def _visit(key: str, value: Any) -> Callable[[dict], None]:
    return lambda visit: visit.__setitem__(key, value)


# values at the edge of the bulk path, set on the order visit
EDGES: dict[str, Callable[[dict], None]] = {
    "money with float noise": _order("revenue", 609.1099999999999),
    "money as text": _order("revenue", "24.50"),
    "money as bool": _visit("totalEcommerceRevenue", True),
    "money out of range": _order("revenue", 1e30),
    "money NaN": _order("revenue", float("nan")),
    "integer as text": _visit("visitCount", "3"),
    "integer as bool": _visit("visitConverted", True),
    "integer beyond int64": _visit("visitDuration", 2.0**70),
    "integer beyond float precision": _visit("visitDuration", 2**60),
    "text as number": _visit("city", 42),
    "timestamp with a zone": _visit("lastActionDateTime", "2026-10-06 10:00:00Z"),
    "timestamp as epoch": _visit("lastActionDateTime", 1_791_000_000),
    "double as text": _visit("latitude", "48.1"),
    "unknown field": _visit("someNewField", {"a": [1, "\ud800"]}),
}


def _batch(day_lists: dict, mutate: Callable[[dict], None] | None, id_visit: int) -> list:
    """Every recorded visit of site 1, screened, with `mutate` applied to visit `id_visit`."""
    visits = []
    for (site, day), listed in sorted(day_lists.items()):
        if site != SITE:
            continue
        page = copy.deepcopy(listed)
        for visit in page:
            if mutate and visit.get("idVisit") == id_visit:
                mutate(visit)
        audit = DayAudit(site, dt.date.fromisoformat(day), True)
        visits.extend(screen_page(page, audit, TIMEZONES[site], NOW))
    return visits


def _tables(visits: list) -> tuple[list, list]:
    bad: list[Any] = []
    tables = [
        arrow.visits_table(visits, TIMEZONES[SITE], bad),
        arrow.actions_table(visits, bad),
        arrow.items_table(visits, bad),
    ]
    return tables, bad


def _per_value_tables(visits: list, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    def refuse(*args: Any) -> Any:
        raise TypeError("per value")

    with monkeypatch.context() as patch:
        patch.setattr(arrays, "_bulk", refuse)
        patch.setattr(arrow, "_utc_bulk", refuse)
        patch.setattr(fields, "_read", lambda rows, plain: {})
        return _tables(visits)


def _assert_same(visits: list, monkeypatch: pytest.MonkeyPatch) -> list:
    tables, bad = _tables(visits)
    slow_tables, slow_bad = _per_value_tables(visits, monkeypatch)
    for fast, slow in zip(tables, slow_tables, strict=True):
        assert fast.schema.equals(slow.schema)
        for name in fast.column_names:
            if name == "_dlt_id":  # random row ids: unique, never null
                assert pc.count_distinct(fast[name]).as_py() == fast.num_rows
                continue
            assert fast[name].equals(slow[name]), name
    assert bad == slow_bad
    return bad


def test_bulk_typing_equals_per_value_on_the_recorded_visits(
    recorded_day_lists: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    for site in TIMEZONES:
        visits = [v for (s, _), vs in sorted(recorded_day_lists.items()) if s == site for v in vs]
        bad: list[Any] = []
        tables = [
            arrow.visits_table(visits, TIMEZONES[site], bad),
            arrow.actions_table(visits, bad),
            arrow.items_table(visits, bad),
        ]
        assert bad == [] and tables[0].num_rows == len(visits)
        assert tables[1].num_rows == sum(len(v["actionDetails"]) for v in visits)
    assert _assert_same(_batch(recorded_day_lists, None, 0), monkeypatch) == []


@pytest.mark.parametrize("id_visit", sorted(MUTATIONS))
def test_bulk_typing_equals_per_value_with_bad_values(
    id_visit: int, recorded_day_lists: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_same(_batch(recorded_day_lists, MUTATIONS[id_visit], id_visit), monkeypatch)


@pytest.mark.parametrize("edge", sorted(EDGES))
def test_bulk_typing_equals_per_value_at_the_edges(
    edge: str, recorded_day_lists: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    visits = _batch(recorded_day_lists, EDGES[edge], ORDER_VISIT)
    bad = _assert_same(visits, monkeypatch)
    if edge in ("money with float noise", "money as text", "integer as text", "double as text"):
        assert bad == []  # typed by the per-value path, nothing to quarantine
    if edge in ("money out of range", "money NaN", "integer beyond int64", "timestamp as epoch"):
        assert [row["id_visit"] for row in bad] == [ORDER_VISIT]


def test_bulk_decimals_read_floats_and_texts_like_the_checker() -> None:
    """Money as Matomo sends it (floats of a few decimals, numeric texts), one value per
    column so that each value takes the bulk path when it can."""
    rng = random.Random(14)
    floats = [round(rng.uniform(0, 10**k), d) for k in range(13) for d in range(5) for _ in (0, 1)]
    floats += [rng.uniform(-1e6, 1e6) for _ in range(50)] + [0.1 + 0.2, 1e-7, 1e16, -0.0, 5]
    texts = [repr(x) for x in floats[:40]] + ["+5", ".5", "5.", "1e5", " 1.5", "1_000", ""]
    money = {"data_type": "decimal", "precision": 38, "scale": 9}
    for value in floats + texts:
        bulk_bad: list[Any] = []
        slow_bad: list[Any] = []
        bulk = arrays.arrow_column([value, None], money, bulk_bad)
        assert bulk.equals(arrays.per_value([value, None], money, slow_bad)), value
        assert bulk_bad == slow_bad
