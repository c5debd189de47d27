"""Custom dimensions end to end on the `public-month` recording (sites 1 Shop and 3 Store AU,
whose dimension ids differ: `Page Type` is id 3 on site 1, id 1 on site 3): the configured
dimensions load, every active dimension's CustomDimensions.getCustomDimension report loads
(action scope flat=1), and `metrics_custom_dimensions` rebuilt from Live equals Matomo's rows
for a whole week and its days, metric by metric."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
import yaml

from pipelines import transform
from pipelines.cli import main
from pipelines.recording import RecordingServer, load_recording

MONTH = Path(__file__).parent / "fixtures" / "matomo-recordings" / "public-month"
TOKEN = "month-token-3a7f"
SITES = ("1", "3")
# a whole week (Monday..Sunday) plus the next day: actions of the 13th in visits ending the 14th
START, END, NOW, WEEK = "2026-09-07", "2026-09-14", "2026-10-05T00:00:00Z", "2026-09-07"
CATALOGUE = [{"method": "CustomDimensions.getCustomDimension", "params": {"idDimension": "*"}}]
# the metrics the mart's yml says the reconciliation compares
_YML = transform.PROJECT_DIR / "models" / "marts" / "metrics" / "metrics_custom_dimensions.yml"
METRICS = yaml.safe_load(_YML.read_text())["models"][0]["config"]["meta"]["matomo_metrics"]


@pytest.fixture(scope="module")
def server() -> Iterator[RecordingServer]:
    with RecordingServer(load_recording(MONTH), token=TOKEN) as srv:
        yield srv


@pytest.fixture(scope="module")
def month_db(server: RecordingServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sites 1 and 3, one week, only the custom dimension reports; the custom dimension
    models built."""
    db = tmp_path_factory.mktemp("month") / "month.duckdb"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCES__MATOMO__API_TOKEN", TOKEN)
        env.setenv("SOURCES__MATOMO__REPORTS", json.dumps(CATALOGUE))
        sites = [arg for site in SITES for arg in ("--site", site)]
        args = ["run", "--url", server.url, "--duckdb", str(db), "--now", NOW, *sites]
        assert main([*args, "--start-date", START, "--end-date", END, "--no-transform"]) == 0
    # (+ ecommerce items: a relationship test of the visit actions reads it)
    select = "+metrics_custom_dimensions stg_matomo__ecommerce_items"
    assert transform.build(db, select=select, unit_tests=False) == 0
    return db


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_configured_dimensions_load_with_per_site_ids(month_db: Path) -> None:
    manifest = json.loads((MONTH / "manifest.json").read_text())["custom_dimensions"]
    want = {
        (int(site), int(d["idcustomdimension"]), d["name"], d["scope"])
        for site, dims in manifest.items()
        if site in SITES
        for d in dims
    }
    got = query(
        month_db,
        "select site_id, dimension_id, dimension_name, dimension_scope "
        "from matomo.dim_custom_dimensions",
    )
    assert set(got) == want and len(got) == 6
    assert (3, 1, "Page Type", "action") in want and (1, 3, "Page Type", "action") in want


def test_values_keep_matomo_labels(month_db: Path) -> None:
    labels = dict(
        query(
            month_db,
            "select label, count(*) from matomo.fct_custom_dimension_values "
            "where dimension_name = 'Page Type' group by label",
        )
    )
    assert labels["Value not defined"] > 0 and "" not in labels and labels["product"] > 0


def test_mart_equals_matomo_rows_for_the_week_and_its_days(month_db: Path) -> None:
    """Every Matomo row (day rows of the 7 days, the week's rows) has a mart row and the
    other way round; every compared metric equal (NULL only where Matomo sends nothing)."""
    cells = ", ".join(f"r.{m} as m_{m}, c.{m} as c_{m}" for m in METRICS)
    rows = query(
        month_db,
        f"""
        with r as (
            select *, 'CustomDimensions.getCustomDimension?' || report_params as matomo_report
            from matomo_raw.report_custom_dimensions_get_custom_dimension
            where segment = '' and not coalesce(_tombstone, false)
              and ((period = 'day' and date between '{START}' and date '{END}' - 1)
                   or (period = 'week' and date = '{WEEK}'))
        ),
        c as (
            select * from matomo.metrics_custom_dimensions
            where (period = 'day' and date between '{START}' and date '{END}' - 1)
               or period = 'week'
        )
        select r.label is not null, c.label is not null, coalesce(r.period, c.period), {cells}
        from r full outer join c
            on r.id_site = c.site_id and r.period = c.period and r.date = c.date
            and r.matomo_report = c.matomo_report and r.label = c.label
        """,
    )
    assert all(in_matomo and in_mart for in_matomo, in_mart, *_ in rows)
    diffs, compared = [], 0
    for row in rows:
        for i, metric in enumerate(METRICS):
            matomo, mart = row[3 + 2 * i], row[4 + 2 * i]
            compared += matomo is not None
            if (matomo is None) != (mart is None) or (
                matomo is not None and abs(matomo - mart) > 1e-9
            ):
                diffs.append((row[2], metric, matomo, mart))
    assert not diffs
    assert {row[2] for row in rows} == {"day", "week"}
    assert len(rows) > 400 and compared > 2000
