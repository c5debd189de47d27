"""Unit tests of the pure Reporting API helpers, on real recorded bodies."""

from __future__ import annotations

import gzip
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pendulum
import pytest

import pipelines.matomo as matomo
from pipelines.errors import UserError
from pipelines.matomo import dimensions
from pipelines.matomo.reports import catalogue, schedule
from pipelines.matomo.reports import rows as rowmod
from pipelines.recording import bundled_recording_dir

D = pendulum.Date
MONTH = Path(__file__).parent / "fixtures" / "matomo-recordings" / "public-month"


@pytest.fixture(scope="module")
def calls() -> list[dict[str, Any]]:
    with gzip.open(bundled_recording_dir() / "calls.jsonl.gz", "rt") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def recorded(calls: list[dict[str, Any]]) -> dict[tuple, Any]:
    """Recorded bodies of valid calls by their params (without module/format)."""
    out = {}
    for call in calls:
        if call["auth"] == "valid":
            params = {k: v for k, v in call["params"].items() if k not in ("module", "format")}
            out[tuple(sorted(params.items()))] = json.loads(call["body"])
    return out


def _body(recorded: dict, method: str, period: str = "day", date: str = "2026-10-05", **kw: str):
    params = {"method": method, "idSite": "1", "period": period, "date": date, **kw}
    params = {**catalogue.STANDARD_PARAMS, **params}
    return recorded[tuple(sorted(params.items()))]


@pytest.mark.parametrize(
    ("method", "table"),
    [
        ("VisitsSummary.get", "report_visits_summary_get"),
        ("Actions.getPageUrls", "report_actions_get_page_urls"),
        ("Goals.getItemsSku", "report_goals_get_items_sku"),
        ("DevicesDetection.getOsFamilies", "report_devices_detection_get_os_families"),
        (
            "VisitTime.getVisitInformationPerLocalTime",
            "report_visit_time_get_visit_information_per_local_time",
        ),
    ],
)
def test_table_name(method: str, table: str) -> None:
    assert catalogue.table_name(method) == table


def test_default_catalogue_requests_match_the_recording(recorded: dict) -> None:
    specs = catalogue.parse_catalogue(None)
    for site, ecommerce, goals in ((1, True, ["1", "2"]), (2, False, ["1"])):
        for spec in catalogue.specs_for_site(specs, ecommerce=ecommerce, goal_ids=goals):
            for period, date in (
                ("day", "2026-10-05"),
                ("week", "2026-10-05"),
                ("month", "2026-10-01"),
            ):
                params = spec.request(site, period, D.fromisoformat(date))
                assert tuple(sorted(params.items())) in recorded, params


def test_ecommerce_reports_and_goal_expansion() -> None:
    specs = catalogue.parse_catalogue(None)
    shop = {s.key for s in catalogue.specs_for_site(specs, ecommerce=True, goal_ids=["1", "2"])}
    docs = {s.key for s in catalogue.specs_for_site(specs, ecommerce=False, goal_ids=["1"])}
    assert {"Goals.get", "Goals.get?idGoal=1", "Goals.get?idGoal=2"} <= shop
    assert {"Goals.get?idGoal=ecommerceOrder", "Goals.getItemsSku"} <= shop
    assert "Goals.get?idGoal=2" not in docs
    assert not {k for k in docs if "ecommerce" in k or "Items" in k}
    # idGoal="*" -> the 2 goals; idDimension="*" -> none (no custom dimensions given)
    assert len(shop) == len(catalogue.DEFAULT_CATALOGUE) - 2 + 2


@pytest.fixture(scope="module")
def month_custom_dimension_calls() -> list[dict[str, Any]]:
    """The CustomDimensions calls of the public-month recording."""
    with gzip.open(MONTH / "calls.jsonl.gz", "rt") as handle:
        lines = [line for line in handle if '"CustomDimensions.' in line]
    return [call for call in map(json.loads, lines) if call["auth"] == "valid"]


def test_custom_dimension_reports_per_site_match_the_recording(
    month_custom_dimension_calls: list[dict[str, Any]],
) -> None:
    """One report per active dimension (ids are per site), action scope flat=1: exactly the
    requests public-month recorded; a site without dimensions gets none."""
    recorded = {tuple(sorted(c["params"].items())) for c in month_custom_dimension_calls}
    configured = {
        c["params"]["idSite"]: json.loads(c["body"])
        for c in month_custom_dimension_calls
        if c["method"] == dimensions.METHOD
    }
    specs = catalogue.parse_catalogue(None)
    flat = {}
    for site, rows in sorted(configured.items()):
        dims = dimensions.parse(rows)
        assert [d.id for d in dims] == ["1", "2", "3"]  # Matomo lists them out of id order
        site_specs = catalogue.specs_for_site(specs, ecommerce=True, goal_ids=[], dimensions=dims)
        custom = [s for s in site_specs if s.method == catalogue.CUSTOM_DIMENSION]
        assert len(custom) == 3
        for spec in custom:
            flat[(site, spec.dimension)] = dict(spec.params).get("flat")
            for period, date in (("day", "2026-09-02"), ("week", "2026-09-07")):
                params = {**spec.request(int(site), period, D.fromisoformat(date))}
                params.update(module="API", format="json")
                assert tuple(sorted(params.items())) in recorded, params
    assert flat[("1", "3")] == "1" and flat[("3", "1")] == "1" and flat[("3", "2")] is None
    none = catalogue.specs_for_site(specs, ecommerce=True, goal_ids=[], dimensions=[])
    assert not [s for s in none if s.method == catalogue.CUSTOM_DIMENSION]


def test_inactive_custom_dimensions_get_no_report() -> None:
    rows = [
        {"idcustomdimension": "4", "name": "Old", "scope": "visit", "active": False},
        {"idcustomdimension": "5", "name": "New", "scope": "action", "active": True},
    ]
    specs = catalogue.specs_for_site(
        catalogue.parse_catalogue(None),
        ecommerce=False,
        goal_ids=[],
        dimensions=dimensions.parse(rows),
    )
    keys = {s.key for s in specs if s.method == catalogue.CUSTOM_DIMENSION}
    assert keys == {"CustomDimensions.getCustomDimension?idDimension=5"}


def test_page_performance_sums_are_fractional_seconds(
    month_custom_dimension_calls: list[dict[str, Any]],
) -> None:
    """Action-scope custom dimension rows carry sum_time_network etc. in (fractional) seconds."""
    call = next(
        c
        for c in month_custom_dimension_calls
        if c["params"].get("flat") == "1" and c["params"]["period"] == "day"
    )
    row = rowmod.flatten_row(json.loads(call["body"])[0], {})
    hints = rowmod.column_hints([row])
    assert hints["sum_time_network"]["data_type"] == "double"
    assert hints["sum_time_spent"]["data_type"] == "bigint"


def test_goal_ids_from_goals_get_goals(recorded: dict) -> None:
    body = recorded[(("idSite", "1"), ("method", "Goals.getGoals"))]
    assert catalogue.goal_ids(body) == ["1", "2"]


def test_parse_entry_and_catalogue_errors() -> None:
    spec = catalogue.parse_entry({"method": "Goals.get", "params": {"idGoal": 3}, "segment": "x"})
    assert (spec.report_params, spec.segment, spec.key) == (
        "idGoal=3",
        "x",
        "Goals.get?idGoal=3|segment=x",
    )
    flat = {"method": "Actions.getPageUrls", "params": {"flat": 1}}
    assert catalogue.parse_entry(flat).report_params == ""
    for bad in (
        {"method": "NoDot"},
        {"method": "A.b", "params": {"idSite": 1}},
        {"method": "A.b", "colour": 1},
        {"method": "A.b", "params": [1]},
        3,
    ):
        with pytest.raises(UserError):
            catalogue.parse_entry(bad)
    extra = catalogue.parse_catalogue(None, [{"method": "PagePerformance.get"}, "VisitsSummary.get"])
    assert len(extra) == len(catalogue.DEFAULT_CATALOGUE) + 1
    only = catalogue.parse_catalogue([{"method": "VisitsSummary.get"}])
    assert [s.method for s in only] == ["VisitsSummary.get"]
    with pytest.raises(UserError):
        catalogue.parse_catalogue([])
    with pytest.raises(UserError):
        catalogue.parse_catalogue({"method": "VisitsSummary.get"})  # type: ignore[arg-type]


def test_build_plan_validates_config_in_one_line() -> None:
    for kwargs in (
        {"start_date": "2026-13-01"},
        {"start_date": "yesterday"},
        {"start_date": "2026-10-05", "end_date": "2026-10-01"},
        {"start_date": "2026-10-05", "report_periods": ["year"]},
        {"start_date": "2026-10-05", "lookback_days": -1},
    ):
        with pytest.raises(UserError) as err:
            schedule.build_plan(**kwargs)
        assert "\n" not in str(err.value)
    plan = schedule.build_plan(
        start_date="2026-10-05", report_periods=["month", "day"], now="2026-10-12T03:00:00Z"
    )
    assert plan.periods == ("day", "month")
    assert plan.now == pendulum.datetime(2026, 10, 12, 3)


def test_source_rejects_bad_config_before_any_request() -> None:
    with pytest.raises(UserError, match="start_date"):
        matomo.matomo_reports(url="http://127.0.0.1:9/", api_token="t", start_date="05/10/2026")
    with pytest.raises(UserError, match=r"Module\.action"):
        matomo.matomo_reports(
            url="http://127.0.0.1:9/",
            api_token="t",
            start_date="2026-10-05",
            extra_reports=[{"method": "nonsense"}],
        )


def test_windows_and_period_dates() -> None:
    start, end = D(2026, 10, 5), D(2026, 10, 11)
    assert schedule.window(None, start, end, 3) == (start, end)
    assert schedule.window(D(2026, 10, 9), start, end, 3) == (D(2026, 10, 6), end)
    assert schedule.window(D(2026, 10, 6), start, end, 3) == (start, end)  # never before start
    assert schedule.window(D(2026, 10, 11), start, D(2026, 10, 7), 3) is None
    assert schedule.period_dates("week", D(2026, 10, 7), end) == [D(2026, 10, 5)]
    assert schedule.period_dates("month", start, D(2026, 11, 2)) == [D(2026, 10, 1), D(2026, 11, 1)]
    assert len(schedule.period_dates("day", start, end)) == 7


def test_plan_jobs_and_state_advance_only_without_failures() -> None:
    specs = catalogue.parse_catalogue([{"method": "VisitsSummary.get"}, {"method": "Actions.get"}])
    state = {"VisitsSummary.get": {"day": "2026-10-09"}}
    jobs, reach = schedule.plan_jobs(
        specs, ("day", "week"), state, D(2026, 10, 5), D(2026, 10, 11), 3
    )
    days = sorted(
        j.date.day for j in jobs if j.spec.method == "VisitsSummary.get" and j.period == "day"
    )
    assert days == [6, 7, 8, 9, 10, 11]
    assert len([j for j in jobs if j.spec.method == "Actions.get"]) == 7 + 1
    schedule.advance_state(state, reach, failed={("Actions.get", "week")})
    assert state["VisitsSummary.get"] == {"day": "2026-10-11", "week": "2026-10-11"}
    assert state["Actions.get"] == {"day": "2026-10-11"}


def test_force_start_repulls_from_start_and_state_never_moves_back() -> None:
    specs = catalogue.parse_catalogue([{"method": "VisitsSummary.get"}])
    state = {"VisitsSummary.get": {"day": "2026-10-11"}}
    jobs, reach = schedule.plan_jobs(
        specs, ("day",), state, D(2026, 10, 5), D(2026, 10, 6), 3, force_start=True
    )
    assert sorted(j.date.day for j in jobs) == [5, 6]
    schedule.advance_state(state, reach, failed=set())
    assert state["VisitsSummary.get"] == {"day": "2026-10-11"}


def test_plan_without_start_date_is_relative_to_each_site() -> None:
    plan = schedule.build_plan(now="2026-10-12T03:00:00Z")
    assert plan.start is None and plan.end is None


def test_single_object_report_is_one_row(recorded: dict) -> None:
    spec = catalogue.ReportSpec("VisitsSummary.get")
    body = _body(recorded, "VisitsSummary.get")
    (row,) = rowmod.report_rows(body, spec, 1, "day", D(2026, 10, 5))
    assert row["label"] == "" and row["is_summary_row"] is False
    assert row["nb_visits"] == body["nb_visits"] and isinstance(row["nb_visits"], int)
    assert row["bounce_rate"] == pytest.approx(body["bounce_rate"])
    assert (row["id_site"], row["period"], row["date"], row["segment"], row["report_params"]) == (
        1,
        "day",
        D(2026, 10, 5),
        "",
        "",
    )


def test_day_strings_become_numbers_and_presentational_fields_go(recorded: dict) -> None:
    spec = catalogue.ReportSpec("UserCountry.getCountry")
    body = _body(recorded, "UserCountry.getCountry")
    rows = rowmod.report_rows(body, spec, 1, "day", D(2026, 10, 5))
    assert isinstance(body[0]["nb_actions"], str)
    assert rows[0]["nb_actions"] == int(body[0]["nb_actions"])
    assert "logo" not in rows[0] and rows[0]["code"] == body[0]["code"]
    assert rows[0]["row_segment"] == body[0]["segment"]
    assert rows[0]["goals"] == body[0]["goals"]
    assert isinstance(rows[0]["revenue"], Decimal)


def test_flat_page_urls_keep_label_and_url(recorded: dict) -> None:
    spec = catalogue.ReportSpec("Actions.getPageUrls", (("flat", "1"),))
    body = _body(recorded, "Actions.getPageUrls", flat="1")
    rows = rowmod.report_rows(body, spec, 1, "day", D(2026, 10, 5))
    assert [r["label"] for r in rows] == [b["label"] for b in body]
    assert rows[0]["url"] == body[0]["url"] and "actions_page_url" in rows[0]
    assert rows[0]["max_time_network"] == float(body[0]["max_time_network"])


def test_false_event_values_become_null(calls: list[dict[str, Any]]) -> None:
    falses = 0
    for call in calls:
        if call["method"] == "Events.getCategory" and call["params"].get("period") == "week":
            for raw in json.loads(call["body"]):
                row = rowmod.flatten_row(raw, {})
                if raw["max_event_value"] is False:
                    falses += 1
                    assert row["max_event_value"] is None
    assert falses


def test_empty_reports_have_no_rows_and_a_tombstone() -> None:
    spec = catalogue.ReportSpec("Actions.getOutlinks", (("flat", "1"),))
    assert rowmod.report_rows([], spec, 2, "day", D(2026, 10, 5)) == []
    assert rowmod.report_rows({}, spec, 2, "day", D(2026, 10, 5)) == []
    tomb = rowmod.tombstone_row(spec, 2, "day", D(2026, 10, 5))
    assert tomb[rowmod.TOMBSTONE] is True and tomb["label"] == ""


def test_every_recorded_field_has_one_stable_type(calls: list[dict[str, Any]]) -> None:
    """Across day (strings) and week/month (numbers) bodies a column keeps one type."""
    seen: dict[str, set[str]] = {}
    for call in calls:
        if call["params"].get("format_metrics") != "0" or call["auth"] != "valid":
            continue
        body = json.loads(call["body"])
        for raw in rowmod.body_rows(
            body if not isinstance(body, dict) or "result" not in body else []
        ):
            row = rowmod.flatten_row(raw, {})
            for name, hint in rowmod.column_hints([row]).items():
                seen.setdefault(name, set()).add(hint["data_type"])
    mixed = {name: types for name, types in seen.items() if len(types) > 1}
    assert not mixed
    assert seen["nb_visits"] == {"bigint"} and seen["revenue"] == {"decimal"}
    assert seen["conversion_rate"] == {"double"} and seen["goals"] == {"json"}


@pytest.mark.parametrize(
    ("data_type", "value", "expected"),
    [
        ("bigint", "31", 31),
        ("bigint", 31.0, 31),
        ("double", "0.0010", 0.001),
        ("double", "45%", 0.45),
        ("double", 0, 0.0),
        ("decimal", 194.57999999999998, Decimal("194.57999999999998")),
        ("decimal", False, None),
        ("bigint", "", None),
        ("text", 12, "12"),
    ],
)
def test_coerce(data_type: str, value: Any, expected: Any) -> None:
    assert rowmod.coerce(data_type, value) == expected


def test_summary_row_labels() -> None:
    assert rowmod.is_summary_label("-1") and rowmod.is_summary_label("Others")
    assert rowmod.is_summary_label("/blog - Others")
    assert not rowmod.is_summary_label("Other")


def test_catalogue_lines_name_tables() -> None:
    lines = catalogue.catalogue_lines(catalogue.parse_catalogue(None))
    assert "Actions.getPageUrls flat=1 -> report_actions_get_page_urls" in lines
    assert "Goals.get idGoal=* -> report_goals_get (one per goal of the site)" in lines
    assert (
        "CustomDimensions.getCustomDimension idDimension=* -> "
        "report_custom_dimensions_get_custom_dimension "
        "(one per active custom dimension of the site; action scope with flat=1)"
    ) in lines
