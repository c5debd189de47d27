"""Pure functions of the Live source: day windows, finality, arrow tables, paging guards."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from pipelines.dates import parse_date, to_utc
from pipelines.errors import UserError
from pipelines.matomo.client import MatomoError
from pipelines.matomo.live import arrow
from pipelines.matomo.live.audit import DayAudit, screen_page, visit_local_date
from pipelines.matomo.live.days import day_is_final, plan_days, plan_site
from pipelines.matomo.run_context import LoadChunks
from pipelines.matomo.sites import Site, normalize_timezone

NY = Site(id=1, name="Shop", timezone="America/New_York", currency="USD", ecommerce=True, raw={})
KOLKATA = Site(id=2, name="Docs", timezone="Asia/Kolkata", currency="USD", ecommerce=False, raw={})


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("day", "tz", "now", "final"),
    [
        # New York is UTC-4 in October: local midnight of 10-12 is 04:00Z, +60 min grace.
        ("2026-10-11", "America/New_York", "2026-10-12T04:59:59", False),
        ("2026-10-11", "America/New_York", "2026-10-12T05:00:00", True),
        # Kolkata is UTC+5:30: midnight of 10-12 local is 18:30Z on 10-11.
        ("2026-10-11", "Asia/Kolkata", "2026-10-11T19:29:59", False),
        ("2026-10-11", "Asia/Kolkata", "2026-10-11T19:30:00", True),
        # DST ends in New York on 2026-11-01 (a 25-hour day): midnight of 11-02 is 05:00Z.
        ("2026-11-01", "America/New_York", "2026-11-02T05:59:59", False),
        ("2026-11-01", "America/New_York", "2026-11-02T06:00:00", True),
    ],
)
def test_day_is_final_uses_site_timezone_and_grace(
    day: str, tz: str, now: str, final: bool
) -> None:
    assert day_is_final(dt.date.fromisoformat(day), tz, utc(now)) is final


def test_plan_first_run_starts_at_start_date_and_ends_today() -> None:
    plan = plan_days(
        NY,
        start_date=dt.date(2026, 10, 9),
        last_final_day=None,
        end_date=None,
        now=utc("2026-10-12T03:00:00"),
    )
    # 03:00Z on 10-12 is still 10-11 in New York: today is 10-11, not final.
    assert plan.days == (dt.date(2026, 10, 9), dt.date(2026, 10, 10), dt.date(2026, 10, 11))
    assert plan.final == (True, True, False)


def test_plan_continues_after_last_final_day_and_caps_end_at_today() -> None:
    plan = plan_days(
        KOLKATA,
        start_date=dt.date(2026, 10, 1),
        last_final_day=dt.date(2026, 10, 10),
        end_date=dt.date(2026, 12, 31),
        now=utc("2026-10-11T20:00:00"),
    )
    # 20:00Z on 10-11 is 01:30 on 10-12 in Kolkata.
    assert plan.days == (dt.date(2026, 10, 11), dt.date(2026, 10, 12))
    assert plan.final == (True, False)


def test_plan_force_start_rereads_from_start_date() -> None:
    plan = plan_days(
        NY,
        start_date=dt.date(2026, 10, 5),
        last_final_day=dt.date(2026, 10, 10),
        end_date=dt.date(2026, 10, 6),
        now=utc("2026-11-26T00:00:00"),
        force_start=True,
    )
    assert plan.days == (dt.date(2026, 10, 5), dt.date(2026, 10, 6))


def test_plan_without_start_date_reaches_back_the_default_days() -> None:
    plan = plan_days(
        NY, start_date=None, last_final_day=None, end_date=None, now=utc("2026-11-26T12:00:00")
    )
    assert plan.days[0] == dt.date(2026, 11, 26) - dt.timedelta(days=30)
    assert plan.days[-1] == dt.date(2026, 11, 26)


def test_parse_date_names_the_setting() -> None:
    with pytest.raises(UserError, match="start_date '2026-13-45' is not a date"):
        parse_date("2026-13-45", "start_date")


def test_to_utc_accepts_iso_strings_and_naive_datetimes() -> None:
    assert to_utc("2026-10-12T06:00:00Z") == utc("2026-10-12T06:00:00")
    assert to_utc(dt.datetime(2026, 10, 12, 6)) == utc("2026-10-12T06:00:00")
    with pytest.raises(UserError, match="not an ISO timestamp"):
        to_utc("yesterday-ish")


def test_normalize_timezone() -> None:
    assert normalize_timezone("Asia/Kolkata") == "Asia/Kolkata"
    assert normalize_timezone("UTC") == "UTC"
    assert normalize_timezone("UTC+2") == "Etc/GMT-2"
    with pytest.raises(MatomoError, match="fractional"):
        normalize_timezone("UTC+5.5")


def test_visit_local_date_follows_site_timezone(recorded_day_lists: dict) -> None:
    for (site_id, day), visits in recorded_day_lists.items():
        tz = NY.timezone if site_id == 1 else KOLKATA.timezone
        assert {visit_local_date(v, tz).isoformat() for v in visits} <= {day}


def _first_visit_with(recorded_day_lists: dict, action_type: str) -> dict[str, Any]:
    for visits in recorded_day_lists.values():
        for visit in visits:
            if any(a["type"] == action_type for a in visit["actionDetails"]):
                return visit
    raise AssertionError(f"no recorded visit with a {action_type} action")


def test_action_and_item_rows_are_keyed_by_matomo_ids(recorded_day_lists: dict) -> None:
    visit = _first_visit_with(recorded_day_lists, "ecommerceOrder")
    table = arrow.actions_table([visit])
    actions = table.to_pylist()
    assert [a["position"] for a in actions] == list(range(1, len(visit["actionDetails"]) + 1))
    assert {(a["id_site"], a["id_visit"]) for a in actions} == {(visit["idSite"], visit["idVisit"])}
    assert "item_details" not in table.column_names
    items = arrow.items_table([visit]).to_pylist()
    expected = sum(len(a.get("itemDetails") or []) for a in visit["actionDetails"])
    assert len(items) == expected > 0
    order = next(a for a in visit["actionDetails"] if a["type"] == "ecommerceOrder")
    assert any(i["order_id"] == order["orderId"] for i in items)


def test_content_actions_keep_numeric_type_as_text(recorded_day_lists: dict) -> None:
    visit = next(
        v
        for vs in recorded_day_lists.values()
        for v in vs
        if any(a["type"] == 13 for a in v["actionDetails"])
    )
    assert "13" in set(arrow.actions_table([visit]).column("type").to_pylist())


def test_visit_row_drops_actions_and_adds_local_date(recorded_day_lists: dict) -> None:
    visit = recorded_day_lists[(2, "2026-10-05")][0]
    table = arrow.visits_table([visit], KOLKATA.timezone)
    (row,) = table.to_pylist()
    assert "action_details" not in table.column_names
    assert row["visit_date"] == dt.date(2026, 10, 5)
    assert row["last_action_at"] == dt.datetime.fromtimestamp(visit["lastActionTimestamp"], dt.UTC)


def test_screen_page_drops_repeated_visits_and_counts_anomalies(
    recorded_day_lists: dict,
) -> None:
    visits = recorded_day_lists[(1, "2026-10-06")]
    audit = DayAudit(id_site=1, visit_date=dt.date(2026, 10, 6), is_final=True)
    first = screen_page(visits[:10], audit, NY.timezone)
    truncated = dict(visits[10], truncatedActionsCount=12)
    other_day = visits[11]
    second = screen_page(
        [visits[9], truncated, other_day], audit, NY.timezone
    )  # visits[9] repeats across the page boundary
    assert len(first) == 10
    assert [v["idVisit"] for v in second] == [visits[10]["idVisit"], visits[11]["idVisit"]]
    assert (audit.visits, audit.duplicate_visits, audit.truncated_visits) == (12, 1, 1)
    assert audit.anomalies
    row = audit.row()
    assert row["pages"] == 2 and row["duplicate_visits"] == 1


def test_screen_page_flags_a_visit_of_another_day(recorded_day_lists: dict) -> None:
    visit = recorded_day_lists[(1, "2026-10-06")][0]
    audit = DayAudit(id_site=1, visit_date=dt.date(2026, 10, 7), is_final=True)
    assert screen_page([visit], audit, NY.timezone) == [visit]  # kept, not dropped
    assert audit.other_day_visits == 1


def test_a_full_load_ends_at_a_day_boundary_and_the_next_resumes_after_it() -> None:
    chunks = LoadChunks(visits_per_load=250)
    now = utc("2026-11-26T12:00:00")
    first = plan_site(NY, {}, dt.date(2026, 10, 5), dt.date(2026, 10, 11), True, now, chunks)
    assert not chunks.day_read(1, first.days[0], 100)
    assert chunks.day_read(1, first.days[1], 200)  # 300 >= 250: the load ends after day 2
    chunks.end_load([first], complete=False)
    assert chunks.more
    chunks.next_load()
    second = plan_site(NY, {}, dt.date(2026, 10, 5), dt.date(2026, 10, 11), True, now, chunks)
    assert second.days[0] == dt.date(2026, 10, 7)  # forced, yet not from start_date again
    for day in second.days:
        chunks.day_read(1, day, 10)
    chunks.end_load([second], complete=True)
    assert not chunks.more
    assert plan_site(NY, {}, dt.date(2026, 10, 5), None, True, now, chunks).days == ()
