"""End to end: the Reporting API source against the recording server, into DuckDB.

Expected values come from the recorded bodies, never from the code under test.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlencode

import dlt
import duckdb
import pytest

import pipelines.matomo as matomo
from pipelines.matomo import RunContext
from pipelines.matomo.client import MatomoError
from pipelines.matomo.reports import catalogue
from pipelines.matomo.reports import rows as rowmod
from pipelines.recording import RecordingServer, bundled_recording_dir

TOKEN = "reports-test-token-3b9d"
START, MIDDLE, END = "2026-10-05", "2026-10-09", "2026-10-11"
PERIODS = ["day", "week", "month"]
CATALOGUE_PARAMS = {"flat", "idGoal", "abandonedCarts"}  # params of DEFAULT_CATALOGUE entries
STANDARD = {
    "method",
    "module",
    "format",
    "idSite",
    "period",
    "date",
    "format_metrics",
    "filter_limit",
}
# every table of the default catalogue but custom dimensions: the public recording has none
N_TABLES = len(
    {entry["method"] for entry in catalogue.DEFAULT_CATALOGUE}
    - {"CustomDimensions.getCustomDimension"}
)
NOT_METRICS = {"label", "logo", "logoHeight", "logoWidth"}


@pytest.fixture(scope="module")
def calls() -> list[dict[str, Any]]:
    with gzip.open(bundled_recording_dir() / "calls.jsonl.gz", "rt") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    with RecordingServer(bundled_recording_dir(), token=TOKEN) as srv:
        yield srv


def _pipeline(path: Path, name: str) -> dlt.Pipeline:
    return dlt.pipeline(
        pipeline_name=name,
        destination=dlt.destinations.duckdb(str(path / f"{name}.duckdb")),
        dataset_name="matomo_raw",
        pipelines_dir=str(path / "dlt"),
    )


def _source(server: RecordingServer, end: str, failures: list, **kw: Any) -> Any:
    return matomo.matomo_reports(
        url=server.url,
        api_token=TOKEN,
        site_ids=[1, 2],
        start_date=START,
        end_date=end,
        report_periods=PERIODS,
        run=RunContext(failures=failures),
        **kw,
    )


@pytest.fixture(scope="module")
def loaded(server: RecordingServer, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two runs: to MIDDLE, then to END (the lookback re-pulls overlapping days)."""
    path = tmp_path_factory.mktemp("reports")
    pipeline = _pipeline(path, "reports_e2e")
    extra = [{"method": "NoSuchModule.get"}]
    first: list[MatomoError] = []
    pipeline.run(_source(server, MIDDLE, first, extra_reports=extra))
    state_after_first = json.loads(json.dumps(_state(pipeline)))
    second: list[MatomoError] = []
    pipeline.run(_source(server, END, second, extra_reports=extra))
    db = duckdb.connect(str(path / "reports_e2e.duckdb"), read_only=True)
    yield {
        "pipeline": pipeline,
        "db": db,
        "first": first,
        "second": second,
        "state_after_first": state_after_first,
    }
    db.close()


def _state(pipeline: dlt.Pipeline) -> dict:
    return pipeline.state["sources"]["matomo_reports"]["reports"]


def _catalogue_calls(calls: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Recorded report calls the default catalogue makes for day/week/month."""
    wanted = {
        (entry["method"], tuple(sorted((entry.get("params") or {}).items())))
        for entry in catalogue.DEFAULT_CATALOGUE
    }
    out = []
    for call in calls:
        params = call["params"]
        if call["auth"] != "valid" or params.get("period") not in PERIODS:
            continue
        if params.get("format_metrics") != "0" or "," in params.get("idSite", "1,"):
            continue
        if set(params) - STANDARD - CATALOGUE_PARAMS:
            continue  # extras the default catalogue does not request
        extra = {k: v for k, v in params.items() if k in CATALOGUE_PARAMS}
        generic = {**extra, "idGoal": "*"} if extra.get("idGoal", "e").isdigit() else extra
        key = tuple(sorted(generic.items()))
        if (call["method"], key) in wanted and "," not in params["date"]:
            out.append(call)
    return out


def _report_params(params: dict[str, str]) -> str:
    return urlencode(sorted((k, v) for k, v in params.items() if k in CATALOGUE_PARAMS - {"flat"}))


def _rows(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, list):
        return body
    return [body] if body else []


def _db_rows(db: duckdb.DuckDBPyConnection, table: str, params: dict[str, str]) -> dict:
    cursor = db.execute(
        f'select * from matomo_raw."{table}" where id_site = ? and period = ? and date = ? '
        "and segment = '' and report_params = ?",
        [int(params["idSite"]), params["period"], params["date"], _report_params(params)],
    )
    names = [d[0] for d in cursor.description]
    return {
        row[names.index("label")]: dict(zip(names, row, strict=True)) for row in cursor.fetchall()
    }


def _assert_cell(field: str, expected: Any, actual: Any, where: str) -> None:
    if isinstance(expected, dict | list):
        got = json.loads(actual) if isinstance(actual, str) else actual
        assert got == expected, where
    elif expected is False or expected is None:
        assert actual is None, where
    elif isinstance(actual, Decimal):
        assert abs(actual - Decimal(str(expected))) < Decimal("0.005"), where
    elif isinstance(actual, int | float):
        assert math.isclose(float(actual), float(expected), rel_tol=1e-12), where
        if isinstance(actual, int):
            assert actual == Decimal(str(expected)), where
    else:
        assert actual == str(expected), where


def test_every_recorded_cell_is_loaded(loaded: dict, calls: list[dict[str, Any]]) -> None:
    db = loaded["db"]
    checked = Counter()
    for call in _catalogue_calls(calls):
        params = call["params"]
        table = catalogue.table_name(call["method"])
        db_rows = _db_rows(db, table, params)
        expected_rows = _rows(json.loads(call["body"]))
        where = f"{call['method']} {params['idSite']} {params['period']} {params['date']}"
        assert len(db_rows) == len(expected_rows), where
        for expected in expected_rows:
            label = "" if "label" not in expected else str(expected["label"])
            actual = db_rows[label]
            for field, value in expected.items():
                if field in NOT_METRICS:
                    continue
                column = rowmod.field_column(field)
                _assert_cell(field, value, actual[column], f"{where} {label!r} {field}")
                checked[table] += 1
    assert len(checked) == N_TABLES, sorted(checked)  # every report table had cells to compare


def test_report_loads_has_one_row_per_loaded_report_day(loaded: dict, calls: list) -> None:
    db = loaded["db"]
    for call in _catalogue_calls(calls):
        params = call["params"]
        found = db.execute(
            "select row_count from matomo_raw.report_loads where id_site = ? and method = ? "
            "and period = ? and date = ? and segment = '' and report_params = ?",
            [
                int(params["idSite"]),
                call["method"],
                params["period"],
                params["date"],
                _report_params(params),
            ],
        ).fetchall()
        assert found == [(len(_rows(json.loads(call["body"]))),)], params


def test_rerun_with_lookback_keeps_one_row_per_key(loaded: dict) -> None:
    db = loaded["db"]
    tables = [
        t
        for (t,) in db.execute(
            "select table_name from information_schema.tables where table_schema = 'matomo_raw' "
            "and table_name like 'report_%'"
        ).fetchall()
    ]
    assert len(tables) == N_TABLES + 1  # + report_loads
    for table in tables:
        key = ", ".join(rowmod.LOADS_KEY if table == "report_loads" else rowmod.ROW_KEY)
        dupes = db.execute(
            f'select count(*) from (select {key} from matomo_raw."{table}" '
            f"group by {key} having count(*) > 1)"
        ).fetchone()
        assert dupes == (0,), table
    no_float_variants = db.execute(
        "select count(*) from information_schema.columns where table_schema = 'matomo_raw' "
        "and contains(column_name, '__v_')"
    ).fetchone()
    assert no_float_variants == (0,)


def test_state_advances_to_end_date(loaded: dict) -> None:
    first, second = loaded["state_after_first"], _state(loaded["pipeline"])
    assert first["1"]["VisitsSummary.get"] == {p: MIDDLE for p in PERIODS}
    assert second["1"]["VisitsSummary.get"] == {p: END for p in PERIODS}
    assert second["2"]["Goals.get?idGoal=1"]["day"] == END
    assert "Goals.get?idGoal=ecommerceOrder" in second["1"]
    assert "Goals.get?idGoal=ecommerceOrder" not in second["2"]


def test_failed_report_is_reported_and_does_not_advance(loaded: dict) -> None:
    failures = loaded["first"]
    assert failures and all(isinstance(f, MatomoError) for f in failures)
    assert {f.method for f in failures} == {"NoSuchModule.get"}
    assert "NoSuchModule.get site=1 period=day date=2026-10-05: " in str(failures[0])
    assert len(failures) == 2 * (5 + 1 + 1)  # sites x (days + week + month) of the first run
    for site in ("1", "2"):
        assert "NoSuchModule.get" not in _state(loaded["pipeline"])[site]
    assert len(loaded["second"]) == 2 * (7 + 1 + 1)  # restarts at start_date: no state


def test_bulk_sub_error_fails_only_that_report(tmp_path: Path) -> None:
    catalogue = [{"method": "VisitsSummary.get"}, {"method": "Events.getName"}]
    with RecordingServer(
        bundled_recording_dir(), token=TOKEN, faults=["bulk_sub_error:method=Events.getName"]
    ) as srv:
        pipeline = _pipeline(tmp_path, "reports_fault")
        failures: list[MatomoError] = []
        source = matomo.matomo_reports(
            url=srv.url,
            api_token=TOKEN,
            site_ids=[2],
            start_date=START,
            end_date=END,
            reports=catalogue,
            report_periods=["day"],
            run=RunContext(failures=failures),
        )
        pipeline.run(source)
    assert len(failures) == 1
    assert str(failures[0]).startswith("Matomo Events.getName site=2 period=day date=")
    assert "Simulated failure" in str(failures[0])
    state = _state(pipeline)["2"]
    assert state["VisitsSummary.get"] == {"day": END}
    assert "Events.getName" not in state
    with duckdb.connect(str(tmp_path / "reports_fault.duckdb"), read_only=True) as db:
        days = db.execute("select count(distinct date) from matomo_raw.report_events_get_name")
        assert days.fetchone() == (6,)  # the 7 days but the failed one


def test_cli_list_and_discover(
    server: RecordingServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from pipelines.cli import main

    monkeypatch.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
    assert main(["reports", "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "Goals.getItemsSku -> report_goals_get_items_sku (ecommerce sites)" in listed
    argv = ["reports", "--discover", "--site", "2", "--date", START, "--url", server.url]
    assert main(argv) == 0
    offered = capsys.readouterr().out.splitlines()
    assert "2\t* Events.getCategory\tActions / Event Categories" in offered
    assert any("\t* UserId.getUsers\t" in line for line in offered)
    assert any("\t  PagePerformance.get\t" in line for line in offered)


class _ScriptedClient:
    """Answers every report sub-request with `body`; sites as Matomo describes them."""

    body: ClassVar[Any] = None
    halted = False  # MatomoClient's circuit breaker: never trips here

    def __init__(self, url: str, token: str) -> None:
        pass

    def call(self, method: str, params: Any = None) -> Any:
        assert method == "SitesManager.getSiteFromId"
        return {"idsite": 7, "name": "x", "timezone": "UTC", "currency": "EUR", "ecommerce": 0}

    def bulk(self, requests: list[dict[str, str]]) -> list[Any]:
        return [self.body for _ in requests]


def test_a_report_that_became_empty_loses_its_old_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        matomo.reports, "make_client", lambda url, token, *_: _ScriptedClient(url, token)
    )
    pipeline = _pipeline(tmp_path, "reports_empty")
    counts = []
    for body in ([{"label": "a", "nb_visits": "2"}, {"label": "b", "nb_visits": 1}], []):
        _ScriptedClient.body = body
        source = matomo.matomo_reports(
            url="http://unused/",
            api_token="t",
            site_ids=[7],
            start_date="2026-10-05",
            end_date="2026-10-06",
            reports=[{"method": "Referrers.getAll"}],
            report_periods=["day"],
        )
        pipeline.run(source)
        with duckdb.connect(str(tmp_path / "reports_empty.duckdb"), read_only=True) as db:
            sql = "select count(*) from matomo_raw.report_referrers_get_all"
            counts.append(db.execute(sql).fetchone()[0])
            loads = db.execute("select row_count from matomo_raw.report_loads").fetchall()
    assert counts == [4, 0]  # 2 rows x 2 days, then both days re-pulled empty
    assert loads == [(0,), (0,)]
