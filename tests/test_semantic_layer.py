"""MetricFlow's metrics (models/semantic/) equal Matomo's own reports, cell by cell.

Each recording is loaded and built once (module fixture); MetricFlow queries every metric by
day, week and month per site (and visits by channel, country and device), and each number is
compared with the Reporting API's (the raw `matomo_raw.report_*` tables, latest load), on the
periods the metric marts publish (every loaded day; weeks and months whose days are all loaded).
MetricFlow returns exact ratios: Matomo's PHP rounding is applied here (README "Semantic layer").
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines import semantic
from pipelines.errors import UserError
from pipelines.publish import published_path
from tests.conftest import build_and_publish

pytestmark = pytest.mark.slow

RECORDINGS = {
    "public": None,  # the bundled recording: conftest's demo_warehouse
    "public-month": Path(__file__).parent / "fixtures" / "matomo-recordings" / "public-month",
}
GRAINS = ("day", "week", "month")

# (raw report table, report_params, Matomo metric, MetricFlow metric, decimals Matomo rounds to)
CELLS = (
    ("visits_summary_get", "", "nb_visits", "visits", None),
    ("visits_summary_get", "", "nb_uniq_visitors", "unique_visitors", None),
    ("visits_summary_get", "", "nb_actions", "actions", None),
    ("visits_summary_get", "", "bounce_count", "bounces", None),
    ("visits_summary_get", "", "sum_visit_length", "visit_length", None),
    ("visits_summary_get", "", "nb_visits_converted", "converted_visits", None),
    ("visits_summary_get", "", "bounce_rate", "bounce_rate", 2),
    ("visits_summary_get", "", "nb_actions_per_visit", "actions_per_visit", 1),
    ("visits_summary_get", "", "avg_time_on_site", "avg_time_on_site", 0),
    ("actions_get", "", "nb_pageviews", "pageviews", None),
    ("actions_get", "", "nb_searches", "searches", None),
    ("actions_get", "", "nb_downloads", "downloads", None),
    ("actions_get", "", "nb_outlinks", "outlinks", None),
    ("goals_get", "", "nb_conversions", "conversions", None),
    ("goals_get", "", "revenue", "revenue", None),
    ("goals_get", "", "conversion_rate", "conversion_rate", 4),
    ("goals_get", "idGoal=ecommerceOrder", "nb_conversions", "orders", None),
    ("goals_get", "idGoal=ecommerceOrder", "revenue", "ecommerce_revenue", None),
    ("goals_get", "idGoal=ecommerceOrder", "items", "ordered_items", None),
    ("goals_get", "idGoal=ecommerceOrder", "avg_order_revenue", "average_order_value", 2),
    ("goals_get", "idGoal=ecommerceAbandonedCart", "nb_conversions", "abandoned_carts", None),
    ("goals_get", "idGoal=ecommerceAbandonedCart", "revenue", "abandoned_cart_revenue", None),
)
# Events: Σ nb_events over the rows of Events.getCategory (every event has one category)
EVENTS = ("events_get_category", "nb_events", "events")
# (raw report table, MetricFlow dimension, Matomo's row segment prefix): nb_visits per row
DIMENSIONS = (
    ("referrers_get_referrer_type", "visit__channel", "referrerType=="),
    ("user_country_get_country", "visit__country_code", "countryCode=="),
    ("devices_detection_get_type", "visit__device_type", "deviceType=="),
)

LATEST = """
select id_site, period, date, coalesce(row_segment, '') as row_segment, {metric} as value
from (
    select *, row_number() over (
        partition by id_site, period, date, label order by _dlt_load_id desc) as newest
    from matomo_raw.report_{table}
    where coalesce(report_params, '') = $params and coalesce(segment, '') = ''
) as r
where newest = 1 and {metric} is not null
  and exists (select 1 from matomo.metrics_visits_summary as p
              where p.site_id = r.id_site and p.period = r.period and p.date = r.date)
"""


@pytest.fixture(scope="module", params=sorted(RECORDINGS))
def built(request, tmp_path_factory) -> Path:
    if request.param == "public":
        return request.getfixturevalue("demo_warehouse")
    path = tmp_path_factory.mktemp(request.param) / "warehouse.duckdb"
    return build_and_publish(path, RECORDINGS[request.param])


def _matomo_cells(path: Path) -> dict[tuple, float]:
    cells: dict[tuple, float] = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for table, params, metric, name, _ in CELLS:
            sql = LATEST.format(metric=metric, table=table).replace("row_segment", "''")
            for site, period, date, _, value in con.execute(sql, {"params": params}).fetchall():
                cells[(site, period, date, name, "")] = float(value)
        table, metric, name = EVENTS
        sql = LATEST.format(metric=metric, table=table).replace("row_segment", "''")
        for site, period, date, _, value in con.execute(sql, {"params": ""}).fetchall():
            key = (site, period, date, name, "")
            cells[key] = cells.get(key, 0.0) + float(value)
        for table, dimension, prefix in DIMENSIONS:
            sql = LATEST.format(metric="nb_visits", table=table)
            for site, period, date, segment, value in con.execute(sql, {"params": ""}).fetchall():
                label = segment.removeprefix(prefix).replace("+", " ")
                cells[(site, period, date, dimension, label)] = float(value)
    return cells


def _metricflow_cells(path: Path) -> dict[tuple, float | None]:
    metrics = sorted({cell[3] for cell in CELLS} | {EVENTS[2]})
    rounding = {cell[3]: cell[4] for cell in CELLS}
    cells: dict[tuple, float | None] = {}
    for grain in GRAINS:
        time = f"metric_time__{grain}"
        for row in semantic.query(path, metrics, [time, "site"]):
            for name in metrics:
                value = _php_round(row[name], rounding.get(name))
                cells[(row["site"], grain, row[time].date(), name, "")] = value
        for _, dimension, _ in DIMENSIONS:
            for row in semantic.query(path, ["visits"], [time, "site", dimension]):
                label = str(row[dimension]).lower()
                cells[(row["site"], grain, row[time].date(), dimension, label)] = row["visits"]
    return cells


def _php_round(value, decimals: int | None):
    """Matomo's rounding (PHP round: half away from zero) of MetricFlow's exact value."""
    if value is None or decimals is None:
        return value
    return float(Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def test_metricflow_equals_matomo_reports(built):
    matomo = _matomo_cells(built)
    mf = _metricflow_cells(built)
    # no facts = no MetricFlow row (NULL): Matomo reports 0 for such a count or ratio
    mismatches = [
        (key, value, mf.get(key))
        for key, value in sorted(matomo.items(), key=str)
        if float(mf.get(key) or 0) != value
    ]
    assert not mismatches, (len(mismatches), len(matomo), mismatches[:20])
    grains = {key[1] for key, value in matomo.items() if value}
    metrics = {key[3] for key, value in matomo.items() if value}
    assert grains >= {"day", "week"}, grains
    assert metrics >= {cell[3] for cell in CELLS} | {EVENTS[2]} | {d[1] for d in DIMENSIONS}


def test_published_copy_answers_the_same(built):
    """BI readers query the published `_bi` file; the manifest names the warehouse's catalog."""
    group_by = ["metric_time__week", "site", "visit__channel"]
    warehouse = sorted(semantic.query(built, ["visits", "bounce_rate"], group_by), key=str)
    published = semantic.query(published_path(built), ["visits", "bounce_rate"], group_by)
    assert warehouse
    assert sorted(published, key=str) == warehouse


def test_missing_manifest_is_one_clear_error(tmp_path):
    with pytest.raises(
        UserError, match=r"no semantic manifest at .*: run `matomo-warehouse transform`"
    ):
        semantic.query(tmp_path / "none.duckdb", ["visits"], ["site"])
