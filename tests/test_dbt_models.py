"""dbt project: build on the bundled recording, Matomo's numbers, incremental == full refresh.

The raw DuckDB is loaded once per module from the bundled recording served over HTTP; every
test works on its own copy (DuckDB files are single-writer).
"""

from __future__ import annotations

import gzip
import json
import re
import secrets
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from pipelines import transform
from pipelines.recording import bundled_recording_dir

ENTITY_MARTS = (
    "fct_visits",
    "fct_actions",
    "fct_pageviews",
    "fct_goal_conversions",
    "fct_ecommerce_orders",
    "fct_ecommerce_order_items",
    "fct_abandoned_carts",
    "dim_sites",
    "dim_goals",
    "dim_visitors",
)
# entity marts with no rows on the bundled recording (its Matomo has no custom dimensions)
EMPTY_ENTITY_MARTS = ("dim_custom_dimensions", "fct_custom_dimension_values")
# The entity marts and their upstream layers (the metric marts and reconciliation are tested
# by their own modules).
ENTITY_SELECT = "path:seeds path:models/staging path:models/intermediate " + " ".join(
    f"path:models/marts/{name}.sql" for name in ENTITY_MARTS + EMPTY_ENTITY_MARTS
)
INCREMENTAL_MARTS = {
    "fct_visits": ("site_id", "visit_id"),
    "fct_actions": ("site_id", "visit_id", "action_position"),
    "fct_pageviews": ("site_id", "visit_id", "action_position"),
}
# Incremental intermediate models (schema matomo_intermediate, incremental by visit) and
# metric marts (incremental by site and local day); compared row for row (order by all).
INCREMENTAL_INTERMEDIATE = (
    "int_matomo__actions",
    "int_matomo__time_on_page",
    "int_matomo__pageviews",
    "int_matomo__visits",
    "int_matomo__visit_labels_devices",
    "int_matomo__visit_labels_interest",
    "int_matomo__visit_labels_lookups",
    "int_matomo__visit_labels_referrers",
    "int_matomo__visit_labels_time",
)
INCREMENTAL_METRICS = (
    "metrics_visits_summary",
    "metrics_actions",
    "metrics_events",
    "metrics_goals",
    "metrics_products",
    "metrics_pages",
    "metrics_downloads_outlinks",
    "metrics_site_search",
    "metrics_contents",
)
METRICS_SELECT = "path:models/marts/metrics"


def _load_live(path: Path) -> None:
    """Load the recording's Live data (and reports, when that source works) into `path`."""
    from pipelines import workflow

    try:
        if workflow.demo(path, transform=False) == 0:
            return
    except Exception:  # the Reporting API source is optional for these tests
        pass
    path.unlink(missing_ok=True)
    from pipelines.recording import RecordingServer
    from pipelines.runner import LoadOptions, load

    directory = bundled_recording_dir()
    dates = json.loads((directory / "manifest.json").read_text())["date_range"]
    token = secrets.token_hex(16)
    with RecordingServer(directory, token=token) as server:
        result = load(
            path,
            LoadOptions(
                url=server.url,
                api_token=token,
                start_date=dates["start"],
                end_date=dates["end"],
                force_start=True,
                reports=False,
            ),
        )
    assert result.ok, result.failures


@pytest.fixture(scope="module")
def raw_duckdb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("raw") / "raw.duckdb"
    _load_live(path)
    return path


@pytest.fixture(scope="module")
def built_duckdb(raw_duckdb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("built") / "warehouse.duckdb"
    shutil.copy(raw_duckdb, path)
    assert transform.build(path, select=ENTITY_SELECT) == 0
    return path


def _recorded_live_days() -> Counter[tuple[int, str]]:
    """Visits per (site, local day) in the recorded Live.getLastVisitsDetails day lists."""
    counts: Counter[tuple[int, str]] = Counter()
    path = bundled_recording_dir() / "calls.jsonl.gz"
    with gzip.open(path, "rt") as lines:
        for line in lines:
            call = json.loads(line)
            params = call["params"]
            if (
                call["method"] == "Live.getLastVisitsDetails"
                and call["auth"] == "valid"
                and params.get("period") == "day"
                and params.get("filter_limit") == "-1"
                and params.get("filter_sort_order") == "desc"
                and not {"segment", "minTimestamp", "doNotFetchActions"} & params.keys()
            ):
                key = (int(params["idSite"]), params["date"])
                counts[key] = len(json.loads(call["body"]))
    assert counts, "no Live day lists in the recording"
    return counts


def test_dbt_build_passes_with_all_tests(built_duckdb: Path) -> None:
    with duckdb.connect(str(built_duckdb), read_only=True) as con:
        schemas = {
            r[0]
            for r in con.execute(
                "select distinct table_schema from information_schema.tables"
            ).fetchall()
        }
        assert {"matomo_staging", "matomo_intermediate", "matomo"} <= schemas
        for mart in ENTITY_MARTS:
            assert con.execute(f"select count(*) from matomo.{mart}").fetchone()[0] > 0, mart


def test_visits_per_site_and_day_equal_recorded_live_day_lists(built_duckdb: Path) -> None:
    with duckdb.connect(str(built_duckdb), read_only=True) as con:
        rows = con.execute(
            "select site_id, cast(visit_date as varchar), count(*) from matomo.fct_visits "
            "group by all"
        ).fetchall()
    ours = {(site, day): n for site, day, n in rows}
    assert ours == dict(_recorded_live_days())


LABEL_REPORTS = {
    "UserCountry.getCountry": "report_user_country_get_country",
    "UserLanguage.getLanguage": "report_user_language_get_language",
    "DevicesDetection.getOsFamilies": "report_devices_detection_get_os_families",
}


def test_lookup_labels_count_matomo_visits_per_day(built_duckdb: Path) -> None:
    """Visits per (site, day, report, label) of int_matomo__visit_labels_lookups (labels from
    the seeds) equal Matomo's nb_visits rows of the three name-labelled reports."""
    matomo = " union all ".join(
        f"select id_site, cast(date as varchar), '{report}', label, nb_visits "
        f"from matomo_raw.{table} where period = 'day' and coalesce(segment, '') = ''"
        for report, table in LABEL_REPORTS.items()
    )
    ours_sql = """
        select l.site_id, cast(v.visit_date as varchar), l.matomo_report, l.label, count(*)
        from matomo_intermediate.int_matomo__visit_labels_lookups as l
        join matomo_intermediate.int_matomo__visits as v
            on v.id_site = l.site_id and v.id_visit = l.id_visit
        group by all
    """
    with duckdb.connect(str(built_duckdb), read_only=True) as con:
        theirs = {tuple(r[:4]): r[4] for r in con.execute(matomo).fetchall()}
        ours = {tuple(r[:4]): r[4] for r in con.execute(ours_sql).fetchall()}
    assert {key[2] for key in theirs} == set(LABEL_REPORTS)
    assert ours == theirs


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    tables = [("matomo", mart, ", ".join(key)) for mart, key in INCREMENTAL_MARTS.items()]
    tables += [("matomo_intermediate", name, "all") for name in INCREMENTAL_INTERMEDIATE]
    tables += [("matomo", name, "all") for name in INCREMENTAL_METRICS]
    with duckdb.connect(str(path), read_only=True) as con:
        out = {}
        for schema, mart, order in tables:
            columns = [
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ? "
                    "and column_name <> 'dlt_load_id' order by column_name",
                    [schema, mart],
                ).fetchall()
            ]
            out[mart] = con.execute(
                f"select {', '.join(columns)} from {schema}.{mart} order by {order}"
            ).fetchall()
        return out


def _load_days(target: Path, full: Path, last_day: str, load_id: str) -> None:
    """Replay a load: raw rows of visits up to `last_day` (local) become the raw tables, the
    visits of the newest day rewritten with a new load id, like the loader's upsert does."""
    with duckdb.connect(str(target)) as con:
        con.execute(f"attach '{full}' as full_raw (read_only)")
        # the days the loader read so far (the metric marts publish those days)
        con.execute("delete from matomo_raw.load_audit")
        con.execute(
            """
            insert into matomo_raw.load_audit by name
            select t.* replace (
                case when t.visit_date >= cast(? as date) - 1 then ? else t._dlt_load_id end
                    as _dlt_load_id
            )
            from full_raw.matomo_raw.load_audit as t
            where t.visit_date <= cast(? as date)
            """,
            [last_day, load_id, last_day],
        )
        for table in ("visits", "visit_actions", "ecommerce_items"):
            con.execute(f"delete from matomo_raw.{table}")
            con.execute(
                f"""
                insert into matomo_raw.{table} by name
                select t.* replace (
                    case when v.visit_date >= cast(? as date) - 1 then ? else t._dlt_load_id end
                        as _dlt_load_id
                )
                from full_raw.matomo_raw.{table} as t
                join full_raw.matomo_raw.visits as v using (id_site, id_visit)
                where v.visit_date <= cast(? as date)
                """
                if table != "visits"
                else f"""
                insert into matomo_raw.{table} by name
                select t.* replace (
                    case when t.visit_date >= cast(? as date) - 1 then ? else t._dlt_load_id end
                        as _dlt_load_id
                )
                from full_raw.matomo_raw.{table} as t
                where t.visit_date <= cast(? as date)
                """,
                [last_day, load_id, last_day],
            )


def test_incremental_sequence_equals_full_refresh(raw_duckdb: Path, tmp_path: Path) -> None:
    # relationship tests need the dimensions too
    select = f"{ENTITY_SELECT} {METRICS_SELECT}"
    incremental = tmp_path / "incremental.duckdb"
    shutil.copy(raw_duckdb, incremental)
    # three loads: the first days, then two more days, then the rest of the week
    for step, last_day in enumerate(("2026-10-07", "2026-10-09", "2026-10-11"), start=1):
        _load_days(incremental, raw_duckdb, last_day, f"9{step:09d}.0")
        assert transform.build(incremental, select=select) == 0

    full = tmp_path / "refreshed.duckdb"
    shutil.copy(incremental, full)
    assert transform.build(full, select=select, full_refresh=True) == 0

    got, want = _snapshot(incremental), _snapshot(full)
    for mart in (*INCREMENTAL_MARTS, *INCREMENTAL_INTERMEDIATE, *INCREMENTAL_METRICS):
        assert len(got[mart]) == len(want[mart]) > 0, mart
        assert got[mart] == want[mart], mart


def _documented_columns(model: str) -> dict[str, str]:
    """Column -> description from the model's own yml (beside its SQL)."""
    import yaml

    (path,) = (transform.PROJECT_DIR / "models").rglob(f"{model}.yml")
    (node,) = yaml.safe_load(path.read_text())["models"]
    return {c["name"]: c.get("description") or "" for c in node.get("columns", [])}


def test_every_mart_column_is_documented(built_duckdb: Path) -> None:
    docs = (transform.PROJECT_DIR / "models" / "docs.md").read_text()
    with duckdb.connect(str(built_duckdb), read_only=True) as con:
        rows = con.execute(
            "select table_name, column_name from information_schema.columns "
            "where table_schema = 'matomo'"
        ).fetchall()
    built: dict[str, set[str]] = {}
    for table, column in rows:
        built.setdefault(table, set()).add(column)
    assert set(ENTITY_MARTS) <= set(built)
    for mart, columns in built.items():
        documented = _documented_columns(mart)
        assert set(documented) == columns, mart
        for column, text in documented.items():
            assert text.strip(), (mart, column)
            for name in re.findall(r'doc\("(\w+)"\)', text):
                assert f"{{% docs {name} %}}" in docs, (mart, column, name)
